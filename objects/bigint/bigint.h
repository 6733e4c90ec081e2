// pyrt::bigint — arbitrary-precision signed integers with Python 3.11 `int` semantics.
//
// This is the arithmetic core the object model's `int` is built on, usable alone. Every
// operation gives exactly what CPython 3.11 gives for the same `int` operation: floor
// division and modulo, two's-complement bitwise operations on negative numbers, floor
// right shifts, correctly rounded conversion to float and true division, `hash()`,
// `int(text, base)` parsing and `str()`/`format()` output, including the 4300-digit
// str-conversion limit (CVE-2020-10735) and its exact error messages.
//
// Representation
// --------------
//   BigInt = { bool negative_; uint64_t small_; std::vector<uint64_t> big_; }
//
//   magnitude = sum(limb[i] * 2^(64*i)), limbs little-endian, normalized (no zero top
//   limb). A magnitude of at most one limb lives in `small_` (so zero, every int64 and
//   every uint64 is held without allocating); larger ones live in `big_` (size >= 2) and
//   `small_` is then 0. Zero is never negative.
//
//        small form:  negative_ | small_ = |v|          | big_ empty
//        big form:    negative_ | small_ = 0            | big_ = [l0, l1, ..., l(n-1)], l(n-1) != 0
//
// Limbs are full 64-bit words; products and quotients use `unsigned __int128`. CPython
// uses 30-bit digits so that portable C can carry without overflow; with a 128-bit
// intermediate the full word is better: one 64x64 product does the work of four 32x32
// ones, and a schoolbook product of the same number of bits measured 3.5-4.5x faster
// than with 32-bit limbs (`MulLimbs/limb32` in bigint_benchmark.cc).
//
// Algorithms (thresholds measured, see internal/nat.h): schoolbook multiplication (with a
// squaring kernel) below 32 limbs, Karatsuba up to 2000, Toom-3 above; Knuth's algorithm
// D with a preinverted 2-by-1 division step, replaced by a Newton reciprocal (division by
// multiplication) for divisors of 1000+ limbs; divide-and-conquer conversion between
// binary and decimal (any non-power-of-two base) in both directions, subquadratic, with
// reciprocals of the powers of the base cached per conversion; Lehmer's gcd; isqrt by
// recursion on the top half.
//
// Errors
// ------
// No function throws. Every operation that can fail returns a `Status`; its `code()` says
// which Python exception to raise (`exception()`) and `message()` gives CPython's text.
// On failure the output argument is left unchanged. Out-of-memory (std::bad_alloc inside)
// becomes `ErrorCode::kNoMemory` (MemoryError). Outputs may alias inputs.
//
// Thread safety: a BigInt is a value; concurrent reads are safe, writes need exclusion.
// The library holds no global state (the str-digit limit is passed in by the caller).
#ifndef PYRT_OBJECTS_BIGINT_BIGINT_H_
#define PYRT_OBJECTS_BIGINT_BIGINT_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pyrt::bigint {

// sys.int_info.default_max_str_digits: the default limit on decimal digits converted
// by int(str)/str(int) (CPython 3.11, CVE-2020-10735). 0 means unlimited.
inline constexpr std::uint64_t kDefaultMaxStrDigits = 4300;
// sys.int_info.str_digits_check_threshold: the limit is only checked for more digits
// than this, and sys.set_int_max_str_digits() rejects positive values below it.
inline constexpr std::uint64_t kStrDigitsCheckThreshold = 640;

// Every failure an operation can report. The comment gives the Python exception and
// CPython 3.11's message (see Status::message for the ones with parameters).
enum class ErrorCode : std::uint8_t {
  kOk = 0,
  kNoMemory,               // MemoryError, empty message (allocation failed, absurd sizes)
  kZeroDivision,           // ZeroDivisionError "integer division or modulo by zero"  (//, divmod)
  kModuloByZero,           // ZeroDivisionError "integer modulo by zero"  (%)
  kTrueDivisionByZero,     // ZeroDivisionError "division by zero"  (/)
  kNegativeShift,          // ValueError "negative shift count"
  kFloatInfinity,          // OverflowError "cannot convert float infinity to integer"
  kFloatNaN,               // ValueError "cannot convert float NaN to integer"
  kTooLargeForFloat,       // OverflowError "int too large to convert to float"
  kDivisionTooLarge,       // OverflowError "integer division result too large for a float"
  kTooLargeForInt64,       // OverflowError "Python int too large to convert to C long"
  kPowModulusZero,         // ValueError "pow() 3rd argument cannot be 0"
  kPowNotInvertible,       // ValueError "base is not invertible for the given modulus"
  kPowNegativeExponent,    // not an exception: Python computes float(base) ** float(exp)
  kIsqrtNegative,          // ValueError "isqrt() argument must be nonnegative"
  kIntTooBigToConvert,     // OverflowError "int too big to convert"  (to_bytes)
  kNegativeToUnsigned,     // OverflowError "can't convert negative int to unsigned"
  kInvalidBase,            // ValueError "int() base must be >= 2 and <= 36, or 0"
  kInvalidLiteral,         // ValueError "invalid literal for int() with base %d: %.200R"
  kStrLimitParse,          // ValueError "Exceeds the limit (%d digits) for integer string
                           //   conversion: value has %d digits; use
                           //   sys.set_int_max_str_digits() to increase the limit"
  kStrLimitFormat,         // ValueError "Exceeds the limit (%d digits) for integer string
                           //   conversion; use sys.set_int_max_str_digits() to increase
                           //   the limit"
  kFormatSpec,             // ValueError, message written by Format to *format_error
  kFormatForCaller,        // not an exception: presentation type 'c' or a float type,
                           //   which the caller formats (they need str / float)
};

// The Python exception class an ErrorCode maps to.
enum class PyException : std::uint8_t {
  kNone,  // kOk, kPowNegativeExponent, kFormatForCaller
  kMemoryError,
  kZeroDivisionError,
  kValueError,
  kOverflowError,
};

// Python's name for the exception class ("ValueError"), "" for kNone.
[[nodiscard]] std::string_view ExceptionName(PyException e) noexcept;

// The outcome of a fallible operation: a code plus the numbers the message needs.
class [[nodiscard]] Status {
 public:
  constexpr Status() noexcept = default;
  constexpr Status(ErrorCode code, std::int64_t a = 0, std::int64_t b = 0) noexcept
      : code_(code), a_(a), b_(b) {}

  [[nodiscard]] bool ok() const noexcept { return code_ == ErrorCode::kOk; }
  [[nodiscard]] ErrorCode code() const noexcept { return code_; }
  [[nodiscard]] PyException exception() const noexcept;
  // CPython's message for this error. For kInvalidLiteral pass the text given to Parse
  // (it is shown as repr(), truncated to 200 characters as CPython's %.200R does;
  // `literal_is_bytes` selects the b'...' form used by int(b'...')). For kFormatSpec the
  // message is the one stored by Format (see Format). Never throws: returns "" if memory
  // runs out.
  [[nodiscard]] std::string message(std::string_view literal = {},
                                    bool literal_is_bytes = false) const noexcept;

  // Parameters: kInvalidLiteral: a = base. kStrLimit*: a = limit, b = digit count.
  [[nodiscard]] std::int64_t param_a() const noexcept { return a_; }
  [[nodiscard]] std::int64_t param_b() const noexcept { return b_; }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::int64_t a_ = 0;
  std::int64_t b_ = 0;
};

// An arbitrary-precision signed integer (see the essay above for the layout).
// Move-only: copying a big value allocates, which could fail, so it is the explicit
// `CopyFrom`. Values of at most 64 bits of magnitude never allocate.
class BigInt {
 public:
  using Limb = std::uint64_t;

  // Zero.
  constexpr BigInt() noexcept = default;
  // Exact conversions; never allocate.
  explicit BigInt(std::int64_t v) noexcept;
  static BigInt FromUint64(std::uint64_t v) noexcept;
  // From sign and little-endian magnitude limbs (any, including zero top limbs).
  [[nodiscard]] static Status FromLimbs(bool negative, std::span<const Limb> limbs,
                                        BigInt* out) noexcept;

  BigInt(BigInt&&) noexcept = default;
  BigInt& operator=(BigInt&&) noexcept = default;
  BigInt(const BigInt&) = delete;
  BigInt& operator=(const BigInt&) = delete;
  // *this = other (deep copy).
  [[nodiscard]] Status CopyFrom(const BigInt& other) noexcept;

  [[nodiscard]] bool is_zero() const noexcept { return big_.empty() && small_ == 0; }
  [[nodiscard]] bool is_negative() const noexcept { return negative_; }
  // -1, 0 or 1.
  [[nodiscard]] int sign() const noexcept { return is_zero() ? 0 : (negative_ ? -1 : 1); }
  // The magnitude's limbs, least significant first, normalized (empty for zero).
  [[nodiscard]] std::span<const Limb> limbs() const noexcept {
    if (!big_.empty()) return big_;
    return {&small_, small_ != 0 ? 1u : 0u};
  }

  // Internal: set from sign and a magnitude vector (normalizes it). Used by the
  // implementation; public so that sibling translation units need no friendship.
  void Assign(bool negative, std::vector<Limb>&& mag) noexcept;
  void AssignSmall(bool negative, Limb mag) noexcept;

 private:
  bool negative_ = false;
  Limb small_ = 0;
  std::vector<Limb> big_;
};

// --- Conversions ---

// int(x) for a float: truncates toward zero. kFloatInfinity / kFloatNaN.
Status FromDouble(double x, BigInt* out) noexcept;
// float(a), correctly rounded (round-half-even). kTooLargeForFloat.
Status ToDouble(const BigInt& a, double* out) noexcept;
// a as int64. kTooLargeForInt64 if it does not fit.
Status ToInt64(const BigInt& a, std::int64_t* out) noexcept;
// True if a fits in int64.
[[nodiscard]] bool FitsInt64(const BigInt& a) noexcept;

// --- Arithmetic (out may alias a or b) ---

Status Add(const BigInt& a, const BigInt& b, BigInt* out) noexcept;
Status Sub(const BigInt& a, const BigInt& b, BigInt* out) noexcept;
Status Mul(const BigInt& a, const BigInt& b, BigInt* out) noexcept;
// a // b (floor). kZeroDivision.
Status FloorDiv(const BigInt& a, const BigInt& b, BigInt* out) noexcept;
// a % b (sign of b). kModuloByZero.
Status Mod(const BigInt& a, const BigInt& b, BigInt* out) noexcept;
// divmod(a, b). kZeroDivision. q and r must be distinct.
Status DivMod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) noexcept;
// a / b as a float, correctly rounded. kTrueDivisionByZero, kDivisionTooLarge.
Status TrueDivide(const BigInt& a, const BigInt& b, double* out) noexcept;
// a ** b for b >= 0. kPowNegativeExponent for b < 0 (Python then computes float pow).
Status Pow(const BigInt& a, const BigInt& b, BigInt* out) noexcept;
// pow(a, b, m): kPowModulusZero; negative b uses the modular inverse of a (3.8+),
// kPowNotInvertible if there is none. The result has the sign of m (floor modulo).
Status PowMod(const BigInt& a, const BigInt& b, const BigInt& m, BigInt* out) noexcept;
Status Negate(const BigInt& a, BigInt* out) noexcept;
Status Abs(const BigInt& a, BigInt* out) noexcept;

// --- Bits ---

// a << n and a >> n (arithmetic, floor for negatives). kNegativeShift for n < 0;
// kNoMemory for a left shift too big to represent.
Status LeftShift(const BigInt& a, const BigInt& n, BigInt* out) noexcept;
Status RightShift(const BigInt& a, const BigInt& n, BigInt* out) noexcept;
Status LeftShift(const BigInt& a, std::uint64_t n, BigInt* out) noexcept;
Status RightShift(const BigInt& a, std::uint64_t n, BigInt* out) noexcept;
// &, |, ^, ~ on the infinite two's-complement representation.
Status And(const BigInt& a, const BigInt& b, BigInt* out) noexcept;
Status Or(const BigInt& a, const BigInt& b, BigInt* out) noexcept;
Status Xor(const BigInt& a, const BigInt& b, BigInt* out) noexcept;
Status Invert(const BigInt& a, BigInt* out) noexcept;
// int.bit_length() and int.bit_count() (of |a|).
[[nodiscard]] std::uint64_t BitLength(const BigInt& a) noexcept;
[[nodiscard]] std::uint64_t BitCount(const BigInt& a) noexcept;

// --- Comparison and hashing ---

// -1, 0, 1 as a <=> b.
[[nodiscard]] int Compare(const BigInt& a, const BigInt& b) noexcept;
[[nodiscard]] int CompareInt64(const BigInt& a, std::int64_t b) noexcept;
// hash(a) exactly as CPython on 64-bit platforms: a mod (2^61 - 1) with a's sign,
// -1 mapped to -2.
[[nodiscard]] std::int64_t Hash(const BigInt& a) noexcept;

// --- Number theory ---

// math.gcd(a, b) (non-negative).
Status Gcd(const BigInt& a, const BigInt& b, BigInt* out) noexcept;
// math.isqrt(a). kIsqrtNegative.
Status Isqrt(const BigInt& a, BigInt* out) noexcept;

// --- Bytes ---

// int.to_bytes(len(out), byteorder, signed=is_signed) into `out`.
// kNegativeToUnsigned, kIntTooBigToConvert.
Status ToBytes(const BigInt& a, std::span<std::uint8_t> out, bool little_endian,
               bool is_signed) noexcept;
// int.from_bytes(bytes, byteorder, signed=is_signed).
Status FromBytes(std::span<const std::uint8_t> bytes, bool little_endian, bool is_signed,
                 BigInt* out) noexcept;

// --- Text ---

// int(text, base) with Python's rules: surrounding ASCII whitespace, one sign, base 0
// (prefix 0x/0o/0b decides, else decimal without leading zeros), the optional prefix
// matching base 16/8/2, single underscores between digits (and after a prefix).
// `max_str_digits` is sys.get_int_max_str_digits() (0 = unlimited); it applies to
// bases that are not powers of two. Errors: kInvalidBase, kInvalidLiteral (param_a =
// base), kStrLimitParse. `text` is UTF-8; with `fold_unicode` (int(str)) Unicode
// decimal digits and Unicode whitespace count as their ASCII equivalents, as in
// CPython; pass false for int(bytes), where any non-ASCII byte is invalid.
Status Parse(std::string_view text, int base, BigInt* out,
             std::uint64_t max_str_digits = kDefaultMaxStrDigits,
             bool fold_unicode = true) noexcept;
// Digits of a in base 2..36 (lowercase unless `uppercase`), with '-' for negatives and
// no prefix. Base 10 honours `max_str_digits` (kStrLimitFormat). kInvalidBase otherwise.
Status ToString(const BigInt& a, int base, std::string* out,
                std::uint64_t max_str_digits = kDefaultMaxStrDigits,
                bool uppercase = false) noexcept;
// format(a, spec) for the integer presentation types '', 'd', 'n' (as 'd'), 'x', 'X',
// 'o', 'b' with fill/align, sign, '#', '0', width and ',' / '_' grouping, zero padding
// grouped as CPython groups it. Errors: kFormatSpec with CPython's ValueError message
// written to `format_error` (e.g. "Cannot specify ',' with 'x'."), kStrLimitFormat.
// Types 'c', 'e', 'E', 'f', 'F', 'g', 'G', '%' give kFormatForCaller (they need str or
// float). 'n' formats as 'd' (the C locale, which is all pyrt supports).
Status Format(const BigInt& a, std::string_view spec, std::string* out,
              std::string* format_error = nullptr,
              std::uint64_t max_str_digits = kDefaultMaxStrDigits) noexcept;

}  // namespace pyrt::bigint

#endif  // PYRT_OBJECTS_BIGINT_BIGINT_H_

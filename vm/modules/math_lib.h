// math_lib.h — the numeric core of the `math` module, on plain C++ values.
//
// CPython's math module is a thin layer over C's libm plus a few algorithms of its own
// (exact fsum, the integer functions). This header holds those parts without any Python
// object: doubles in, a double (or BigInt) and an error code out, so they can be tested
// alone against python3 and the module (math_module.cc) only converts arguments and
// raises. The error rules are CPython 3.11's:
//
//   * A libm function whose result is NaN for a non-NaN argument, or infinite for a
//     finite argument at a singularity, is a domain error: ValueError "math domain error".
//   * An infinite result of a finite argument where the function can overflow (exp, cosh,
//     sinh, expm1, exp2, pow, ldexp, gamma, lgamma, ...) is a range error: OverflowError
//     "math range error". Underflow to 0 is never an error.
//
// Known difference: gamma and lgamma use the C library's tgamma/lgamma, while CPython
// 3.11 carries its own Lanczos implementation; results can differ in the last bits
// (math_lib_test.cc bounds the difference in ULPs). Every other function is bit-exact.
//
// Thread safety: every function is pure (no global state).
#ifndef PYRT_VM_MODULES_MATH_LIB_H_
#define PYRT_VM_MODULES_MATH_LIB_H_

#include <cstdint>
#include <span>

#include "objects/bigint/bigint.h"

namespace pyrt::mathlib {

// What went wrong; each maps to one Python exception and message (MathErrorMessage).
enum class MathError : uint8_t {
  kOk,
  kDomain,        // ValueError "math domain error"
  kRange,         // OverflowError "math range error"
  kLogBaseOne,    // ZeroDivisionError "float division by zero" (log(x, 1))
  kFsumInfInf,    // ValueError "-inf + inf in fsum"
  kFsumOverflow,  // OverflowError "intermediate overflow in fsum"
};
// The exception class name and the message of an error ("", "" for kOk).
[[nodiscard]] const char* MathErrorType(MathError e);
[[nodiscard]] const char* MathErrorMessage(MathError e);

struct MathResult {
  double value = 0.0;
  MathError error = MathError::kOk;
};

// --- one-argument functions of a double ---

// The functions CPython implements with math_1 / math_1a (same names as in Python).
enum class Unary : uint8_t {
  kAcos, kAcosh, kAsin, kAsinh, kAtan, kAtanh, kCbrt, kCos, kCosh, kErf, kErfc, kExp,
  kExp2, kExpm1, kFabs, kGamma, kLgamma, kLog1p, kSin, kSinh, kSqrt, kTan, kTanh,
  kCount
};
// Python's name of a unary function ("acos").
[[nodiscard]] const char* UnaryName(Unary f);
[[nodiscard]] MathResult ApplyUnary(Unary f, double x);

// --- other double functions ---

[[nodiscard]] MathResult Atan2(double y, double x);
[[nodiscard]] MathResult Fmod(double x, double y);
[[nodiscard]] MathResult Remainder(double x, double y);
[[nodiscard]] MathResult Pow(double x, double y);
// ldexp(x, i) with i already clamped to int64 (a huge int: pass INT64_MAX/INT64_MIN).
[[nodiscard]] MathResult Ldexp(double x, int64_t i);
// log/log2/log10 of a positive double (domain error for <= 0 and NaN rules as CPython).
[[nodiscard]] MathResult Log(double x);
[[nodiscard]] MathResult Log2(double x);
[[nodiscard]] MathResult Log10(double x);
// log(x, base) given the two logarithms already computed: num / den, where den == 0 is
// kLogBaseOne.
[[nodiscard]] MathResult LogDivide(double num, double den);
// math.nextafter, math.ulp (never fail).
[[nodiscard]] double NextAfter(double x, double y);
[[nodiscard]] double Ulp(double x);
// math.hypot(*coords) and the core of math.dist (coords are differences). Never fail:
// an infinity wins over NaN, as CPython.
[[nodiscard]] double Hypot(std::span<const double> coords);
// math.isclose(a, b, rel_tol, abs_tol); the caller checks that tolerances are >= 0
// ("tolerances must be non-negative").
[[nodiscard]] bool IsClose(double a, double b, double rel_tol, double abs_tol);

// Exact sum of doubles (Shewchuk's algorithm with correct final rounding), with
// CPython's handling of infinities and NaN and its two errors. Feed values with Add and
// read the result with Result.
class Fsum {
 public:
  // Adds x; kFsumOverflow when a finite partial sum overflows (CPython raises at once).
  [[nodiscard]] MathError Add(double x);
  [[nodiscard]] MathResult Result() const;

 private:
  static constexpr int kInlinePartials = 32;
  double inline_[kInlinePartials];
  double* partials_ = inline_;
  int n_ = 0, cap_ = kInlinePartials;
  double special_sum_ = 0.0;  // sum of infinities/NaNs seen
  double inf_sum_ = 0.0;      // sum of infinities only (to tell -inf + inf)
  bool overflow_ = false;     // an intermediate sum of finite values overflowed

 public:
  Fsum() = default;
  Fsum(const Fsum&) = delete;
  Fsum& operator=(const Fsum&) = delete;
  ~Fsum();
};

// --- integer functions (over BigInt; Status carries MemoryError) ---

// n! for n >= 0 (the caller checks the sign and the int64 range).
[[nodiscard]] bigint::Status Factorial(int64_t n, bigint::BigInt* out);
// perm(n, k) = n! / (n-k)! for n >= 0, k >= 0 (0 when k > n).
[[nodiscard]] bigint::Status Perm(const bigint::BigInt& n, int64_t k, bigint::BigInt* out);
// comb(n, k) for n >= 0, 0 <= k; k is min(k, n - k) already when it matters (the caller
// may pass any k; 0 when k > n).
[[nodiscard]] bigint::Status Comb(const bigint::BigInt& n, int64_t k, bigint::BigInt* out);
// lcm(a, b) >= 0.
[[nodiscard]] bigint::Status Lcm(const bigint::BigInt& a, const bigint::BigInt& b,
                                 bigint::BigInt* out);

}  // namespace pyrt::mathlib

#endif  // PYRT_VM_MODULES_MATH_LIB_H_

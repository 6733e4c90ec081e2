// Text conversions: int(text, base), str()/hex()-style digits, format(), and the error
// messages. Decimal (and every non-power-of-two base) converts by divide and conquer
// over powers base^(k*2^i) so that big conversions cost O(M(n) log n), not O(n^2).
#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <optional>

#include "objects/bigint/bigint.h"
#include "objects/bigint/internal/nat.h"

namespace pyrt::bigint {

using bigint_internal::Limb;
using bigint_internal::Nat;
using bigint_internal::NatView;

// --- Status ---

std::string_view ExceptionName(PyException e) noexcept {
  switch (e) {
    case PyException::kNone: return "";
    case PyException::kMemoryError: return "MemoryError";
    case PyException::kZeroDivisionError: return "ZeroDivisionError";
    case PyException::kValueError: return "ValueError";
    case PyException::kOverflowError: return "OverflowError";
  }
  return "";
}

PyException Status::exception() const noexcept {
  switch (code_) {
    case ErrorCode::kOk:
    case ErrorCode::kPowNegativeExponent:
    case ErrorCode::kFormatForCaller:
      return PyException::kNone;
    case ErrorCode::kNoMemory:
      return PyException::kMemoryError;
    case ErrorCode::kZeroDivision:
    case ErrorCode::kModuloByZero:
    case ErrorCode::kTrueDivisionByZero:
      return PyException::kZeroDivisionError;
    case ErrorCode::kFloatInfinity:
    case ErrorCode::kTooLargeForFloat:
    case ErrorCode::kDivisionTooLarge:
    case ErrorCode::kTooLargeForInt64:
    case ErrorCode::kIntTooBigToConvert:
    case ErrorCode::kNegativeToUnsigned:
      return PyException::kOverflowError;
    case ErrorCode::kNegativeShift:
    case ErrorCode::kFloatNaN:
    case ErrorCode::kPowModulusZero:
    case ErrorCode::kPowNotInvertible:
    case ErrorCode::kIsqrtNegative:
    case ErrorCode::kInvalidBase:
    case ErrorCode::kInvalidLiteral:
    case ErrorCode::kStrLimitParse:
    case ErrorCode::kStrLimitFormat:
    case ErrorCode::kFormatSpec:
      return PyException::kValueError;
  }
  return PyException::kNone;
}

namespace {

// Python's repr() of a str (or bytes) whose text is `s` (UTF-8): CPython's quote choice
// and escapes. For str, non-ASCII code points are kept unless they are among the
// non-printable ones int() can meet in practice (C1 controls, no-break and other
// Unicode spaces, format characters such as U+200B and U+FEFF), which are escaped as
// CPython escapes them; the rest of Unicode's non-printables (unassigned code points,
// private use) are kept verbatim. For bytes, non-ASCII bytes are \xNN.
char32_t DecodeUtf8(std::string_view s, std::size_t& i);
constexpr bool IsUnicodeSpace(char32_t c);

std::string PyRepr(std::string_view s, bool bytes) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out;
  if (bytes) out += 'b';
  out += quote;
  char buf[16];
  for (std::size_t i = 0; i < s.size();) {
    std::size_t begin = i;
    char32_t c;
    if (bytes || static_cast<unsigned char>(s[i]) < 0x80) {
      c = static_cast<unsigned char>(s[i++]);
    } else {
      c = DecodeUtf8(s, i);
      if (c == 0xFFFFFFFF) c = 0xFFFD;
    }
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0xA0) || c == 0xAD ||
               (bytes && c >= 0x80)) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += buf;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (IsUnicodeSpace(c) || (c >= 0x200B && c <= 0x200F) ||
               (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x061C ||
               c == 0x180E || (c >= 0xD800 && c <= 0xDFFF)) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.append(s.substr(begin, i - begin));
    }
  }
  out += quote;
  return out;
}

// First `n` code points of UTF-8 text (CPython's %.200R counts characters).
std::string_view TruncateCodePoints(std::string_view s, std::size_t n) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == n) return s.substr(0, i);
      ++count;
    }
  }
  return s;
}

}  // namespace

std::string Status::message(std::string_view literal, bool literal_is_bytes) const noexcept {
  try {
    switch (code_) {
      case ErrorCode::kOk: return "";
      case ErrorCode::kNoMemory: return "";
      case ErrorCode::kZeroDivision: return "integer division or modulo by zero";
      case ErrorCode::kModuloByZero: return "integer modulo by zero";
      case ErrorCode::kTrueDivisionByZero: return "division by zero";
      case ErrorCode::kNegativeShift: return "negative shift count";
      case ErrorCode::kFloatInfinity: return "cannot convert float infinity to integer";
      case ErrorCode::kFloatNaN: return "cannot convert float NaN to integer";
      case ErrorCode::kTooLargeForFloat: return "int too large to convert to float";
      case ErrorCode::kDivisionTooLarge: return "integer division result too large for a float";
      case ErrorCode::kTooLargeForInt64: return "Python int too large to convert to C long";
      case ErrorCode::kPowModulusZero: return "pow() 3rd argument cannot be 0";
      case ErrorCode::kPowNotInvertible: return "base is not invertible for the given modulus";
      case ErrorCode::kPowNegativeExponent: return "";
      case ErrorCode::kIsqrtNegative: return "isqrt() argument must be nonnegative";
      case ErrorCode::kIntTooBigToConvert: return "int too big to convert";
      case ErrorCode::kNegativeToUnsigned: return "can't convert negative int to unsigned";
      case ErrorCode::kInvalidBase: return "int() base must be >= 2 and <= 36, or 0";
      case ErrorCode::kInvalidLiteral:
        return "invalid literal for int() with base " + std::to_string(a_) + ": " +
               std::string(TruncateCodePoints(PyRepr(literal, literal_is_bytes), 200));
      case ErrorCode::kStrLimitParse:
        return "Exceeds the limit (" + std::to_string(a_) +
               " digits) for integer string conversion: value has " + std::to_string(b_) +
               " digits; use sys.set_int_max_str_digits() to increase the limit";
      case ErrorCode::kStrLimitFormat:
        return "Exceeds the limit (" + std::to_string(a_) +
               " digits) for integer string conversion; use sys.set_int_max_str_digits() "
               "to increase the limit";
      case ErrorCode::kFormatSpec: return "";
      case ErrorCode::kFormatForCaller: return "";
    }
  } catch (...) {
  }
  return "";
}

// --- Digit conversion core ---

namespace {

// Conversions switch to divide and conquer above this many limbs.
constexpr std::size_t kDcThresholdLimbs = 40;

constexpr bool IsPow2Base(int base) { return (base & (base - 1)) == 0; }

// The largest k with base^k < 2^64, and base^k.
struct Chunk {
  int digits;
  Limb value;
};
constexpr auto kChunks = [] {
  std::array<Chunk, 37> t{};
  for (int base = 2; base <= 36; ++base) {
    Chunk c{0, 1};
    while (c.value <= ~Limb{0} / static_cast<Limb>(base)) {
      c.value *= static_cast<Limb>(base);
      ++c.digits;
    }
    t[base] = c;
  }
  return t;
}();
Chunk ChunkFor(int base) { return kChunks[base]; }

// Powers pow[i] = chunk^(2^i), with their reciprocals made on first use.
class PowerTable {
 public:
  explicit PowerTable(Limb chunk) { pow_.push_back(Nat{chunk}); }
  const Nat& Get(std::size_t i) {
    while (pow_.size() <= i) pow_.push_back(bigint_internal::MulNat(pow_.back(), pow_.back()));
    return pow_[i];
  }
  const bigint_internal::Reciprocal& Recip(std::size_t i) {
    if (rec_.size() <= i) rec_.resize(i + 1);
    if (!rec_[i]) rec_[i] = bigint_internal::MakeReciprocal(Get(i));
    return *rec_[i];
  }

 private:
  std::vector<Nat> pow_;
  std::vector<std::optional<bigint_internal::Reciprocal>> rec_;
};

constexpr char kDigitsLower[] = "0123456789abcdefghijklmnopqrstuvwxyz";
constexpr char kDigitsUpper[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

// Appends the digits of x (< chunk.value) exactly `width` wide (zero padded), or without
// padding if width == 0. Base 10 gets a constant divisor (a multiply, not a divide).
template <int kBase>
int ChunkDigits(Limb x, char* buf, int base, const char* digits) {
  int n = 0;
  const Limb b = kBase ? kBase : static_cast<Limb>(base);
  while (x) {
    buf[n++] = digits[x % b];
    x /= b;
  }
  return n;
}

void AppendChunk(std::string& out, Limb x, int base, int width, const char* digits) {
  char buf[72];
  int n = base == 10 ? ChunkDigits<10>(x, buf, base, digits) : ChunkDigits<0>(x, buf, base, digits);
  for (int i = n; i < width; ++i) out += '0';
  while (n) out += buf[--n];
}

// Appends x in `base`, zero padded to `pad` digits, by peeling chunks off the bottom
// (quadratic; for small x).
void ToDigitsBasecase(NatView x, int base, const Chunk& chunk, std::size_t pad,
                      std::string& out, const char* digits) {
  if (x.size() <= 1) {
    Limb v = x.empty() ? 0 : x[0];
    if (v < chunk.value) {
      std::size_t before = out.size();
      AppendChunk(out, v, base, 0, digits);
      std::size_t len = out.size() - before;
      if (len < pad) out.insert(before, pad - len, '0');
      return;
    }
  }
  Limb parts_small[2 * kDcThresholdLimbs + 2];
  Limb t_small[kDcThresholdLimbs];
  std::size_t tn = x.size();
  std::copy(x.begin(), x.end(), t_small);
  std::size_t np = 0;
  while (tn > 0) {
    parts_small[np++] = bigint_internal::divrem_1(t_small, t_small, tn, chunk.value);
    while (tn > 0 && t_small[tn - 1] == 0) --tn;
  }
  std::size_t len = 0;
  if (np > 0) {
    std::size_t topdigits = 0;
    for (Limb v = parts_small[np - 1]; v; v /= base) ++topdigits;
    len = topdigits + (np - 1) * chunk.digits;
  }
  for (std::size_t i = len; i < pad; ++i) out += '0';
  for (std::size_t i = np; i-- > 0;) {
    AppendChunk(out, parts_small[i], base, i + 1 == np ? 0 : chunk.digits, digits);
  }
}

// Appends x in `base`, padded with zeros to `pad` digits (0: no padding).
void ToDigitsRec(NatView x, int base, const Chunk& chunk, PowerTable& pt, std::size_t pad,
                 std::string& out, const char* digits) {
  if (x.size() <= kDcThresholdLimbs) {
    ToDigitsBasecase(x, base, chunk, pad, out, digits);
    return;
  }
  // Split by the largest power whose square is about x's size.
  std::size_t level = 0;
  while (2 * pt.Get(level + 1).size() - 1 <= x.size()) ++level;
  Nat q, r;
  bigint_internal::DivModReciprocal(x, pt.Recip(level), &q, &r);
  const std::size_t low_digits = static_cast<std::size_t>(chunk.digits) << level;
  ToDigitsRec(q, base, chunk, pt, pad > low_digits ? pad - low_digits : 0, out, digits);
  if (q.empty() && pad == 0) {
    ToDigitsRec(r, base, chunk, pt, 0, out, digits);
  } else {
    ToDigitsRec(r, base, chunk, pt, low_digits, out, digits);
  }
}

// Digits of magnitude m (no sign).
std::string MagnitudeToDigits(NatView m, int base, bool upper) {
  const char* digits = upper ? kDigitsUpper : kDigitsLower;
  std::string out;
  if (m.empty()) return "0";
  if (IsPow2Base(base)) {
    const int bits = std::countr_zero(static_cast<unsigned>(base));
    const std::uint64_t total = bigint_internal::BitLength(m);
    const std::uint64_t ndig = (total + bits - 1) / bits;
    out.resize(ndig);
    for (std::uint64_t d = 0; d < ndig; ++d) {
      std::uint64_t bit = d * bits;
      Limb v = m[bit / 64] >> (bit % 64);
      if (bit % 64 + bits > 64 && bit / 64 + 1 < m.size()) v |= m[bit / 64 + 1] << (64 - bit % 64);
      out[ndig - 1 - d] = digits[v & (base - 1)];
    }
    return out;
  }
  Chunk chunk = ChunkFor(base);
  out.reserve(static_cast<std::size_t>(bigint_internal::BitLength(m) / std::log2(base)) + 2);
  if (m.size() <= kDcThresholdLimbs) {
    ToDigitsBasecase(m, base, chunk, 0, out, digits);
    return out;
  }
  PowerTable pt(chunk.value);
  ToDigitsRec(m, base, chunk, pt, 0, out, digits);
  return out;
}

// value of digits[0..n) (most significant first, values < base) — chunks combined by
// divide and conquer above the threshold.
Nat DigitsToMagnitude(const std::vector<std::uint8_t>& dv, int base) {
  if (IsPow2Base(base)) {
    const int bits = std::countr_zero(static_cast<unsigned>(base));
    const std::size_t n = dv.size();
    Nat m((n * bits + 63) / 64 + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      std::uint64_t bit = static_cast<std::uint64_t>(i) * bits;  // of digit n-1-i
      Limb v = dv[n - 1 - i];
      m[bit / 64] |= v << (bit % 64);
      if (bit % 64 + bits > 64) m[bit / 64 + 1] |= v >> (64 - bit % 64);
    }
    bigint_internal::Normalize(m);
    return m;
  }
  Chunk chunk = ChunkFor(base);
  // Chunk values, least significant first; the top chunk may be short.
  const std::size_t n = dv.size();
  const std::size_t nchunks = (n + chunk.digits - 1) / chunk.digits;
  std::vector<Nat> parts;
  parts.reserve(nchunks);
  for (std::size_t c = 0; c < nchunks; ++c) {
    std::size_t end = n - c * chunk.digits;
    std::size_t begin = end >= static_cast<std::size_t>(chunk.digits) ? end - chunk.digits : 0;
    Limb v = 0;
    for (std::size_t i = begin; i < end; ++i) v = v * base + dv[i];
    parts.push_back(v ? Nat{v} : Nat{});
  }
  if (nchunks <= 2 * kDcThresholdLimbs) {
    // Quadratic base case: Horner over chunks.
    Nat m;
    m.reserve(nchunks + 1);
    for (std::size_t c = nchunks; c-- > 0;) {
      Limb carry = bigint_internal::mul_1(m.data(), m.data(), m.size(), chunk.value);
      if (carry) m.push_back(carry);
      Limb add = parts[c].empty() ? 0 : parts[c][0];
      for (std::size_t i = 0; add && i < m.size(); ++i) {
        m[i] += add;
        add = m[i] < add ? 1 : 0;
      }
      if (add) m.push_back(add);
    }
    bigint_internal::Normalize(m);
    return m;
  }
  // Pairwise: level i combines groups worth chunk^(2^i) each: hi * P_i + lo.
  PowerTable pt(chunk.value);
  for (std::size_t level = 0; parts.size() > 1; ++level) {
    const Nat& p = pt.Get(level);
    std::vector<Nat> next;
    next.reserve((parts.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < parts.size(); i += 2) {
      Nat hi = bigint_internal::MulNat(parts[i + 1], p);
      next.push_back(bigint_internal::AddNat(hi, parts[i]));
    }
    if (parts.size() % 2) next.push_back(std::move(parts.back()));
    parts = std::move(next);
  }
  return std::move(parts[0]);
}

bool LimitExceeded(std::uint64_t digits, std::uint64_t limit) {
  return limit > 0 && digits > kStrDigitsCheckThreshold && digits > limit;
}

constexpr bool IsPySpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// First code points of the Unicode decimal-digit runs (category Nd) outside ASCII, each
// '0'..'9' in order; CPython's int() accepts all of them (list taken from
// unicodedata 14.0, the version of CPython 3.11).
constexpr char32_t kUnicodeDigitRuns[] = {
    0x660,   0x6F0,   0x7C0,   0x966,   0x9E6,   0xA66,   0xAE6,   0xB66,   0xBE6,
    0xC66,   0xCE6,   0xD66,   0xDE6,   0xE50,   0xED0,   0xF20,   0x1040,  0x1090,
    0x17E0,  0x1810,  0x1946,  0x19D0,  0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,
    0x1C50,  0xA620,  0xA8D0,  0xA900,  0xA9D0,  0xA9F0,  0xAA50,  0xABF0,  0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0,
    0x1E950, 0x1FBF0};

// Non-ASCII code points int() strips as whitespace.
constexpr bool IsUnicodeSpace(char32_t c) {
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Decodes one UTF-8 sequence at s[i]; returns the code point and advances i, or
// returns 0xFFFFFFFF (and advances one byte) on a malformed sequence.
char32_t DecodeUtf8(std::string_view s, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFFFFFF;
  }
  char32_t cp = len == 1 ? c : (c & (0x7F >> len));
  for (int k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFFFFFF;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

// CPython's first step for a str argument: Unicode decimal digits become ASCII digits,
// Unicode whitespace becomes ' ', anything else non-ASCII an invalid character.
std::string FoldUnicode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = DecodeUtf8(s, i);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
      continue;
    }
    char folded = '!';
    if (IsUnicodeSpace(cp)) {
      folded = ' ';
    } else {
      const char32_t* it = std::upper_bound(std::begin(kUnicodeDigitRuns),
                                            std::end(kUnicodeDigitRuns), cp);
      if (it != std::begin(kUnicodeDigitRuns) && cp - it[-1] < 10) {
        folded = static_cast<char>('0' + (cp - it[-1]));
      }
    }
    out += folded;
  }
  return out;
}

bool HasNonAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

}  // namespace

// --- Parse ---

Status Parse(std::string_view text, int base, BigInt* out, std::uint64_t max_str_digits,
             bool fold_unicode) noexcept {
  if (base != 0 && (base < 2 || base > 36)) return Status(ErrorCode::kInvalidBase);
  try {
    std::string folded;
    if (fold_unicode && HasNonAscii(text)) {
      folded = FoldUnicode(text);
      text = folded;
    }
    const int given_base = base;
    const Status invalid(ErrorCode::kInvalidLiteral, given_base);
    std::size_t i = 0, n = text.size();
    while (i < n && IsPySpace(text[i])) ++i;
    bool neg = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
      neg = text[i] == '-';
      ++i;
    }
    auto at = [&](std::size_t k) -> char { return k < n ? text[k] : '\0'; };
    bool must_be_zero = false;
    if (base == 0) {
      if (at(i) != '0') {
        base = 10;
      } else {
        char p = at(i + 1);
        if (p == 'x' || p == 'X') {
          base = 16;
        } else if (p == 'o' || p == 'O') {
          base = 8;
        } else if (p == 'b' || p == 'B') {
          base = 2;
        } else {
          base = 10;
          must_be_zero = true;  // old C-style octal is invalid unless the value is 0
        }
      }
    }
    if (at(i) == '0') {
      char p = at(i + 1);
      if ((base == 16 && (p == 'x' || p == 'X')) || (base == 8 && (p == 'o' || p == 'O')) ||
          (base == 2 && (p == 'b' || p == 'B'))) {
        i += 2;
        if (at(i) == '_') ++i;  // one underscore may follow the prefix
      }
    }
    if (at(i) == '_') return invalid;
    std::vector<std::uint8_t> dv;
    char prev = '\0';
    const std::size_t start = i;
    while (i < n) {
      char c = text[i];
      if (c == '_') {
        if (prev == '_') return invalid;
      } else {
        int v = DigitValue(c);
        if (v >= base) break;
        dv.push_back(static_cast<std::uint8_t>(v));
      }
      prev = c;
      ++i;
    }
    if (prev == '_' || i == start) return invalid;
    if (!IsPow2Base(base) && LimitExceeded(dv.size(), max_str_digits)) {
      return Status(ErrorCode::kStrLimitParse, static_cast<std::int64_t>(max_str_digits),
                    static_cast<std::int64_t>(dv.size()));
    }
    while (i < n && IsPySpace(text[i])) ++i;
    if (i != n) return invalid;
    // Skip leading zeros (cheap, and keeps the converters' inputs short).
    std::size_t lz = 0;
    while (lz < dv.size() && dv[lz] == 0) ++lz;
    if (lz == dv.size()) {
      out->AssignSmall(false, 0);
      return Status();
    }
    if (must_be_zero) return invalid;
    dv.erase(dv.begin(), dv.begin() + static_cast<std::ptrdiff_t>(lz));
    out->Assign(neg, DigitsToMagnitude(dv, base));
    return Status();
  } catch (...) {
    return Status(ErrorCode::kNoMemory);
  }
}

// --- ToString ---

namespace {

// Magnitude digits with the decimal limit applied. Returns kOk or kStrLimitFormat.
Status LimitedDigits(NatView m, int base, bool upper, std::uint64_t limit, std::string* out) {
  if (base == 10 && limit > 0) {
    // Early refusal before any work: a >= 2^(bits-1) has at least
    // floor((bits-1)*log10(2)) + 1 digits.
    std::uint64_t bits = bigint_internal::BitLength(m);
    std::uint64_t lower = bits ? static_cast<std::uint64_t>((bits - 1) * 0.30102999566) + 1 : 1;
    if (LimitExceeded(lower, limit)) {
      return Status(ErrorCode::kStrLimitFormat, static_cast<std::int64_t>(limit));
    }
  }
  std::string s = MagnitudeToDigits(m, base, upper);
  if (base == 10 && LimitExceeded(s.size(), limit)) {
    return Status(ErrorCode::kStrLimitFormat, static_cast<std::int64_t>(limit));
  }
  *out = std::move(s);
  return Status();
}

}  // namespace

Status ToString(const BigInt& a, int base, std::string* out, std::uint64_t max_str_digits,
                bool uppercase) noexcept {
  if (base < 2 || base > 36) return Status(ErrorCode::kInvalidBase);
  try {
    std::string digits;
    Status s = LimitedDigits(a.limbs(), base, uppercase, max_str_digits, &digits);
    if (!s.ok()) return s;
    if (a.is_negative()) digits.insert(digits.begin(), '-');
    *out = std::move(digits);
    return Status();
  } catch (...) {
    return Status(ErrorCode::kNoMemory);
  }
}

// --- Format ---

namespace {

struct Spec {
  std::string fill = " ";
  char align = '\0';
  char sign = '\0';
  bool no_neg_0 = false;
  bool alternate = false;
  std::size_t width = 0;
  char grouping = '\0';
  bool has_precision = false;
  char type = '\0';
};

// Parses the standard format-spec mini-language; on error sets *err.
bool ParseSpec(std::string_view spec, Spec* s, std::string* err) {
  std::size_t i = 0, n = spec.size();
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  // The fill is one code point (UTF-8).
  std::size_t cp = 1;
  if (n > 0) {
    unsigned char c0 = static_cast<unsigned char>(spec[0]);
    cp = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
  }
  bool fill_given = false;
  if (n > cp && is_align(spec[cp])) {
    s->fill = std::string(spec.substr(0, cp));
    s->align = spec[cp];
    fill_given = true;
    i = cp + 1;
  } else if (n > 0 && is_align(spec[0])) {
    s->align = spec[0];
    i = 1;
  }
  if (i < n && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) s->sign = spec[i++];
  if (i < n && spec[i] == 'z') {
    s->no_neg_0 = true;
    ++i;
  }
  if (i < n && spec[i] == '#') {
    s->alternate = true;
    ++i;
  }
  if (!fill_given && i < n && spec[i] == '0') {
    s->fill = "0";
    if (s->align == '\0') s->align = '=';
    ++i;
  }
  while (i < n && spec[i] >= '0' && spec[i] <= '9') {
    if (s->width > (std::size_t{1} << 40)) {
      *err = "Too many decimal digits in format string";
      return false;
    }
    s->width = s->width * 10 + (spec[i++] - '0');
  }
  if (i < n && spec[i] == ',') {
    s->grouping = ',';
    ++i;
  }
  if (i < n && spec[i] == '_') {
    if (s->grouping) {
      *err = "Cannot specify both ',' and '_'.";
      return false;
    }
    s->grouping = '_';
    ++i;
  }
  if (i < n && spec[i] == ',') {
    if (s->grouping == '_') {
      *err = "Cannot specify both ',' and '_'.";
      return false;
    }
  }
  if (i < n && spec[i] == '.') {
    ++i;
    std::size_t start = i;
    while (i < n && spec[i] >= '0' && spec[i] <= '9') ++i;
    if (i == start) {
      *err = "Format specifier missing precision";
      return false;
    }
    s->has_precision = true;
  }
  if (n - i > 1) {
    *err = "Invalid format specifier '" + std::string(spec) + "' for object of type 'int'";
    return false;
  }
  if (i < n) s->type = spec[i];
  if (s->grouping) {
    char t = s->type;
    bool ok;
    if (s->grouping == ',') {
      ok = t == '\0' || t == 'd' || t == 'e' || t == 'f' || t == 'g' || t == 'E' ||
           t == 'G' || t == '%' || t == 'F';
    } else {
      ok = t == '\0' || t == 'd' || t == 'e' || t == 'f' || t == 'g' || t == 'E' ||
           t == 'G' || t == '%' || t == 'F' || t == 'b' || t == 'o' || t == 'x' || t == 'X';
    }
    if (!ok) {
      *err = std::string("Cannot specify '") + s->grouping + "' with '" + t + "'.";
      return false;
    }
  }
  return true;
}

// digits grouped by `sep` every `group` digits from the right, left-padded with zeros
// so that the grouped text is at least `min_width` long (CPython's zero padding).
std::string Group(std::string_view digits, char sep, std::size_t group, std::size_t min_width) {
  std::size_t d = digits.size();
  auto len = [&](std::size_t k) { return sep ? k + (k - 1) / group : k; };
  std::size_t total_digits = d;
  while (len(total_digits) < min_width) ++total_digits;
  std::string out;
  out.reserve(len(total_digits));
  for (std::size_t k = total_digits; k > 0; --k) {  // k = digits remaining incl. this one
    std::size_t idx = total_digits - k;
    out += idx < total_digits - d ? '0' : digits[idx - (total_digits - d)];
    if (sep && k > 1 && (k - 1) % group == 0) out += sep;
  }
  return out;
}

}  // namespace

Status Format(const BigInt& a, std::string_view spec, std::string* out, std::string* format_error,
              std::uint64_t max_str_digits) noexcept {
  try {
    Spec s;
    std::string err;
    auto fail = [&](std::string msg) {
      if (format_error) *format_error = std::move(msg);
      return Status(ErrorCode::kFormatSpec);
    };
    if (!ParseSpec(spec, &s, &err)) return fail(err);
    int base;
    bool upper = false;
    const char* prefix = "";
    switch (s.type) {
      case '\0': case 'd': case 'n': base = 10; break;
      case 'x': base = 16; prefix = "0x"; break;
      case 'X': base = 16; prefix = "0X"; upper = true; break;
      case 'o': base = 8; prefix = "0o"; break;
      case 'b': base = 2; prefix = "0b"; break;
      case 'c': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return Status(ErrorCode::kFormatForCaller);
      default: {
        std::string msg = "Unknown format code '";
        msg += s.type;
        msg += "' for object of type 'int'";
        return fail(msg);
      }
    }
    if (s.has_precision) return fail("Precision not allowed in integer format specifier");
    if (s.no_neg_0) {
      return fail("Negative zero coercion (z) not allowed in integer format specifier");
    }
    std::string digits;
    Status st = LimitedDigits(a.limbs(), base, upper, max_str_digits, &digits);
    if (!st.ok()) return st;
    std::string lead;
    if (a.is_negative()) {
      lead = "-";
    } else if (s.sign == '+') {
      lead = "+";
    } else if (s.sign == ' ') {
      lead = " ";
    }
    if (s.alternate) lead += prefix;
    const std::size_t group = base == 10 ? 3 : 4;
    std::size_t min_width = 0;
    if (s.fill == "0" && s.align == '=' && s.width > lead.size()) min_width = s.width - lead.size();
    std::string body = Group(digits, s.grouping, group, min_width);
    std::size_t len = lead.size() + body.size();
    std::size_t pad = s.width > len ? s.width - len : 0;
    char align = s.align ? s.align : '>';
    std::string res;
    auto fill = [&](std::size_t k) {
      for (std::size_t j = 0; j < k; ++j) res += s.fill;
    };
    switch (align) {
      case '<': res = lead + body; fill(pad); break;
      case '^': fill(pad / 2); res += lead + body; fill(pad - pad / 2); break;
      case '=': res = lead; fill(pad); res += body; break;
      default: fill(pad); res += lead + body; break;
    }
    *out = std::move(res);
    return Status();
  } catch (...) {
    return Status(ErrorCode::kNoMemory);
  }
}

}  // namespace pyrt::bigint

// complex_ops.cc — complex arithmetic as CPython computes it (see complex_ops.h).
#include "objects/floatops/complex_ops.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <string>

#include "objects/format/number_format.h"
#include "unicode/unicode.h"

namespace pyrt::floatops {
namespace {

using format::Error;
using format::ErrorKind;

// _Py_c_quot: Smith's algorithm. Sets *edom for a zero divisor.
Complex Quot(Complex a, Complex b, bool* edom) {
  Complex r;
  const double abs_breal = b.real < 0 ? -b.real : b.real;
  const double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) {
      *edom = true;
      r.real = r.imag = 0.0;
    } else {
      const double ratio = b.imag / b.real;
      const double denom = b.real + b.imag * ratio;
      r.real = (a.real + a.imag * ratio) / denom;
      r.imag = (a.imag - a.real * ratio) / denom;
    }
  } else if (abs_bimag >= abs_breal) {
    const double ratio = b.real / b.imag;
    const double denom = b.real * ratio + b.imag;
    r.real = (a.real * ratio + a.imag) / denom;
    r.imag = (a.imag * ratio - a.real) / denom;
  } else {  // a NaN in b
    r.real = r.imag = std::nan("");
  }
  return r;
}

// c_powu: x ** n for n >= 0 by repeated squaring.
Complex PowU(Complex x, long n) {
  Complex r{1.0, 0.0};
  Complex p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = Mul(r, p);
    mask <<= 1;
    p = Mul(p, p);
  }
  return r;
}

}  // namespace

Complex Add(Complex a, Complex b) { return {a.real + b.real, a.imag + b.imag}; }
Complex Sub(Complex a, Complex b) { return {a.real - b.real, a.imag - b.imag}; }
Complex Mul(Complex a, Complex b) {
  return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

Error Div(Complex a, Complex b, Complex* out) {
  bool edom = false;
  *out = Quot(a, b, &edom);
  if (edom) return {ErrorKind::kZeroDivisionError, "complex division by zero"};
  return {};
}

Error Pow(Complex a, Complex b, Complex* out) {
  bool edom = false;
  errno = 0;
  Complex p;
  if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0) {
    // c_powi: small integral exponents by squaring, negative ones as 1 / x**-n.
    const long n = static_cast<long>(b.real);
    p = n > 0 ? PowU(a, n) : Quot({1.0, 0.0}, PowU(a, -n), &edom);
  } else if (a.real == 0.0 && a.imag == 0.0) {
    if (b.imag != 0.0 || b.real < 0.0) edom = true;
    p = {0.0, 0.0};
  } else {
    const double vabs = std::hypot(a.real, a.imag);
    double len = std::pow(vabs, b.real);
    const double at = std::atan2(a.imag, a.real);
    double phase = at * b.real;
    if (b.imag != 0.0) {
      len /= std::exp(at * b.imag);
      phase += b.imag * std::log(vabs);
    }
    p = {len * std::cos(phase), len * std::sin(phase)};
  }
  // errno as CPython sees it: EDOM from a zero base or divisor, or from libm itself
  // (cos(inf) sets EDOM, which CPython also reports as the zero-power error).
  int err = edom ? EDOM : errno;
  // _Py_ADJUST_ERANGE2: an infinite part is an overflow; otherwise ERANGE is cleared.
  if (std::isinf(p.real) || std::isinf(p.imag)) {
    if (err == 0) err = ERANGE;
  } else if (err == ERANGE) {
    err = 0;
  }
  if (err == EDOM) return {ErrorKind::kZeroDivisionError, "0.0 to a negative or complex power"};
  if (err == ERANGE) return {ErrorKind::kOverflowError, "complex exponentiation"};
  *out = p;
  return {};
}

Error Abs(Complex z, double* out) {
  if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
    // C99: an infinite part makes the result infinite, even next to a NaN.
    if (std::isinf(z.real)) {
      *out = std::fabs(z.real);
    } else if (std::isinf(z.imag)) {
      *out = std::fabs(z.imag);
    } else {
      *out = std::nan("");
    }
    return {};
  }
  const double r = std::hypot(z.real, z.imag);
  if (!std::isfinite(r)) return {ErrorKind::kOverflowError, "absolute value too large"};
  *out = r;
  return {};
}

std::string ComplexRepr(Complex z) {
  if (z.real == 0.0 && !std::signbit(z.real)) {
    return format::DoubleToString(z.imag, 'r', 0, false) + "j";
  }
  return "(" + format::DoubleToString(z.real, 'r', 0, false) +
         format::DoubleToString(z.imag, 'r', 0, false, /*always_sign=*/true) + "j)";
}

namespace {

// _PyOS_ascii_strtod on a prefix of s: the longest float literal at s[i], with sign,
// inf/infinity/nan, digits, point and exponent. Returns the characters consumed (0 if
// none form a number).
size_t ParseDoublePrefix(std::string_view s, size_t i, double* out) {
  const size_t start = i;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  auto iprefix = [&](std::string_view word) {
    if (s.size() - i < word.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      if (std::tolower(static_cast<unsigned char>(s[i + k])) != word[k]) return false;
    }
    return true;
  };
  if (iprefix("inf")) {
    i += iprefix("infinity") ? 8 : 3;
    *out = negative ? -HUGE_VAL : HUGE_VAL;
    return i - start;
  }
  if (iprefix("nan")) {
    *out = negative ? -std::nan("") : std::nan("");
    return i + 3 - start;
  }
  const size_t digits_start = i;
  size_t mantissa_digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++mantissa_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    if (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) {
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      i = j;
    }
  }
  std::string text(s.substr(digits_start, i - digits_start));
  double v = 0;
  auto res = std::from_chars(text.data(), text.data() + text.size(), v);
  if (res.ec == std::errc::result_out_of_range) {
    // Overflow gives infinity, underflow zero (what strtod returns).
    const size_t e = text.find_first_of("eE");
    const bool tiny = e != std::string::npos && text[e + 1] == '-';
    const bool zero_mantissa = text.substr(0, e).find_first_of("123456789") == std::string::npos;
    v = tiny || zero_mantissa ? 0.0 : HUGE_VAL;
  }
  *out = negative ? -v : v;
  return i - start;
}

}  // namespace

ComplexParse ParseComplex(std::string_view utf8, Complex* out) {
  // Unicode decimal digits become ASCII and Unicode spaces become ' ' (CPython's
  // _PyUnicode_TransformDecimalAndSpaceToASCII); anything else non-ASCII fails.
  std::string ascii;
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp;
    const int n = unicode::DecodeUtf8(utf8, i, &cp);
    if (n <= 0) return ComplexParse::kMalformed;
    i += static_cast<size_t>(n);
    if (cp < 128) {
      ascii += static_cast<char>(cp);
    } else if (unicode::IsSpace(cp)) {
      ascii += ' ';
    } else if (int d = unicode::DecimalValue(cp); d >= 0) {
      ascii += static_cast<char>('0' + d);
    } else {
      return ComplexParse::kMalformed;
    }
  }
  // Underscores only between digits (_Py_string_to_number_with_underscores).
  std::string s;
  for (size_t i = 0; i < ascii.size(); ++i) {
    if (ascii[i] == '_') {
      if (i == 0 || i + 1 >= ascii.size() || !std::isdigit(static_cast<unsigned char>(ascii[i - 1])) ||
          !std::isdigit(static_cast<unsigned char>(ascii[i + 1]))) {
        return ComplexParse::kBadUnderscore;
      }
      continue;
    }
    s += ascii[i];
  }
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  size_t i = 0;
  while (i < s.size() && space(s[i])) ++i;
  bool bracket = false;
  if (i < s.size() && s[i] == '(') {
    bracket = true;
    ++i;
    while (i < s.size() && space(s[i])) ++i;
  }
  auto is_j = [&](size_t k) { return k < s.size() && (s[k] == 'j' || s[k] == 'J'); };
  double x = 0, y = 0, z = 0;
  if (size_t n = ParseDoublePrefix(s, i, &z); n > 0) {
    i += n;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {  // <float><signed-float>j or <float><sign>j
      x = z;
      if (size_t m = ParseDoublePrefix(s, i, &y); m > 0) {
        i += m;
      } else {
        y = s[i] == '+' ? 1.0 : -1.0;
        ++i;
      }
      if (!is_j(i)) return ComplexParse::kMalformed;
      ++i;
    } else if (is_j(i)) {  // <float>j
      ++i;
      y = z;
    } else {  // <float>
      x = z;
    }
  } else {  // <sign>j or j
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      y = s[i] == '+' ? 1.0 : -1.0;
      ++i;
    } else {
      y = 1.0;
    }
    if (!is_j(i)) return ComplexParse::kMalformed;
    ++i;
  }
  while (i < s.size() && space(s[i])) ++i;
  if (bracket) {
    if (i >= s.size() || s[i] != ')') return ComplexParse::kMalformed;
    ++i;
    while (i < s.size() && space(s[i])) ++i;
  }
  if (i != s.size()) return ComplexParse::kMalformed;
  *out = Complex{x, y};
  return ComplexParse::kOk;
}

}  // namespace pyrt::floatops

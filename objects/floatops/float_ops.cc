// float_ops.cc — Python float arithmetic (see float_ops.h).
#include "objects/floatops/float_ops.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "objects/format/number_format.h"

namespace pyrt::floatops {
namespace {

using format::ErrorKind;

bool IsOddInteger(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

// CPython's _float_div_mod: fmod is exact, so (x - mod) is an exact multiple of y.
void DivModCore(double x, double y, double* floordiv, double* mod) {
  *mod = std::fmod(x, y);
  double div = (x - *mod) / y;
  if (*mod != 0) {
    // The remainder takes the sign of the divisor.
    if ((y < 0) != (*mod < 0)) {
      *mod += y;
      div -= 1.0;
    }
  } else {
    *mod = std::copysign(0.0, y);
  }
  if (div != 0) {
    // Snap the quotient to the nearest integral value.
    *floordiv = std::floor(div);
    if (div - *floordiv > 0.5) *floordiv += 1.0;
  } else {
    *floordiv = std::copysign(0.0, x / y);
  }
}

}  // namespace

Error TrueDiv(double x, double y, double* out) {
  if (y == 0.0) return {ErrorKind::kZeroDivisionError, "float division by zero"};
  *out = x / y;
  return {};
}

Error FloorDiv(double x, double y, double* out) {
  if (y == 0.0) return {ErrorKind::kZeroDivisionError, "float floor division by zero"};
  double mod;
  DivModCore(x, y, out, &mod);
  return {};
}

Error Mod(double x, double y, double* out) {
  if (y == 0.0) return {ErrorKind::kZeroDivisionError, "float modulo"};
  double mod = std::fmod(x, y);
  if (mod != 0) {
    if ((y < 0) != (mod < 0)) mod += y;
  } else {
    mod = std::copysign(0.0, y);
  }
  *out = mod;
  return {};
}

Error DivMod(double x, double y, double* quotient, double* remainder) {
  if (y == 0.0) return {ErrorKind::kZeroDivisionError, "float divmod()"};
  DivModCore(x, y, quotient, remainder);
  return {};
}

Error Pow(double x, double y, double* out, bool* complex_result) {
  *complex_result = false;
  // CPython sorts out the special cases itself rather than trusting libm.
  if (y == 0) {  // x**0 is 1, even 0**0 and nan**0
    *out = 1.0;
    return {};
  }
  if (std::isnan(x)) {
    *out = x;
    return {};
  }
  if (std::isnan(y)) {  // 1**nan is 1
    *out = x == 1.0 ? 1.0 : y;
    return {};
  }
  if (std::isinf(y)) {
    const double ax = std::fabs(x);
    if (ax == 1.0) {
      *out = 1.0;
    } else if ((y > 0.0) == (ax > 1.0)) {
      *out = std::fabs(y);
    } else {
      *out = 0.0;
    }
    return {};
  }
  if (std::isinf(x)) {
    const bool odd = IsOddInteger(y);
    if (y > 0.0) {
      *out = odd ? x : std::fabs(x);
    } else {
      *out = odd ? std::copysign(0.0, x) : 0.0;
    }
    return {};
  }
  if (x == 0.0) {
    if (y < 0.0) {
      return {ErrorKind::kZeroDivisionError, "0.0 cannot be raised to a negative power"};
    }
    *out = IsOddInteger(y) ? x : 0.0;
    return {};
  }
  bool negate = false;
  if (x < 0.0) {
    if (y != std::floor(y)) {
      *complex_result = true;  // negative numbers to fractional powers are complex
      return {};
    }
    x = -x;
    negate = IsOddInteger(y);
  }
  if (x == 1.0) {  // also (-1) ** huge_integer, which some libms get wrong
    *out = negate ? -1.0 : 1.0;
    return {};
  }
  errno = 0;
  double r = std::pow(x, y);
  // CPython's _Py_ADJUST_ERANGE1: overflow is an error, underflow to zero is not.
  int err = errno;
  if (err == 0) {
    if (std::isinf(r)) err = ERANGE;
  } else if (err == ERANGE && r == 0.0) {
    err = 0;
  }
  if (err != 0) {
    return {ErrorKind::kOverflowError, "(34, 'Numerical result out of range')"};
  }
  *out = negate ? -r : r;
  return {};
}

Error RoundToIntegral(double x, double* out) {
  if (std::isinf(x)) {
    return {ErrorKind::kOverflowError, "cannot convert float infinity to integer"};
  }
  if (std::isnan(x)) return {ErrorKind::kValueError, "cannot convert float NaN to integer"};
  double rounded = std::round(x);  // halves away from zero...
  if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);  // ...then to even
  *out = rounded;
  return {};
}

Error Round(double x, int64_t ndigits, double* out) {
  // Beyond these, every double rounds to itself or to a signed zero (CPython's
  // NDIGITS_MAX = (DBL_MANT_DIG - DBL_MIN_EXP) * log10(2), NDIGITS_MIN likewise).
  constexpr int64_t kMaxDigits = 323;
  constexpr int64_t kMinDigits = -308;
  if (!std::isfinite(x) || ndigits > kMaxDigits) {
    *out = x;
    return {};
  }
  if (ndigits < kMinDigits) {
    *out = 0.0 * x;
    return {};
  }
  // Correctly rounded decimal digits, then read back: CPython's double_round.
  const format::Digits d = format::ToDigits(x, format::DigitMode::kFixed, static_cast<int>(ndigits));
  std::string text = "0" + d.digits + "e" + std::to_string(d.decpt - static_cast<int>(d.digits.size()));
  double rounded = 0;
  auto res = std::from_chars(text.data(), text.data() + text.size(), rounded);
  if (res.ec == std::errc::result_out_of_range) {
    // Underflow reads back as zero; overflow is an error.
    if (d.decpt > 0) return {ErrorKind::kOverflowError, "rounded value too large to represent"};
    rounded = 0.0;
  }
  *out = d.negative ? -rounded : rounded;
  return {};
}

std::string Hex(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  const char* sign = std::signbit(x) ? "-" : "";
  if (x == 0.0) return std::string(sign) + "0x0.0p+0";
  int e;
  double m = std::frexp(std::fabs(x), &e);  // m in [0.5, 1)
  // Shift to the form 1.xxx * 2**(e-1), or 0.xxx * 2**-1022 for subnormals, with 13 hex
  // digits (52 bits) of fraction.
  const int kMinExp = -1021;  // DBL_MIN_EXP
  int shift = 1 - std::max(kMinExp - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  char buf[64];
  int lead = static_cast<int>(m);
  m -= lead;
  std::string out = std::string(sign) + "0x" + static_cast<char>('0' + lead) + ".";
  for (int i = 0; i < 13; ++i) {
    m *= 16.0;
    const int digit = static_cast<int>(m);
    out += "0123456789abcdef"[digit];
    m -= digit;
  }
  std::snprintf(buf, sizeof buf, "p%+d", e);
  return out + buf;
}

Error IntegerRatioParts(double x, int64_t* mantissa, int* exponent) {
  if (std::isinf(x)) {
    return {ErrorKind::kOverflowError, "cannot convert Infinity to integer ratio"};
  }
  if (std::isnan(x)) return {ErrorKind::kValueError, "cannot convert NaN to integer ratio"};
  int e;
  double m = std::frexp(x, &e);
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    --e;
  }
  *mantissa = static_cast<int64_t>(m);
  *exponent = e;
  return {};
}

bool IsInteger(double x) { return std::isfinite(x) && std::floor(x) == x; }

}  // namespace pyrt::floatops

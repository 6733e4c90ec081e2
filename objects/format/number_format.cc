// number_format.cc — float digits and layout, number fields, string fields, float().
#include "objects/format/number_format.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <string>

#include "unicode/unicode.h"

namespace pyrt::format {

// --- Digit generation (CPython's _Py_dg_dtoa modes 0, 2, 3) --------------------------

namespace {

// Splits std::to_chars scientific output "d.ddde+XX" into digits and a decimal exponent.
void SplitScientific(std::string_view s, std::string* digits, int* exponent) {
  digits->clear();
  size_t i = 0;
  for (; i < s.size() && s[i] != 'e'; ++i) {
    if (s[i] != '.') digits->push_back(s[i]);
  }
  int e = 0;
  if (i < s.size()) std::from_chars(s.data() + i + 1 + (s[i + 1] == '+'), s.data() + s.size(), e);
  *exponent = e;
}

void StripTrailingZeros(std::string* digits) {
  while (!digits->empty() && digits->back() == '0') digits->pop_back();
}

}  // namespace

namespace {

// kFixed with ndigits < 0 (rounding to tens, hundreds, ...): std::to_chars cannot round
// left of the point, so take the exact expansion (every double has one, with at most
// 1074 fractional digits) and round half to even by hand.
Digits FixedNegative(double x, int ndigits) {
  Digits r;
  r.negative = std::signbit(x);
  std::string buf(1500, '\0');
  auto res = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(x),
                           std::chars_format::fixed, 1074);
  std::string_view s(buf.data(), res.ptr - buf.data());
  const size_t dot = s.find('.');
  std::string d;
  for (char c : s) {
    if (c != '.') d.push_back(c);
  }
  int64_t decpt = static_cast<int64_t>(dot == std::string_view::npos ? s.size() : dot);
  size_t lead = 0;
  while (lead < d.size() && d[lead] == '0') ++lead;
  d.erase(0, lead);
  decpt -= static_cast<int64_t>(lead);
  StripTrailingZeros(&d);
  const int64_t keep = decpt + ndigits;
  if (keep < 0 || d.empty()) {
    r.decpt = -ndigits;
    return r;
  }
  if (keep < static_cast<int64_t>(d.size())) {
    const std::string_view rest = std::string_view(d).substr(static_cast<size_t>(keep));
    const bool tie = rest[0] == '5' && rest.find_first_not_of('0', 1) == std::string_view::npos;
    bool up = rest[0] > '5' || (rest[0] == '5' && !tie);
    if (tie && keep > 0) up = ((d[static_cast<size_t>(keep) - 1] - '0') & 1) != 0;
    d.resize(static_cast<size_t>(keep));
    if (up) {
      int64_t i = keep - 1;
      while (i >= 0 && d[static_cast<size_t>(i)] == '9') d[static_cast<size_t>(i--)] = '0';
      if (i < 0) {
        d.insert(d.begin(), '1');
        ++decpt;
      } else {
        ++d[static_cast<size_t>(i)];
      }
    }
    StripTrailingZeros(&d);
  }
  if (d.empty()) {
    r.decpt = -ndigits;
    return r;
  }
  r.digits = d;
  r.decpt = static_cast<int>(decpt);
  return r;
}

}  // namespace

Digits ToDigits(double x, DigitMode mode, int ndigits) {
  Digits r;
  r.negative = std::signbit(x);
  if (std::isnan(x)) {
    r.nan = true;
    return r;
  }
  if (std::isinf(x)) {
    r.inf = true;
    return r;
  }
  const double ax = std::fabs(x);
  if (ax == 0.0) {  // dtoa gives "0" with the point after it, whatever the mode
    r.digits = "0";
    r.decpt = 1;
    return r;
  }
  // Fixed notation of a double needs at most 309 integer digits plus the fraction.
  std::string buf(static_cast<size_t>(std::max(ndigits, 0)) + 400, '\0');
  char* const first = buf.data();
  char* const last = buf.data() + buf.size();
  int exponent = 0;
  switch (mode) {
    case DigitMode::kShortest: {
      auto res = std::to_chars(first, last, ax, std::chars_format::scientific);
      SplitScientific(std::string_view(first, res.ptr - first), &r.digits, &exponent);
      StripTrailingZeros(&r.digits);
      r.decpt = exponent + 1;
      break;
    }
    case DigitMode::kSignificant: {
      const int n = std::max(ndigits, 1);
      auto res = std::to_chars(first, last, ax, std::chars_format::scientific, n - 1);
      SplitScientific(std::string_view(first, res.ptr - first), &r.digits, &exponent);
      StripTrailingZeros(&r.digits);
      r.decpt = exponent + 1;
      break;
    }
    case DigitMode::kFixed: {
      if (ndigits < 0) return FixedNegative(x, ndigits);
      auto res = std::to_chars(first, last, ax, std::chars_format::fixed, ndigits);
      std::string_view s(first, res.ptr - first);
      const size_t dot = s.find('.');
      const size_t int_len = dot == std::string_view::npos ? s.size() : dot;
      for (char c : s) {
        if (c != '.') r.digits.push_back(c);
      }
      r.decpt = static_cast<int>(int_len);
      size_t lead = 0;
      while (lead < r.digits.size() && r.digits[lead] == '0') ++lead;
      r.digits.erase(0, lead);
      r.decpt -= static_cast<int>(lead);
      StripTrailingZeros(&r.digits);
      if (r.digits.empty()) r.decpt = -std::max(ndigits, 0);  // rounds to zero, as dtoa
      break;
    }
  }
  return r;
}

// --- Float layout (CPython's format_float_short) -------------------------------------

namespace {

struct FloatFlags {
  bool always_sign = false;
  bool add_dot_0 = false;  // repr-style: an integral value gets ".0"
  bool alternate = false;  // '#': keep the point and the zeros
  bool no_neg_zero = false;
};

// `code` is one of e E f F g G r; `precision` as the format spec gave it (CPython's
// PyOS_double_to_string adjusts it per code).
std::string FormatShort(double d, char code, int precision, FloatFlags flags) {
  const bool upper = code == 'E' || code == 'F' || code == 'G';
  const char lower = static_cast<char>(upper ? code - 'A' + 'a' : code);
  DigitMode mode = DigitMode::kShortest;
  switch (lower) {
    case 'e':
      mode = DigitMode::kSignificant;
      ++precision;
      break;
    case 'f':
      mode = DigitMode::kFixed;
      break;
    case 'g':
      mode = DigitMode::kSignificant;
      if (precision == 0) precision = 1;
      break;
    default:  // 'r'
      precision = 0;
      break;
  }
  Digits dg = ToDigits(d, mode, precision);
  bool negative = dg.negative;
  const std::string& digits = dg.digits;
  const int64_t digits_len = static_cast<int64_t>(digits.size());
  if (flags.no_neg_zero && negative && !dg.inf && !dg.nan &&
      (digits_len == 0 || (digits_len == 1 && digits[0] == '0'))) {
    negative = false;
  }
  std::string out;
  if (dg.inf || dg.nan) {
    if (dg.nan) negative = false;  // the sign of a nan is never shown
    if (negative) {
      out += '-';
    } else if (flags.always_sign) {
      out += '+';
    }
    out += dg.inf ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
    return out;
  }

  int64_t decpt = dg.decpt;
  int64_t vdigits_end = digits_len;
  bool use_exp = false;
  switch (lower) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (flags.add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (flags.alternate) vdigits_end = precision;
      break;
    default:  // 'r': exponent notation from 1e16 and below 1e-4
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int64_t exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && flags.add_dot_0) {
    vdigits_end = std::max(vdigits_end, decpt + 1);
  } else {
    vdigits_end = std::max(vdigits_end, decpt);
  }

  if (negative) {
    out += '-';
  } else if (flags.always_sign) {
    out += '+';
  }
  // Zeros left of the digits (and the point, when it comes before them).
  if (decpt <= 0) {
    out.append(static_cast<size_t>(decpt - vdigits_start), '0');
    out += '.';
    out.append(static_cast<size_t>(-decpt), '0');
  } else {
    out.append(static_cast<size_t>(-vdigits_start), '0');
  }
  // The digits, with the point inside them if it falls there.
  if (0 < decpt && decpt <= digits_len) {
    out.append(digits, 0, static_cast<size_t>(decpt));
    out += '.';
    out.append(digits, static_cast<size_t>(decpt), std::string::npos);
  } else {
    out += digits;
  }
  // Zeros right of the digits (and the point, when it comes after them).
  if (digits_len < decpt) {
    out.append(static_cast<size_t>(decpt - digits_len), '0');
    out += '.';
    out.append(static_cast<size_t>(vdigits_end - decpt), '0');
  } else {
    out.append(static_cast<size_t>(std::max<int64_t>(vdigits_end - digits_len, 0)), '0');
  }
  if (out.back() == '.' && !flags.alternate) out.pop_back();
  if (use_exp) {
    out += upper ? 'E' : 'e';
    char buf[16];
    std::snprintf(buf, sizeof buf, "%+.02d", static_cast<int>(exp));
    out += buf;
  }
  return out;
}

// --- Number fields (CPython's calc_number_widths, fill_number, InsertThousandsGrouping) -

// The digits with separators every `group` digits from the right (group 0: none), padded
// with leading zeros (grouped too) to at least `min_width` characters.
std::string GroupDigits(std::string_view digits, int64_t min_width, char separator, int group) {
  // Built right to left, then reversed.
  std::string out;
  int64_t remaining = static_cast<int64_t>(digits.size());
  size_t pos = digits.size();
  bool use_separator = false;
  auto take = [&](int64_t l) {
    const int64_t n_zeros = std::max<int64_t>(0, l - remaining);
    const int64_t n_chars = std::max<int64_t>(0, std::min(remaining, l));
    if (use_separator) out += separator;
    for (int64_t i = 0; i < n_chars; ++i) out += digits[--pos];
    out.append(static_cast<size_t>(n_zeros), '0');
    remaining -= n_chars;
  };
  bool done = false;
  if (group > 0) {
    while (true) {
      const int64_t l =
          std::min<int64_t>(group, std::max<int64_t>(std::max(remaining, min_width), 1));
      take(l);
      use_separator = true;
      min_width -= l;
      if (remaining <= 0 && min_width <= 0) {
        done = true;
        break;
      }
      min_width -= 1;  // the separator's width
    }
  }
  if (!done) take(std::max<int64_t>(std::max(remaining, min_width), 1));
  std::reverse(out.begin(), out.end());
  return out;
}

// Lays out a number field. `sign_char` is '-' for a negative number, else 0; `prefix` is
// "0x" and the like; `digits` are the integral digits; `has_decimal` says a '.' follows
// them; `remainder` is what comes after (fraction, exponent, '%', or "inf"/"nan").
// `remainder_width` is the remainder's width in code points (-1: its size in bytes).
std::string FillNumber(const FormatSpec& spec, char sign_char, std::string_view prefix,
                       std::string_view digits, bool has_decimal, std::string_view remainder,
                       Grouping grouping, bool upper, int64_t remainder_width = -1) {
  char sign = 0;
  switch (spec.sign) {
    case '+':
      sign = sign_char == '-' ? '-' : '+';
      break;
    case ' ':
      sign = sign_char == '-' ? '-' : ' ';
      break;
    default:
      if (sign_char == '-') sign = '-';
  }
  const int64_t n_sign = sign ? 1 : 0;
  const int64_t n_non_digit = n_sign + static_cast<int64_t>(prefix.size()) +
                              (has_decimal ? 1 : 0) +
                              (remainder_width >= 0 ? remainder_width
                                                    : static_cast<int64_t>(remainder.size()));
  const int64_t min_width =
      spec.fill == U'0' && spec.align == '=' ? spec.width - n_non_digit : 0;
  char separator = 0;
  int group = 0;
  switch (grouping) {
    case Grouping::kComma: separator = ','; group = 3; break;
    case Grouping::kUnderscore: separator = '_'; group = 3; break;
    case Grouping::kUnderscoreFour: separator = '_'; group = 4; break;
    case Grouping::kNone: break;
  }
  std::string grouped = digits.empty() ? std::string() : GroupDigits(digits, min_width, separator, group);
  const int64_t n_padding = spec.width - (n_non_digit + static_cast<int64_t>(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (spec.align) {
      case '<': rpad = n_padding; break;
      case '^': lpad = n_padding / 2; rpad = n_padding - lpad; break;
      case '=': spad = n_padding; break;
      default: lpad = n_padding; break;
    }
  }
  std::string fill;
  AppendUtf8(spec.fill, &fill);
  std::string out;
  for (int64_t i = 0; i < lpad; ++i) out += fill;
  if (sign) out += sign;
  for (char c : prefix) out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
  for (int64_t i = 0; i < spad; ++i) out += fill;
  for (char c : grouped) out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
  if (has_decimal) out += '.';
  out.append(remainder);
  for (int64_t i = 0; i < rpad; ++i) out += fill;
  return out;
}

int64_t CodePointCount(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string DoubleToString(double x, char code, int precision, bool alternate, bool always_sign) {
  return FormatShort(x, code, precision,
                     FloatFlags{.always_sign = always_sign, .alternate = alternate});
}

std::string FloatRepr(double x) {
  return FormatShort(x, 'r', 0, FloatFlags{.add_dot_0 = true});
}

Error FormatFloat(double x, const FormatSpec& spec, std::string* out, std::string_view type_name) {
  char32_t type = spec.type;
  switch (type) {
    case 0: case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': case U'n':
    case U'%':
      break;
    default:
      return UnknownFormatCode(type, type_name);
  }
  if (spec.precision > INT_MAX) return {ErrorKind::kValueError, "precision too big"};
  FloatFlags flags{.alternate = spec.alternate, .no_neg_zero = spec.no_neg_zero};
  int precision = static_cast<int>(spec.precision);
  int default_precision = 6;
  if (type == 0) {  // like repr, or 'g' with at least one digit after the point
    flags.add_dot_0 = true;
    type = U'r';
    default_precision = 0;
  }
  const bool locale_type = type == U'n';
  if (locale_type) type = U'g';
  bool percent = false;
  if (type == U'%') {
    type = U'f';
    x *= 100;
    percent = true;
  }
  if (precision < 0) {
    precision = default_precision;
  } else if (type == U'r') {
    type = U'g';
  }
  std::string number = FormatShort(x, static_cast<char>(type), precision, flags);
  if (percent) number += '%';
  // Split "-123.45e+06" into sign, integral digits, point, remainder.
  std::string_view s = number;
  char sign_char = 0;
  if (!s.empty() && s[0] == '-') {
    sign_char = '-';
    s.remove_prefix(1);
  }
  size_t n_int = 0;
  while (n_int < s.size() && s[n_int] >= '0' && s[n_int] <= '9') ++n_int;
  const bool has_decimal = n_int < s.size() && s[n_int] == '.';
  std::string_view remainder = s.substr(n_int + (has_decimal ? 1 : 0));
  const Grouping grouping = locale_type ? Grouping::kNone : spec.grouping;
  *out = FillNumber(spec, sign_char, "", s.substr(0, n_int), has_decimal, remainder, grouping,
                    false);
  return {};
}

int IntFormatRadix(char32_t type) {
  switch (type) {
    case U'b': return 2;
    case U'o': return 8;
    case U'x': case U'X': return 16;
    case U'd': case U'n': return 10;
    case U'c': return 1;
    case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': case U'%': return 0;
    default: return -1;
  }
}

namespace {

Error CheckIntRules(const FormatSpec& spec) {
  if (spec.precision != -1) {
    return {ErrorKind::kValueError, "Precision not allowed in integer format specifier"};
  }
  if (spec.no_neg_zero) {
    return {ErrorKind::kValueError,
            "Negative zero coercion (z) not allowed in integer format specifier"};
  }
  return {};
}

}  // namespace

Error FormatIntDigits(bool negative, std::string_view magnitude_digits, const FormatSpec& spec,
                      std::string* out) {
  if (Error e = CheckIntRules(spec); !e.ok()) return e;
  std::string_view prefix;
  if (spec.alternate) {
    switch (spec.type) {
      case U'b': prefix = "0b"; break;
      case U'o': prefix = "0o"; break;
      case U'x': case U'X': prefix = "0x"; break;
      default: break;
    }
  }
  const Grouping grouping = spec.type == U'n' ? Grouping::kNone : spec.grouping;
  *out = FillNumber(spec, negative ? '-' : 0, prefix, magnitude_digits, false, "", grouping,
                    spec.type == U'X');
  return {};
}

Error FormatIntChar(int64_t n, bool n_fits, const FormatSpec& spec, std::string* out) {
  if (Error e = CheckIntRules(spec); !e.ok()) return e;
  if (spec.sign != 0) {
    return {ErrorKind::kValueError, "Sign not allowed with integer format specifier 'c'"};
  }
  if (spec.alternate) {
    return {ErrorKind::kValueError,
            "Alternate form (#) not allowed with integer format specifier 'c'"};
  }
  if (!n_fits) return {ErrorKind::kOverflowError, "Python int too large to convert to C long"};
  if (n < 0 || n > 0x10FFFF) {
    return {ErrorKind::kOverflowError, "%c arg not in range(0x110000)"};
  }
  std::string ch;
  AppendUtf8(static_cast<char32_t>(n), &ch);
  // CPython passes the character as "remainder" so that it is never grouped or padded
  // with zeros; widths count it as one character.
  std::string field = FillNumber(spec, 0, "", "", false, ch, Grouping::kNone, false, 1);
  *out = field;
  return {};
}

Error FormatString(std::string_view s, const FormatSpec& spec, std::string* out) {
  if (spec.type != U's') return UnknownFormatCode(spec.type, "str");
  if (spec.sign != 0) {
    return {ErrorKind::kValueError, spec.sign == ' '
                                         ? "Space not allowed in string format specifier"
                                         : "Sign not allowed in string format specifier"};
  }
  if (spec.no_neg_zero) {
    return {ErrorKind::kValueError,
            "Negative zero coercion (z) not allowed in string format specifier"};
  }
  if (spec.alternate) {
    return {ErrorKind::kValueError, "Alternate form (#) not allowed in string format specifier"};
  }
  if (spec.align == '=') {
    return {ErrorKind::kValueError, "'=' alignment not allowed in string format specifier"};
  }
  int64_t len = CodePointCount(s);
  std::string_view text = s;
  if (spec.precision >= 0 && len >= spec.precision) {
    len = spec.precision;
    size_t bytes = 0;
    for (int64_t n = 0; n < len; ++n) {
      ++bytes;
      while (bytes < s.size() && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) ++bytes;
    }
    text = s.substr(0, bytes);
  }
  const int64_t total = spec.width >= 0 && spec.width > len ? spec.width : len;
  int64_t lpad = 0;
  if (spec.align == '>') {
    lpad = total - len;
  } else if (spec.align == '^') {
    lpad = (total - len) / 2;
  }
  const int64_t rpad = total - len - lpad;
  std::string fill;
  AppendUtf8(spec.fill, &fill);
  std::string result;
  for (int64_t i = 0; i < lpad; ++i) result += fill;
  result.append(text);
  for (int64_t i = 0; i < rpad; ++i) result += fill;
  *out = std::move(result);
  return {};
}

// --- float() -------------------------------------------------------------------------

std::optional<double> ParseFloat(std::string_view s) {
  // Decode, turning Unicode decimal digits into ASCII and checking for whitespace.
  std::u32string cps;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    const int n = unicode::DecodeUtf8(s, i, &cp);
    if (n <= 0) return std::nullopt;
    cps.push_back(cp);
    i += static_cast<size_t>(n);
  }
  size_t begin = 0, end = cps.size();
  while (begin < end && unicode::IsSpace(cps[begin])) ++begin;
  while (end > begin && unicode::IsSpace(cps[end - 1])) --end;
  std::string ascii;
  for (size_t i = begin; i < end; ++i) {
    const char32_t c = cps[i];
    if (c < 128) {
      ascii += static_cast<char>(c);
    } else if (int d = unicode::DecimalValue(c); d >= 0) {
      ascii += static_cast<char>('0' + d);
    } else {
      return std::nullopt;
    }
  }
  // Underscores are allowed only between two digits.
  std::string clean;
  for (size_t i = 0; i < ascii.size(); ++i) {
    if (ascii[i] == '_') {
      const bool ok = i > 0 && i + 1 < ascii.size() && std::isdigit(static_cast<unsigned char>(ascii[i - 1])) &&
                      std::isdigit(static_cast<unsigned char>(ascii[i + 1]));
      if (!ok) return std::nullopt;
      continue;
    }
    clean += ascii[i];
  }
  std::string_view t = clean;
  bool negative = false;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    negative = t[0] == '-';
    t.remove_prefix(1);
  }
  auto iequals = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(),
                      [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == y; });
  };
  if (iequals(t, "inf") || iequals(t, "infinity")) {
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (iequals(t, "nan")) return negative ? -std::nan("") : std::nan("");
  // digits [. digits] [e [sign] digits], with at least one mantissa digit.
  size_t i = 0, mantissa_digits = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++mantissa_digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return std::nullopt;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (i != t.size()) return std::nullopt;
  double value = 0;
  auto res = std::from_chars(t.data(), t.data() + t.size(), value);
  if (res.ec == std::errc::result_out_of_range) {
    // from_chars reports overflow and underflow without a value: decide which.
    const size_t e = t.find_first_of("eE");
    bool tiny = false;
    if (e != std::string_view::npos) tiny = t[e + 1] == '-';
    if (!tiny) {
      // A huge mantissa with no exponent, or a positive exponent: overflow to inf, unless
      // the mantissa is all zeros.
      value = t.find_first_of("123456789") == std::string_view::npos ? 0.0 : HUGE_VAL;
      if (e != std::string_view::npos && t.substr(0, e).find_first_of("123456789") == std::string_view::npos) value = 0.0;
    } else {
      value = 0.0;
    }
  } else if (res.ec != std::errc() || res.ptr != t.data() + t.size()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

}  // namespace pyrt::format

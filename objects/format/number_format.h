// number_format.h — repr(float), format() for floats, ints and strings, float() parsing:
// CPython 3.11's formatting rules, to the character.
//
// Floats. Every float conversion goes through one digit generator (Digits below): the
// correctly rounded decimal digits of a double, from std::to_chars, in one of three modes
// (CPython's _Py_dg_dtoa modes):
//   kShortest      the fewest digits that read back as the same double (repr)
//   kSignificant   n significant digits, trailing zeros dropped ('e', 'g')
//   kFixed         n digits after the decimal point, trailing zeros dropped ('f', '%')
// and one layout routine (CPython's format_float_short) that places a decimal point,
// zero padding and an exponent around them for the presentation types
// 'r' (repr), 'e', 'f', 'g' and their upper-case forms.
//
// Numbers are then laid out in a field as CPython's calc_number_widths/fill_number do:
//
//   | lpadding | sign | prefix | spadding | grouped digits | . | remainder | rpadding |
//
// where at most one of the three paddings is non-empty (chosen by the alignment), and
// zero padding with "=" alignment is done by the grouping step itself so that the padding
// zeros are grouped too ('010,' formats 1234 as '00,001,234').
//
// Ints arrive as a sign and their magnitude's digits in the base the type asks for (the
// object model's big-int conversion produces them): this header formats, it does not do
// arithmetic. Strings arrive as UTF-8; widths and precisions count code points.
//
// The locale-dependent type 'n' follows the C locale ("." and no grouping), which is what
// CPython does in a program that never calls locale.setlocale.
//
// Everything is pure and thread-safe; errors come back as format::Error values.
#ifndef PYRT_OBJECTS_FORMAT_NUMBER_FORMAT_H_
#define PYRT_OBJECTS_FORMAT_NUMBER_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>

#include "objects/format/format_spec.h"

namespace pyrt::format {

// repr(x) (and str(x)) for a float: '1.0', '1e+16', '0.0001', '1e-05', 'inf', 'nan'.
[[nodiscard]] std::string FloatRepr(double x);

// format(x, spec) for a float whose spec was parsed with default type 0 and default align
// '>'. On error returns it and leaves *out unchanged. `type_name` names the value's type
// in messages ("float", or "int" when an int is formatted with a float type).
[[nodiscard]] Error FormatFloat(double x, const FormatSpec& spec, std::string* out,
                                std::string_view type_name = "float");

// CPython's PyOS_double_to_string(x, code, precision, flags) for code in e E f F g G
// (and 'r' with precision 0): the number alone, no padding. `alternate` is Py_DTSF_ALT.
// Used by printf-style formatting.
// `always_sign` is Py_DTSF_SIGN (a '+' on non-negative numbers).
[[nodiscard]] std::string DoubleToString(double x, char code, int precision, bool alternate,
                                         bool always_sign = false);

// The radix an int presentation type asks for: 2 for 'b', 8 for 'o', 16 for 'x'/'X',
// 10 for 'd'/'n', 0 for the float types ('e', 'E', 'f', 'F', 'g', 'G', '%': the caller
// converts the int to float and calls FormatFloat), 1 for 'c', -1 for anything else
// (the caller reports UnknownFormatCode(spec.type, "int")).
[[nodiscard]] int IntFormatRadix(char32_t type);

// format(n, spec) for an int with a radix type ('b', 'o', 'x', 'X', 'd', 'n'), given
// its sign and the digits of |n| in that radix (lower case, no prefix, no leading zeros
// except for zero itself). Checks the int-only rules (no precision, no 'z').
[[nodiscard]] Error FormatIntDigits(bool negative, std::string_view magnitude_digits,
                                    const FormatSpec& spec, std::string* out);

// format(n, spec) with type 'c': the character chr(n). `n_fits` is false when n does
// not fit in an int64 (CPython then raises OverflowError from its PyLong_AsLong).
[[nodiscard]] Error FormatIntChar(int64_t n, bool n_fits, const FormatSpec& spec,
                                  std::string* out);

// format(s, spec) for a str (UTF-8); spec parsed with default type 's' and align '<'.
[[nodiscard]] Error FormatString(std::string_view s_utf8, const FormatSpec& spec,
                                 std::string* out);

// float(s) for a str already stripped of nothing: leading/trailing whitespace, one sign,
// digits with single underscores between them, '.', exponent, 'inf'/'infinity'/'nan'
// in any case. Returns nullopt when CPython would raise
// "could not convert string to float: ..." (the caller formats the repr).
[[nodiscard]] std::optional<double> ParseFloat(std::string_view s_utf8);

// The digit generator shared by all float conversions (exposed for tests and for the
// object model's float.__round__ and round()).
enum class DigitMode { kShortest, kSignificant, kFixed };
struct Digits {
  std::string digits;  // decimal digits without leading or trailing zeros ("" for 0 in
                       // kFixed when the value rounds to zero)
  int decpt = 0;       // the decimal point sits after `decpt` digits (may be <= 0)
  bool negative = false;
  bool inf = false;
  bool nan = false;
};
[[nodiscard]] Digits ToDigits(double x, DigitMode mode, int ndigits);

}  // namespace pyrt::format

#endif  // PYRT_OBJECTS_FORMAT_NUMBER_FORMAT_H_

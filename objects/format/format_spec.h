// format_spec.h — Python's format-specification mini-language, parsed once for every type.
//
// `format(value, spec)`, f-strings and str.format all hand a type's __format__ a spec
// string with this grammar (the same as CPython 3.11's, PEP 3101 + PEP 378 + PEP 515 +
// PEP 682):
//
//   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//
//   fill      any character, only when followed by an align character
//   align     "<" | ">" | "=" | "^"
//   sign      "+" | "-" | " "
//   z         coerce negative zero to zero (floats only)
//   #         alternate form (0b/0o/0x prefixes, a decimal point that is always kept)
//   0         zero padding: fill "0" and, unless an alignment was given, align "="
//   width     decimal digits (any Unicode decimal digits, as CPython reads them)
//   grouping  "," or "_" (one of them)
//   precision decimal digits after "."; a "." without digits is an error
//   type      one character; what it may be depends on the value's type
//
// ParseFormatSpec does the type-independent part exactly as CPython's
// parse_internal_render_format_spec does, including its error messages and the order in
// which it reports them; the per-type checks ("Sign not allowed in string format
// specifier", unknown type codes, ...) belong to the type's formatter
// (float_format.h for floats, ints and strings).
//
// Everything here is pure, allocation-light and thread-safe. Errors are returned as
// values carrying the exception type and CPython's message; nothing throws.
#ifndef PYRT_OBJECTS_FORMAT_FORMAT_SPEC_H_
#define PYRT_OBJECTS_FORMAT_FORMAT_SPEC_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace pyrt::format {

// The Python exception a formatting error maps to.
enum class ErrorKind : uint8_t {
  kNone,
  kValueError,
  kOverflowError,
  kZeroDivisionError,
  kTypeError,
  kKeyError,
  kPropagate,  // a callback failed and the Python exception is already set
};

// A formatting failure: the exception type and CPython's message. kind == kNone: success.
struct Error {
  ErrorKind kind = ErrorKind::kNone;
  std::string message;
  [[nodiscard]] bool ok() const { return kind == ErrorKind::kNone; }
};

// Which thousands separator a spec asked for. kUnderscoreFour is "_" with a
// b/o/x/X type: a separator every four digits (PEP 515).
enum class Grouping : uint8_t { kNone, kComma, kUnderscore, kUnderscoreFour };

// A parsed spec. `type` is 0 when the spec names none and no default was given.
struct FormatSpec {
  char32_t fill = U' ';
  char align = 0;         // '<', '>', '=', '^', or 0 for the type's default
  char sign = 0;          // '+', '-', ' ', or 0
  bool no_neg_zero = false;  // "z"
  bool alternate = false;    // "#"
  bool fill_given = false;   // an explicit fill character preceded the align
  int64_t width = -1;        // -1: not given
  Grouping grouping = Grouping::kNone;
  int64_t precision = -1;    // -1: not given
  char32_t type = 0;
};

// Parses `spec` (UTF-32 code points). `default_type` and `default_align` are the value's
// type defaults ('s' and '<' for str, 'd' and '>' for int, 0 and '>' for float);
// `type_name` is the value's Python type name, used in messages. On error returns the
// error and leaves *out unspecified.
[[nodiscard]] Error ParseFormatSpec(std::u32string_view spec, char32_t default_type,
                                    char default_align, std::string_view type_name,
                                    FormatSpec* out);

// UTF-8 convenience overload (invalid UTF-8 is treated byte by byte as Latin-1).
[[nodiscard]] Error ParseFormatSpec(std::string_view spec_utf8, char32_t default_type,
                                    char default_align, std::string_view type_name,
                                    FormatSpec* out);

// "Unknown format code 'x' for object of type 'float'" (CPython's unknown_presentation_type).
[[nodiscard]] Error UnknownFormatCode(char32_t type, std::string_view type_name);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace pyrt::format

#endif  // PYRT_OBJECTS_FORMAT_FORMAT_SPEC_H_

// format_spec.cc — the format-spec parser (see format_spec.h).
#include "objects/format/format_spec.h"

#include <cstdint>
#include <cstdio>
#include <limits>

#include "unicode/unicode.h"

namespace pyrt::format {
namespace {

bool IsAlign(char32_t c) { return c == U'<' || c == U'>' || c == U'=' || c == U'^'; }
bool IsSign(char32_t c) { return c == U'+' || c == U'-' || c == U' '; }

// Reads Unicode decimal digits at spec[*pos...] into *result. Returns the number of
// digits read, or -1 (with *error set) when the value overflows a Py_ssize_t.
int64_t ReadInteger(std::u32string_view spec, size_t* pos, int64_t* result, Error* error) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  int64_t accumulator = 0;
  int64_t digits = 0;
  for (; *pos < spec.size(); ++*pos, ++digits) {
    const int digit = unicode::DecimalValue(spec[*pos]);
    if (digit < 0) break;
    if (accumulator > (kMax - digit) / 10) {
      *error = {ErrorKind::kValueError, "Too many decimal digits in format string"};
      return -1;
    }
    accumulator = accumulator * 10 + digit;
  }
  *result = accumulator;
  return digits;
}

std::string Utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

// "Cannot specify ',' with 's'." (CPython's invalid_thousands_separator_type).
Error InvalidSeparatorForType(char separator, char32_t type) {
  std::string msg = "Cannot specify '";
  msg += separator;
  msg += "' with '";
  if (type > 32 && type < 128) {
    msg += static_cast<char>(type);
  } else {
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(type));
    msg += buf;
  }
  msg += "'.";
  return {ErrorKind::kValueError, msg};
}

}  // namespace

void AppendUtf8(char32_t cp, std::string* out) {
  char buf[4];
  const int n = unicode::EncodeUtf8(cp, buf);
  out->append(buf, static_cast<size_t>(n));
}

Error UnknownFormatCode(char32_t type, std::string_view type_name) {
  // CPython prints the code itself when it is printable ASCII, else as a \x escape.
  std::string code;
  if (type > 32 && type < 128) {
    code = static_cast<char>(type);
  } else {
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(type));
    code = buf;
  }
  std::string msg = "Unknown format code '" + code + "' for object of type '";
  msg.append(type_name.substr(0, 200));
  msg += "'";
  return {ErrorKind::kValueError, msg};
}

Error ParseFormatSpec(std::u32string_view spec, char32_t default_type, char default_align,
                      std::string_view type_name, FormatSpec* out) {
  FormatSpec f;
  f.align = default_align;
  f.type = default_type;
  size_t pos = 0;
  const size_t end = spec.size();
  bool align_given = false;

  // [[fill]align]
  if (end - pos >= 2 && IsAlign(spec[pos + 1])) {
    f.align = static_cast<char>(spec[pos + 1]);
    f.fill = spec[pos];
    f.fill_given = true;
    align_given = true;
    pos += 2;
  } else if (end - pos >= 1 && IsAlign(spec[pos])) {
    f.align = static_cast<char>(spec[pos]);
    align_given = true;
    ++pos;
  }
  // [sign]["z"]["#"]
  if (end - pos >= 1 && IsSign(spec[pos])) f.sign = static_cast<char>(spec[pos++]);
  if (end - pos >= 1 && spec[pos] == U'z') {
    f.no_neg_zero = true;
    ++pos;
  }
  if (end - pos >= 1 && spec[pos] == U'#') {
    f.alternate = true;
    ++pos;
  }
  // ["0"]: zero padding, unless a fill was given.
  if (!f.fill_given && end - pos >= 1 && spec[pos] == U'0') {
    f.fill = U'0';
    if (!align_given && default_align == '>') f.align = '=';
    ++pos;
  }
  // [width]
  Error error;
  int64_t width = 0;
  const int64_t width_digits = ReadInteger(spec, &pos, &width, &error);
  if (width_digits < 0) return error;
  f.width = width_digits == 0 ? -1 : width;
  // [grouping]
  if (end - pos >= 1 && spec[pos] == U',') {
    f.grouping = Grouping::kComma;
    ++pos;
  }
  if (end - pos >= 1 && spec[pos] == U'_') {
    if (f.grouping != Grouping::kNone) {
      return {ErrorKind::kValueError, "Cannot specify both ',' and '_'."};
    }
    f.grouping = Grouping::kUnderscore;
    ++pos;
  }
  if (end - pos >= 1 && spec[pos] == U',' && f.grouping == Grouping::kUnderscore) {
    return {ErrorKind::kValueError, "Cannot specify both ',' and '_'."};
  }
  // ["." precision]
  if (end - pos >= 1 && spec[pos] == U'.') {
    ++pos;
    int64_t precision = 0;
    const int64_t digits = ReadInteger(spec, &pos, &precision, &error);
    if (digits < 0) return error;
    if (digits == 0) return {ErrorKind::kValueError, "Format specifier missing precision"};
    f.precision = precision;
  }
  // [type]: at most one character may remain.
  if (end - pos > 1) {
    std::string msg = "Invalid format specifier '" + Utf8(spec) + "' for object of type '";
    msg.append(type_name.substr(0, 200));
    msg += "'";
    return {ErrorKind::kValueError, msg};
  }
  if (end - pos == 1) f.type = spec[pos++];

  // Validation that needs no knowledge of the value's type (PEP 378, PEP 515).
  if (f.grouping != Grouping::kNone) {
    const char separator = f.grouping == Grouping::kComma ? ',' : '_';
    switch (f.type) {
      case U'd': case U'e': case U'f': case U'g': case U'E': case U'G': case U'%':
      case U'F': case 0:
        break;
      case U'b': case U'o': case U'x': case U'X':
        if (f.grouping == Grouping::kUnderscore) {
          f.grouping = Grouping::kUnderscoreFour;
          break;
        }
        return InvalidSeparatorForType(separator, f.type);
      default:
        return InvalidSeparatorForType(separator, f.type);
    }
  }
  *out = f;
  return {};
}

Error ParseFormatSpec(std::string_view spec_utf8, char32_t default_type, char default_align,
                      std::string_view type_name, FormatSpec* out) {
  std::u32string spec;
  for (size_t i = 0; i < spec_utf8.size();) {
    char32_t cp;
    int n = unicode::DecodeUtf8(spec_utf8, i, &cp);
    if (n <= 0) {
      cp = static_cast<unsigned char>(spec_utf8[i]);
      n = 1;
    }
    spec.push_back(cp);
    i += static_cast<size_t>(n);
  }
  return ParseFormatSpec(spec, default_type, default_align, type_name, out);
}

}  // namespace pyrt::format

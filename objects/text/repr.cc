// repr.cc — repr() of str and bytes, ascii() (see repr.h).
#include "objects/text/repr.h"

#include <cstdio>

#include "unicode/unicode.h"

namespace pyrt::text {
namespace {

template <typename String>
void AppendAscii(String* out, std::string_view s) {
  for (char c : s) out->push_back(static_cast<typename String::value_type>(c));
}

template <typename String>
void AppendEscape(String* out, char32_t c) {
  char buf[16];
  if (c <= 0xFF) {
    std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
  } else if (c <= 0xFFFF) {
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
  } else {
    std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
  }
  AppendAscii(out, buf);
}

// The quote CPython picks: ' unless the text contains ' and no ".
template <typename Unit, typename View>
char ChooseQuote(View s) {
  bool single = false, dbl = false;
  for (Unit c : s) {
    single |= c == static_cast<Unit>('\'');
    dbl |= c == static_cast<Unit>('"');
  }
  return single && !dbl ? '"' : '\'';
}

// Shared by repr() and ascii(): `escape_non_ascii` escapes every character >= 0x80.
template <typename String>
void StrReprInto(std::u32string_view s, bool escape_non_ascii, String* out) {
  const char quote = ChooseQuote<char32_t>(s);
  out->push_back(static_cast<typename String::value_type>(quote));
  for (char32_t c : s) {
    if (c == static_cast<char32_t>(quote) || c == U'\\') {
      out->push_back('\\');
      out->push_back(static_cast<typename String::value_type>(c));
    } else if (c == U'\t') {
      AppendAscii(out, "\\t");
    } else if (c == U'\n') {
      AppendAscii(out, "\\n");
    } else if (c == U'\r') {
      AppendAscii(out, "\\r");
    } else if (c < U' ' || c == 0x7F) {
      AppendEscape(out, c);
    } else if (c < 0x7F) {
      out->push_back(static_cast<typename String::value_type>(c));
    } else if (!escape_non_ascii && unicode::IsPrintable(c)) {
      out->push_back(static_cast<typename String::value_type>(c));
    } else {
      AppendEscape(out, c);
    }
  }
  out->push_back(static_cast<typename String::value_type>(quote));
}

}  // namespace

std::u32string StrRepr(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size() + 2);
  StrReprInto(s, false, &out);
  return out;
}

std::string StrAscii(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  StrReprInto(s, true, &out);
  return out;
}

std::string BytesRepr(std::string_view b) {
  const char quote = ChooseQuote<char>(b);
  std::string out = "b";
  out += quote;
  for (char ch : b) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7F) {
      AppendEscape(&out, c);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

}  // namespace pyrt::text

#include "regex/internal/chars.h"

#include <algorithm>
#include <cstdio>

#if __has_include("unicode/unicode.h")
#include "unicode/unicode.h"
#define PYRT_REGEX_HAVE_UNICODE 1
#else
#define PYRT_REGEX_HAVE_UNICODE 0
#endif

namespace pyrt::regex_internal {

namespace {
struct ExtraCase {
  char32_t lower;
  int n;
  char32_t extra[2];
};
constexpr ExtraCase kExtraCases[] = {
#include "regex/internal/casefix.inc"
};
}  // namespace

int ExtraCases(char32_t lower, char32_t out[2]) {
  auto it = std::lower_bound(std::begin(kExtraCases), std::end(kExtraCases), lower,
                             [](const ExtraCase& e, char32_t c) { return e.lower < c; });
  if (it == std::end(kExtraCases) || it->lower != lower) return 0;
  out[0] = it->extra[0];
  out[1] = it->extra[1];
  return it->n;
}

#if PYRT_REGEX_HAVE_UNICODE
bool UniIsWord(char32_t c) {
  if (c < 128) return AsciiIsWord(c);
  return pyrt::unicode::IsAlnum(c);
}
bool UniIsDigit(char32_t c) {
  if (c < 128) return AsciiIsDigit(c);
  return pyrt::unicode::IsDecimal(c);
}
bool UniIsSpace(char32_t c) {
  if (c < 128) return AsciiIsSpace(c) || (c >= 0x1c && c <= 0x1f);
  return pyrt::unicode::IsSpace(c);
}
char32_t UniLower(char32_t c) {
  if (c < 128) return AsciiLower(c);
  return pyrt::unicode::SimpleLower(c);
}
char32_t UniUpper(char32_t c) {
  if (c < 128) return AsciiUpper(c);
  return pyrt::unicode::SimpleUpper(c);
}
bool IsPrintable(char32_t c) { return pyrt::unicode::IsPrintable(c); }
bool IsDecimalChar(char32_t c) { return pyrt::unicode::IsDecimal(c); }
int DecimalValue(char32_t c) { return pyrt::unicode::DecimalValue(c); }
static bool XidStart(char32_t c) { return pyrt::unicode::IsXidStart(c); }
static bool XidContinue(char32_t c) { return pyrt::unicode::IsXidContinue(c); }
std::optional<char32_t> LookupName(std::u32string_view name) {
  std::string utf8;
  for (char32_t c : name) AppendUtf8(&utf8, c);
  return pyrt::unicode::Lookup(utf8);
}
#else
// Fallback used only until //unicode is available: Latin-1 answers.
static bool Latin1Alpha(char32_t c) {
  return AsciiIsAlpha(c) || c == 0xaa || c == 0xb5 || c == 0xba ||
         (c >= 0xc0 && c <= 0xff && c != 0xd7 && c != 0xf7);
}
bool UniIsWord(char32_t c) {
  return AsciiIsWord(c) || Latin1Alpha(c) || c == 0xb2 || c == 0xb3 || c == 0xb9 ||
         (c >= 0xbc && c <= 0xbe);
}
bool UniIsDigit(char32_t c) { return AsciiIsDigit(c); }
bool UniIsSpace(char32_t c) {
  return AsciiIsSpace(c) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0;
}
char32_t UniLower(char32_t c) {
  if (c < 128) return AsciiLower(c);
  if (c >= 0xc0 && c <= 0xde && c != 0xd7) return c + 32;
  return c;
}
char32_t UniUpper(char32_t c) {
  if (c < 128) return AsciiUpper(c);
  if (c >= 0xe0 && c <= 0xfe && c != 0xf7) return c - 32;
  if (c == 0xff) return 0x178;
  if (c == 0xb5) return 0x39c;
  return c;
}
bool IsPrintable(char32_t c) { return (c >= 0x20 && c < 0x7f) || c > 0xa0; }
bool IsDecimalChar(char32_t c) { return AsciiIsDigit(c); }
int DecimalValue(char32_t c) { return AsciiIsDigit(c) ? int(c - '0') : -1; }
static bool XidStart(char32_t c) { return AsciiIsAlpha(c) || c == '_' || Latin1Alpha(c); }
static bool XidContinue(char32_t c) { return XidStart(c) || AsciiIsDigit(c); }
std::optional<char32_t> LookupName(std::u32string_view) { return std::nullopt; }
#endif

bool IsIdentifier(std::u32string_view s) {
  if (s.empty() || !XidStart(s[0])) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    if (!XidContinue(s[i])) return false;
  }
  return true;
}

void AppendUtf8(std::string* out, char32_t c) {
  if (c < 0x80) {
    out->push_back(char(c));
  } else if (c < 0x800) {
    out->push_back(char(0xc0 | (c >> 6)));
    out->push_back(char(0x80 | (c & 0x3f)));
  } else if (c < 0x10000) {
    out->push_back(char(0xe0 | (c >> 12)));
    out->push_back(char(0x80 | ((c >> 6) & 0x3f)));
    out->push_back(char(0x80 | (c & 0x3f)));
  } else {
    out->push_back(char(0xf0 | (c >> 18)));
    out->push_back(char(0x80 | ((c >> 12) & 0x3f)));
    out->push_back(char(0x80 | ((c >> 6) & 0x3f)));
    out->push_back(char(0x80 | (c & 0x3f)));
  }
}

static std::string Repr(std::u32string_view s, bool ascii_only) {
  bool has_single = std::find(s.begin(), s.end(), U'\'') != s.end();
  bool has_double = std::find(s.begin(), s.end(), U'"') != s.end();
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, quote);
  char buf[16];
  for (char32_t c : s) {
    if (c == char32_t(quote) || c == U'\\') {
      out.push_back('\\');
      out.push_back(char(c));
    } else if (c == U'\t') {
      out += "\\t";
    } else if (c == U'\n') {
      out += "\\n";
    } else if (c == U'\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
      out += buf;
    } else if (c < 0x7f) {
      out.push_back(char(c));
    } else if (!ascii_only && IsPrintable(c)) {
      AppendUtf8(&out, c);
    } else if (c <= 0xff) {
      std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
      out += buf;
    } else if (c <= 0xffff) {
      std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
      out += buf;
    }
  }
  out.push_back(quote);
  return out;
}

std::string PyRepr(std::u32string_view s) { return Repr(s, false); }
std::string PyAscii(std::u32string_view s) { return Repr(s, true); }

}  // namespace pyrt::regex_internal

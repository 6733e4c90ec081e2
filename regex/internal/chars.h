// Character properties as sre sees them, for the three character models a pattern can
// use: Unicode (str patterns without re.ASCII), ASCII (re.ASCII, and bytes patterns) and
// LOCALE (bytes patterns with re.LOCALE; pyrt uses the "C"/UTF-8 locale's answers, which
// are the ASCII ones for bytes).
//
// The Unicode answers come from //unicode (Unicode 14.0, as CPython 3.11).
#ifndef PYRT_REGEX_INTERNAL_CHARS_H_
#define PYRT_REGEX_INTERNAL_CHARS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pyrt::regex_internal {

// --- ASCII (sre_lower_ascii, SRE_IS_DIGIT, ...) ---
inline constexpr bool AsciiIsDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline constexpr bool AsciiIsSpace(char32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
inline constexpr bool AsciiIsAlpha(char32_t c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
inline constexpr bool AsciiIsWord(char32_t c) {
  return AsciiIsAlpha(c) || AsciiIsDigit(c) || c == '_';
}
inline constexpr char32_t AsciiLower(char32_t c) {
  return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}
inline constexpr char32_t AsciiUpper(char32_t c) {
  return (c >= 'a' && c <= 'z') ? c - 32 : c;
}
inline constexpr bool AsciiIsCased(char32_t c) { return c < 128 && AsciiIsAlpha(c); }

// --- Unicode (Py_UNICODE_ISALNUM || '_', Py_UNICODE_ISDECIMAL, Py_UNICODE_ISSPACE,
// _PyUnicode_ToLowercase/_ToUppercase) ---
bool UniIsWord(char32_t c);
bool UniIsDigit(char32_t c);
bool UniIsSpace(char32_t c);
char32_t UniLower(char32_t c);
char32_t UniUpper(char32_t c);
inline bool UniIsCased(char32_t c) { return UniLower(c) != c || UniUpper(c) != c; }

// sre's extra case equivalences (re._casefix._EXTRA_CASES): lowercase characters that
// share an uppercase with `lower`. Writes up to 2 code points, returns how many.
int ExtraCases(char32_t lower, char32_t out[2]);

// str.isidentifier() over a UTF-32 string.
bool IsIdentifier(std::u32string_view s);
// str.isprintable() for one code point (used to build Python reprs).
bool IsPrintable(char32_t c);
// unicodedata.lookup(name), or nullopt.
std::optional<char32_t> LookupName(std::u32string_view name);
// str.isdecimal() for one code point.
bool IsDecimalChar(char32_t c);
// The decimal value of a Unicode decimal digit (int() accepts them), or -1.
int DecimalValue(char32_t c);

// Appends the UTF-8 encoding of c.
void AppendUtf8(std::string* out, char32_t c);
// Python's repr() of a str, as UTF-8.
std::string PyRepr(std::u32string_view s);
// Python's ascii() of a str.
std::string PyAscii(std::u32string_view s);

}  // namespace pyrt::regex_internal

#endif  // PYRT_REGEX_INTERNAL_CHARS_H_

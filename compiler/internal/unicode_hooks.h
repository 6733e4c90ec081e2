// The Unicode facts the front end needs, behind one seam so that the front end
// stays usable while the //unicode leaf library is unavailable.
#ifndef PYRT_COMPILER_INTERNAL_UNICODE_HOOKS_H_
#define PYRT_COMPILER_INTERNAL_UNICODE_HOOKS_H_

#include <optional>
#include <string>
#include <string_view>

namespace pyrt::compiler_internal {

bool IsXidStart(char32_t cp);
bool IsXidContinue(char32_t cp);
// NFKC normalization of an identifier given in UTF-8.
std::string NormalizeNfkc(std::string_view utf8);
// unicodedata.lookup as \N{...} uses it (aliases accepted).
std::optional<char32_t> LookupName(std::string_view name);
bool IsPrintable(char32_t cp);
// Whether the Unicode tables are real (false: ASCII-only fallback).
bool HaveUnicodeTables();

}  // namespace pyrt::compiler_internal

#endif  // PYRT_COMPILER_INTERNAL_UNICODE_HOOKS_H_

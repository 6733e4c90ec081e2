// HOOK(unicode): fallback until //unicode is merged: ASCII-exact, permissive
// above ASCII.  Replace the bodies with calls into pyrt::unicode.
#include "compiler/internal/unicode_hooks.h"

#include "compiler/ast.h"

namespace pyrt::compiler_internal {

bool IsXidStart(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  return true;
}
bool IsXidContinue(char32_t cp) {
  if (cp < 0x80) return IsXidStart(cp) || (cp >= '0' && cp <= '9');
  return true;
}
std::string NormalizeNfkc(std::string_view utf8) { return std::string(utf8); }
std::optional<char32_t> LookupName(std::string_view) { return std::nullopt; }
bool IsPrintable(char32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  if (cp < 0xa1 || cp == 0xad) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return true;
}
bool HaveUnicodeTables() { return false; }

}  // namespace pyrt::compiler_internal

namespace pyrt::compiler {
bool IsPrintableCodePoint(char32_t cp) { return compiler_internal::IsPrintable(cp); }
}  // namespace pyrt::compiler

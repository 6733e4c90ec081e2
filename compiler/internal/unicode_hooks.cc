// The front end's Unicode facts, from the //unicode leaf library.
#include "compiler/internal/unicode_hooks.h"

#include "compiler/ast.h"
#include "compiler/internal/utf8.h"
#include "unicode/unicode.h"

namespace pyrt::compiler_internal {

bool IsXidStart(char32_t cp) { return pyrt::unicode::IsXidStart(cp); }
bool IsXidContinue(char32_t cp) { return pyrt::unicode::IsXidContinue(cp); }

std::string NormalizeNfkc(std::string_view utf8) {
  std::u32string u;
  for (size_t i = 0; i < utf8.size();) u.push_back(DecodeUtf8Lax(utf8, &i));
  std::u32string n = pyrt::unicode::Normalize(pyrt::unicode::NormalForm::NFKC, u);
  std::string out;
  for (char32_t c : n) AppendUtf8(c, &out);
  return out;
}

std::optional<char32_t> LookupName(std::string_view name) { return pyrt::unicode::Lookup(name); }
bool IsPrintable(char32_t cp) { return pyrt::unicode::IsPrintable(cp); }
bool HaveUnicodeTables() { return true; }

}  // namespace pyrt::compiler_internal

namespace pyrt::compiler {
bool IsPrintableCodePoint(char32_t cp) { return compiler_internal::IsPrintable(cp); }
}  // namespace pyrt::compiler

// The pattern parser: Python 3.11's re._parser in C++, with the same errors, positions
// and warnings.
#ifndef PYRT_REGEX_INTERNAL_PARSER_H_
#define PYRT_REGEX_INTERNAL_PARSER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "regex/internal/ast.h"

namespace pyrt::regex_internal {

// Parentheses may nest this deep. CPython's recursive parser raises RecursionError
// above 495 levels; every recursive walk over the tree (parser, width, compiler) is
// bounded by this, so no pattern can exhaust the C++ stack (about 2 MB at this depth
// in an ASan build, far less in optimized builds).
inline constexpr int kMaxNesting = 500;

// Which Python exception a failed compile raises.
enum class ErrorType : uint8_t { kReError, kValueError, kOverflowError, kRecursionError };

struct ParseFailure {
  ErrorType type = ErrorType::kReError;
  std::string message;
  int64_t pos = -1;  // code point offset into the pattern, -1 when Python gives None
};

struct ParseWarning {
  bool deprecation;  // DeprecationWarning if true, FutureWarning otherwise
  std::string message;
};

// Parses `pattern` (code points; for bytes patterns each element is one byte) with
// initial `flags`. Returns false and fills *failure on error.
[[nodiscard]] bool Parse(std::u32string_view pattern, bool is_bytes, uint32_t flags,
                         ParsedPattern* out, ParseFailure* failure,
                         std::vector<ParseWarning>* warnings);

// A parsed replacement template (re._parser.parse_template): literal text and group
// references in order.
struct TemplatePiece {
  bool is_group = false;
  uint32_t group = 0;
  std::u32string text;
};

// Parses `repl` for a pattern with `groups` capturing groups and the given names.
// Failures are re.error (with position) or IndexError ("unknown group name 'x'").
enum class TemplateErrorType : uint8_t { kReError, kIndexError };
[[nodiscard]] bool ParseTemplate(std::u32string_view repl, bool is_bytes, uint32_t groups,
                                 const std::vector<std::pair<std::string, uint32_t>>& names,
                                 std::vector<TemplatePiece>* out, ParseFailure* failure,
                                 bool* index_error, std::vector<ParseWarning>* warnings);

// The (min, max) width of a subpattern, as SubPattern.getwidth().
std::pair<uint64_t, uint64_t> GetWidth(const Seq& seq, const ParsedPattern& state);

}  // namespace pyrt::regex_internal

#endif  // PYRT_REGEX_INTERNAL_PARSER_H_

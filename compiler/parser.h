// The Python 3.11 parser: source bytes -> AST (see ast.h), or a SyntaxError.
//
// A hand-written recursive-descent parser that follows CPython's PEG grammar
// (Grammar/python.gram) rule by rule where the rule shape decides locations, so
// that every node gets the location CPython's generated parser gives it.  String
// literals are concatenated and f-strings re-parsed as 3.11's
// Parser/string_parser.c does (including its location quirks).  Recursion is
// bounded by kMaxParserDepth (CPython's MAXSTACK); input over that depth fails
// with a MemoryError-type error instead of overflowing the C stack.
//
// Example:
//   pyrt::compiler::ParseResult r = pyrt::compiler::ParseFile(bytes);
//   if (r.module) std::puts(pyrt::compiler::Dump(r.module).c_str());
//   else std::printf("%s: %s\n", r.error.type.c_str(), r.error.msg.c_str());
#ifndef PYRT_COMPILER_PARSER_H_
#define PYRT_COMPILER_PARSER_H_

#include <memory>
#include <string>
#include <string_view>

#include "compiler/ast.h"
#include "compiler/tokenizer.h"

namespace pyrt::compiler {

// CPython's MAXSTACK: the deepest rule nesting the parser allows.
inline constexpr int kMaxParserDepth = 6000;

struct ParseResult {
  std::unique_ptr<Arena> arena;  // owns every node
  Node* module = nullptr;        // Module node, or null on error
  SyntaxErrorInfo error;         // set when module is null
  std::string text;              // decoded source
};

// Parses a whole file ("exec" mode) from raw bytes, as ast.parse(bytes) does.
// Thread-compatible: separate calls share nothing.
[[nodiscard]] ParseResult ParseFile(std::string_view bytes);

// CPython's three start rules for source given as a string (compile()'s modes).
enum class StartRule {
  kFile,         // file: [statements] ENDMARKER -> Module          ("exec")
  kInteractive,  // interactive: statement_newline -> Interactive    ("single")
  kEval,         // eval: expressions NEWLINE* ENDMARKER -> Expression ("eval")
};

// Parses `bytes` with `rule`. As CPython for string input, "single" and "eval" do
// not imply a final newline: in "single" mode the end of input counts as one
// NEWLINE (two when a block is open), so `if 1:\n  x` compiles but
// `@d\ndef f(): pass` does not; and text after the single statement (other than
// blanks and comments) is "multiple statements found while compiling a single
// statement".
[[nodiscard]] ParseResult ParseString(std::string_view bytes, StartRule rule);

// The REPL's parser: `text` holds the lines typed so far for one statement (each
// ending in '\n', already decoded). Tokenizes it as CPython's tokenizer does with a
// prompt (an empty line ends a compound statement) and parses the interactive rule.
// When the parser needs a token past the end of `text` and `at_eof` is false, the
// input is incomplete: *incomplete is set and no error is reported (the REPL reads
// another line with sys.ps2). At end of input (`at_eof`) the statement is closed as
// CPython does (DEDENTs, then NEWLINE).
[[nodiscard]] ParseResult ParseInteractiveInput(std::string_view text, bool at_eof,
                                                bool* incomplete);

// The one-line error format of ast_dump:
//   "<Type>: <msg> (line <lineno>, offset <offset>, end_line <end_lineno>, end_offset <end_offset>)"
[[nodiscard]] std::string FormatError(const SyntaxErrorInfo& e);

}  // namespace pyrt::compiler

#endif  // PYRT_COMPILER_PARSER_H_

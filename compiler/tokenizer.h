// The tokenizer of Python 3.11.
//
// `Tokenize` turns decoded source (UTF-8, newlines already translated to '\n',
// ending with '\n') into a vector of tokens, as CPython's Parser/tokenizer.c does:
// NEWLINE/INDENT/DEDENT from the indentation stack (tabs to multiples of 8, and
// the tab-size-1 "alt" column for TabError), implicit joining inside brackets,
// explicit joining with a backslash, strings of every prefix (f-strings are one
// STRING token; the parser re-parses their contents), numbers with underscores,
// and non-ASCII identifiers.  Locations are 1-based lines and 0-based byte
// columns.  On the first error the token stream ends and `error` is set.
#ifndef PYRT_COMPILER_TOKENIZER_H_
#define PYRT_COMPILER_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pyrt::compiler {

enum class Tok : uint8_t {
  kEndMarker, kName, kNumber, kString, kNewline, kIndent, kDedent,
  // operators
  kLpar, kRpar, kLsqb, kRsqb, kColon, kComma, kSemi, kPlus, kMinus, kStar, kSlash,
  kVbar, kAmper, kLess, kGreater, kEqual, kDot, kPercent, kLbrace, kRbrace,
  kEqEqual, kNotEqual, kLessEqual, kGreaterEqual, kTilde, kCircumflex, kLeftShift,
  kRightShift, kDoubleStar, kPlusEqual, kMinEqual, kStarEqual, kSlashEqual,
  kPercentEqual, kAmperEqual, kVbarEqual, kCircumflexEqual, kLeftShiftEqual,
  kRightShiftEqual, kDoubleStarEqual, kDoubleSlash, kDoubleSlashEqual, kAt, kAtEqual,
  kRarrow, kEllipsis, kColonEqual, kExclamation,
};

// Hard keywords of 3.11 (soft keywords `match`, `case`, `_` are plain names).
enum class Kw : uint8_t {
  kNone_ = 0, kFalse, kNone, kTrue, kAnd, kAs, kAssert, kAsync, kAwait, kBreak,
  kClass, kContinue, kDef, kDel, kElif, kElse, kExcept, kFinally, kFor, kFrom,
  kGlobal, kIf, kImport, kIn, kIs, kLambda, kNonlocal, kNot, kOr, kPass, kRaise,
  kReturn, kTry, kWhile, kWith, kYield,
};

struct Token {
  Tok type;
  Kw kw = Kw::kNone_;
  int32_t level = 0;  // bracket nesting level after this token
  uint32_t start = 0, end = 0;  // byte range in the tokenized text
  int32_t lineno = 0, col = 0, end_lineno = 0, end_col = 0;
};

// A SyntaxError (or subclass) as CPython reports it.  Offsets are 1-based and
// count characters (code points), as SyntaxError.offset does.
// end_lineno/end_offset value meaning None (errors raised before tokenizing).
inline constexpr int kNoPosition = -1000000;

struct SyntaxErrorInfo {
  std::string type;  // "SyntaxError", "IndentationError", "TabError"
  std::string msg;
  int lineno = 0, offset = 0, end_lineno = 0, end_offset = 0;
};

struct TokenizeOptions {
  // Shift applied to positions (used for f-string expressions): tokens on line
  // 1 of the text get `first_line_col_shift` added to their columns; every line
  // number gets `line_shift` added.
  int line_shift = 0;
  int first_line_col_shift = 0;
  // Interactive (prompt) input, as CPython's tokenizer with a prompt: a totally
  // empty line (column 0, outside brackets) is not skipped but produces NEWLINE
  // after the DEDENTs back to column 0 (it ends a compound statement), and a
  // blank or comment-only first line produces NEWLINE too (an empty statement).
  bool interactive = false;
};

// Tokenizes `text` (must end in '\n').  Returns false on a tokenizer error,
// which is stored in *error; the tokens up to the error are in *out.
[[nodiscard]] bool Tokenize(std::string_view text, const TokenizeOptions& opt,
                            std::vector<Token>* out, SyntaxErrorInfo* error);

// Turns raw file bytes into tokenizer input: honours a UTF-8 BOM and a PEP 263
// coding cookie (utf-8, latin-1/iso-8859-1, ascii), validates UTF-8, translates
// "\r\n" and "\r" to "\n" and appends a final '\n'.  False on error.
// *declared (if given) tells whether a cookie or BOM declared the encoding:
// CPython 3.11.2 reports parser-error offsets in characters only then, and in
// bytes otherwise.
[[nodiscard]] bool DecodeSource(std::string_view bytes, std::string* text, SyntaxErrorInfo* error,
                                bool* declared = nullptr);

// Text of the 1-based line `lineno` in `text` (without '\n').
std::string_view LineAt(std::string_view text, int lineno);

}  // namespace pyrt::compiler

#endif  // PYRT_COMPILER_TOKENIZER_H_

#include "compiler/tokenizer.h"

#include <cstdio>
#include <cstring>

#include "compiler/internal/unicode_hooks.h"
#include "compiler/internal/utf8.h"

namespace pyrt::compiler {
namespace {

using compiler_internal::CountChars;
using compiler_internal::DecodeUtf8Lax;

// CPython's limits (Parser/tokenizer.h): bracket nesting and indentation depth.
constexpr int kMaxLevel = 200;
constexpr int kMaxIndent = 100;
constexpr int kTabSize = 8;

struct KeywordEntry {
  const char* text;
  Kw kw;
};
constexpr KeywordEntry kKeywords[] = {
    {"False", Kw::kFalse}, {"None", Kw::kNone}, {"True", Kw::kTrue}, {"and", Kw::kAnd},
    {"as", Kw::kAs}, {"assert", Kw::kAssert}, {"async", Kw::kAsync}, {"await", Kw::kAwait},
    {"break", Kw::kBreak}, {"class", Kw::kClass}, {"continue", Kw::kContinue},
    {"def", Kw::kDef}, {"del", Kw::kDel}, {"elif", Kw::kElif}, {"else", Kw::kElse},
    {"except", Kw::kExcept}, {"finally", Kw::kFinally}, {"for", Kw::kFor},
    {"from", Kw::kFrom}, {"global", Kw::kGlobal}, {"if", Kw::kIf}, {"import", Kw::kImport},
    {"in", Kw::kIn}, {"is", Kw::kIs}, {"lambda", Kw::kLambda}, {"nonlocal", Kw::kNonlocal},
    {"not", Kw::kNot}, {"or", Kw::kOr}, {"pass", Kw::kPass}, {"raise", Kw::kRaise},
    {"return", Kw::kReturn}, {"try", Kw::kTry}, {"while", Kw::kWhile}, {"with", Kw::kWith},
    {"yield", Kw::kYield},
};

Kw LookupKeyword(std::string_view s) {
  if (s.size() < 2 || s.size() > 8) return Kw::kNone_;
  for (const auto& k : kKeywords) {
    if (s == k.text) return k.kw;
  }
  return Kw::kNone_;
}

bool IsIdentStartAscii(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool IsIdentCharAscii(unsigned char c) { return IsIdentStartAscii(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsXDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const TokenizeOptions& opt, std::vector<Token>* out,
            SyntaxErrorInfo* err)
      : s_(text), opt_(opt), out_(out), err_(err) {}

  bool Run();

 private:
  // Error at [line_start_, cur) as CPython's syntaxerror(): offset = number of
  // characters from the line start to `cur`.
  bool Error(const char* type, std::string msg, size_t cur) {
    err_->type = type;
    err_->msg = std::move(msg);
    err_->lineno = lineno_ + opt_.line_shift;
    err_->offset = CountChars(s_.substr(line_start_, cur - line_start_));
    if (lineno_ == 1) err_->offset += opt_.first_line_col_shift;
    err_->end_lineno = err_->lineno;
    err_->end_offset = err_->offset;
    return false;
  }
  // Errors CPython reports through E_TABSPACE / E_TOODEEP / E_DEDENT.
  bool IndentError(const char* type, const char* msg, bool dedent) {
    Error(type, msg, line_start_);
    if (dedent) {
      size_t e = s_.find('\n', line_start_);
      err_->offset = err_->end_offset =
          CountChars(s_.substr(line_start_, e - line_start_)) + 1;
    } else {
      err_->offset = 1;
      err_->end_offset = 0;
    }
    return false;
  }
  bool ErrorRange(const char* type, std::string msg, size_t col_start, size_t col_end) {
    err_->type = type;
    err_->msg = std::move(msg);
    err_->lineno = err_->end_lineno = lineno_ + opt_.line_shift;
    err_->offset = CountChars(s_.substr(line_start_, col_start - line_start_)) + 1;
    err_->end_offset = CountChars(s_.substr(line_start_, col_end - line_start_)) + 1;
    return false;
  }
  void Emit(Tok t, size_t start, size_t end, int start_line, size_t start_line_pos) {
    Token tk;
    tk.type = t;
    tk.start = static_cast<uint32_t>(start);
    tk.end = static_cast<uint32_t>(end);
    tk.lineno = start_line + opt_.line_shift;
    tk.col = static_cast<int32_t>(start - start_line_pos);
    if (start_line == 1) tk.col += opt_.first_line_col_shift;
    tk.end_lineno = lineno_ + opt_.line_shift;
    tk.end_col = static_cast<int32_t>(end - line_start_);
    if (lineno_ == 1) tk.end_col += opt_.first_line_col_shift;
    tk.level = level_;
    if (t == Tok::kName) tk.kw = LookupKeyword(s_.substr(start, end - start));
    out_->push_back(tk);
  }
  bool Indentation();
  bool Number(size_t start);
  bool String(size_t start, size_t quote_pos);
  bool Identifier(size_t start);
  bool VerifyEndOfNumber(size_t pos, const char* kind);
  bool DecimalTail(size_t* pos);
  void NewLine(size_t pos_after_nl) {
    ++lineno_;
    line_start_ = pos_after_nl;
  }
  char At(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }

  std::string_view s_;
  TokenizeOptions opt_;
  std::vector<Token>* out_;
  SyntaxErrorInfo* err_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  int lineno_ = 1;
  int level_ = 0;
  char paren_stack_[kMaxLevel];
  int paren_line_[kMaxLevel];
  int paren_col_[kMaxLevel];
  int indstack_[kMaxIndent + 1] = {0};
  int altindstack_[kMaxIndent + 1] = {0};
  int indent_ = 0;
  bool at_bol_ = true;
  bool cont_line_ = false;
  bool force_newline_ = false;  // interactive: this blank line yields NEWLINE
};

// Handles the start of a logical line: measures indentation and emits
// INDENT/DEDENT.  Blank and comment-only lines produce nothing.
bool Tokenizer::Indentation() {
  int col = 0, altcol = 0;
  size_t p = pos_;
  for (;;) {
    char c = At(p);
    if (c == ' ') {
      ++col;
      ++altcol;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      ++altcol;
    } else if (c == '\f') {
      col = altcol = 0;
    } else {
      break;
    }
    ++p;
  }
  char c = At(p);
  if (c == '#' || c == '\n' || p >= s_.size()) {  // blank line
    if (!opt_.interactive || level_ != 0 || p >= s_.size()) return true;
    if (col == 0 && c == '\n') {
      // A totally empty line ends the statement: dedent to column 0, then NEWLINE.
      force_newline_ = true;
    } else if (lineno_ == 1) {
      force_newline_ = true;
      col = altcol = 0;
    } else {
      return true;
    }
  }
  if (c == '\\' && At(p + 1) == '\n') {
    // A line consisting of a continuation: CPython treats it as blank-ish only
    // when followed by nothing; keep normal handling.
  }
  if (level_ != 0) return true;
  if (col == indstack_[indent_]) {
    if (altcol != altindstack_[indent_]) {
      pos_ = p;
      return IndentError("TabError", "inconsistent use of tabs and spaces in indentation", false);
    }
  } else if (col > indstack_[indent_]) {
    if (indent_ + 1 >= kMaxIndent) {
      pos_ = p;
      return IndentError("IndentationError", "too many levels of indentation", false);
    }
    if (altcol <= altindstack_[indent_]) {
      return IndentError("TabError", "inconsistent use of tabs and spaces in indentation", false);
    }
    ++indent_;
    indstack_[indent_] = col;
    altindstack_[indent_] = altcol;
    Emit(Tok::kIndent, p, p, lineno_, line_start_);
    out_->back().col = -1;  // as CPython; end_col keeps the indentation width
  } else {
    int dedents = 0;
    while (indent_ > 0 && col < indstack_[indent_]) {
      --indent_;
      ++dedents;
    }
    if (col != indstack_[indent_]) {
      return IndentError("IndentationError", "unindent does not match any outer indentation level", true);
    }
    if (altcol != altindstack_[indent_]) {
      return IndentError("TabError", "inconsistent use of tabs and spaces in indentation", false);
    }
    for (int i = 0; i < dedents; ++i) {
      Emit(Tok::kDedent, p, p, lineno_, line_start_);
      out_->back().col = -1;
    }
  }
  return true;
}

bool Tokenizer::VerifyEndOfNumber(size_t pos, const char* kind) {
  char c = At(pos);
  auto la = [&](const char* rest) {
    return s_.substr(pos + 1, std::strlen(rest)) == rest;
  };
  bool r = false;
  if (c == 'a') {
    r = la("nd");
  } else if (c == 'e') {
    r = la("lse");
  } else if (c == 'f') {
    r = la("or");
  } else if (c == 'i') {
    char c2 = At(pos + 1);
    r = c2 == 'f' || c2 == 'n' || c2 == 's';
  } else if (c == 'o') {
    r = la("r");
  } else if (c == 'n') {
    r = la("ot");
  }
  if (r) return true;  // DeprecationWarning only
  if (IsIdentCharAscii(static_cast<unsigned char>(c))) {
    return Error("SyntaxError", std::string("invalid ") + kind + " literal", pos);
  }
  return true;
}

// Digits with single underscores between them; *pos is at a digit.
bool Tokenizer::DecimalTail(size_t* pos) {
  for (;;) {
    while (IsDigit(At(*pos))) ++*pos;
    if (At(*pos) != '_') break;
    ++*pos;
    if (!IsDigit(At(*pos))) {
      return Error("SyntaxError", "invalid decimal literal", *pos + 1 > s_.size() ? *pos : *pos);
    }
  }
  return true;
}

bool Tokenizer::Number(size_t start) {
  size_t p = start;
  auto finish = [&](size_t end) {
    Emit(Tok::kNumber, start, end, lineno_, line_start_);
    pos_ = end;
    return true;
  };
  auto exponent_and_imag = [&](size_t q, bool is_float) -> bool {
    // q is after the integer/fraction part.
    if (At(q) == 'e' || At(q) == 'E') {
      size_t e = q;
      ++q;
      if (At(q) == '+' || At(q) == '-') {
        ++q;
        if (!IsDigit(At(q))) return Error("SyntaxError", "invalid decimal literal", q);
      } else if (!IsDigit(At(q))) {
        // Not an exponent: "1e" followed by a name.
        q = e;
        if (!VerifyEndOfNumber(q, is_float ? "decimal" : "decimal")) return false;
        return finish(q);
      }
      if (!DecimalTail(&q)) return false;
      is_float = true;
    }
    if (At(q) == 'j' || At(q) == 'J') {
      ++q;
      if (!VerifyEndOfNumber(q, "imaginary")) return false;
      return finish(q);
    }
    if (!VerifyEndOfNumber(q, "decimal")) return false;
    return finish(q);
  };
  if (At(p) == '.') {
    ++p;
    if (!DecimalTail(&p)) return false;
    return exponent_and_imag(p, true);
  }
  if (At(p) == '0') {
    char x = At(p + 1);
    if (x == 'x' || x == 'X' || x == 'o' || x == 'O' || x == 'b' || x == 'B') {
      char k = static_cast<char>(x | 0x20);
      const char* kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
      p += 2;
      auto ok_digit = [&](char c) {
        return k == 'x' ? IsXDigit(c) : k == 'o' ? (c >= '0' && c <= '7') : (c == '0' || c == '1');
      };
      do {
        if (At(p) == '_') ++p;
        if (!ok_digit(At(p))) {
          if (k != 'x' && IsDigit(At(p))) {
            return Error("SyntaxError",
                         std::string("invalid digit '") + At(p) + "' in " + kind + " literal",
                         p + 1);
          }
          return Error("SyntaxError", std::string("invalid ") + kind + " literal", p);
        }
        while (ok_digit(At(p))) ++p;
      } while (At(p) == '_');
      if (k != 'x' && IsDigit(At(p))) {
        return Error("SyntaxError",
                     std::string("invalid digit '") + At(p) + "' in " + kind + " literal", p + 1);
      }
      if (!VerifyEndOfNumber(p, kind)) return false;
      return finish(p);
    }
    // Decimal starting with 0: only zeros unless it becomes a float/imaginary.
    bool nonzero = false;
    for (;;) {
      while (At(p) == '0') ++p;
      if (At(p) == '_') {
        ++p;
        if (!IsDigit(At(p))) return Error("SyntaxError", "invalid decimal literal", p);
        continue;
      }
      break;
    }
    size_t zeros_end = p;
    if (IsDigit(At(p))) {
      nonzero = true;
      if (!DecimalTail(&p)) return false;
    }
    char c = At(p);
    if (c == '.') {
      ++p;
      if (IsDigit(At(p)) && !DecimalTail(&p)) return false;
      return exponent_and_imag(p, true);
    }
    if (c == 'e' || c == 'E' || c == 'j' || c == 'J') return exponent_and_imag(p, false);
    if (nonzero) {
      return ErrorRange("SyntaxError",
                        "leading zeros in decimal integer literals are not permitted; use an 0o "
                        "prefix for octal integers",
                        start, zeros_end);
    }
    if (!VerifyEndOfNumber(p, "decimal")) return false;
    return finish(p);
  }
  if (!DecimalTail(&p)) return false;
  if (At(p) == '.') {
    ++p;
    if (IsDigit(At(p)) && !DecimalTail(&p)) return false;
    return exponent_and_imag(p, true);
  }
  return exponent_and_imag(p, false);
}

bool Tokenizer::String(size_t start, size_t q) {
  char quote = s_[q];
  int first_line = lineno_;
  size_t first_line_start = line_start_;
  size_t p = q + 1;
  int quote_size = 1;
  if (At(p) == quote && At(p + 1) == quote) {
    quote_size = 3;
    p += 2;
  }
  int end_quotes = 0;
  while (end_quotes != quote_size) {
    if (p >= s_.size() || (quote_size == 1 && s_[p] == '\n')) {
      int detected = lineno_;
      if (p >= s_.size()) {
        // CPython's line counter does not advance past the final newline.
        detected = lineno_ - 1;
      }
      lineno_ = first_line;
      line_start_ = first_line_start;
      char buf[96];
      std::snprintf(buf, sizeof(buf), "%s (detected at line %d)",
                    quote_size == 3 ? "unterminated triple-quoted string literal"
                                    : "unterminated string literal",
                    detected + opt_.line_shift);
      return Error("SyntaxError", buf, start + 1);
    }
    char c = s_[p++];
    if (c == quote) {
      ++end_quotes;
    } else {
      end_quotes = 0;
      if (c == '\n') {
        NewLine(p);
      } else if (c == '\\') {
        if (p < s_.size()) {
          if (s_[p] == '\n') NewLine(p + 1);
          ++p;
        }
      }
    }
  }
  Emit(Tok::kString, start, p, first_line, first_line_start);
  pos_ = p;
  return true;
}

bool Tokenizer::Identifier(size_t start) {
  size_t p = start;
  bool ascii = true;
  while (p < s_.size() && IsIdentCharAscii(static_cast<unsigned char>(s_[p]))) {
    if (static_cast<unsigned char>(s_[p]) >= 128) ascii = false;
    ++p;
  }
  if (!ascii) {
    // Verify as CPython's verify_identifier: XID_Start then XID_Continue.
    size_t i = start;
    bool first = true;
    while (i < p) {
      size_t cs = i;
      char32_t cp = DecodeUtf8Lax(s_, &i);
      bool ok = first ? (cp == '_' || compiler_internal::IsXidStart(cp))
                      : compiler_internal::IsXidContinue(cp);
      if (!ok) {
        if (cp < 128) {
          // An ASCII char cannot be here (loop above stops at them).
          break;
        }
        char buf[64];
        std::string ch(s_.substr(cs, i - cs));
        std::snprintf(buf, sizeof(buf), " (U+%04X)", static_cast<unsigned>(cp));
        if (!compiler_internal::IsPrintable(cp)) {
          char b2[64];
          std::snprintf(b2, sizeof(b2), "invalid non-printable character U+%04X",
                        static_cast<unsigned>(cp));
          return Error("SyntaxError", b2, i);
        }
        return Error("SyntaxError", "invalid character '" + ch + "'" + buf, i);
      }
      first = false;
    }
  }
  Emit(Tok::kName, start, p, lineno_, line_start_);
  pos_ = p;
  return true;
}

bool Tokenizer::Run() {
  for (;;) {
    if (at_bol_) {
      at_bol_ = false;
      if (!Indentation()) return false;
    }
    // Skip spaces.
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\f')) ++pos_;
    if (pos_ >= s_.size()) break;
    size_t start = pos_;
    char c = s_[pos_];
    if (c == '#') {
      while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      continue;
    }
    if (c == '\n') {
      // Blank lines (nothing emitted on this line) and newlines inside brackets
      // produce no token.
      bool blank = out_->empty() || out_->back().type == Tok::kNewline ||
                   out_->back().type == Tok::kIndent || out_->back().type == Tok::kDedent;
      if (force_newline_ && level_ == 0) blank = false;
      force_newline_ = false;
      if (level_ == 0 && !blank && !cont_line_) {
        Emit(Tok::kNewline, pos_, pos_ + 1, lineno_, line_start_);
      } else if (level_ == 0 && !blank && cont_line_) {
        Emit(Tok::kNewline, pos_, pos_ + 1, lineno_, line_start_);
      }
      ++pos_;
      NewLine(pos_);
      cont_line_ = false;
      at_bol_ = true;
      continue;
    }
    if (c == '\\') {
      if (At(pos_ + 1) != '\n') {
        return Error("SyntaxError", "unexpected character after line continuation character",
                     pos_ + 2);
      }
      pos_ += 2;
      if (pos_ >= s_.size()) {
        return Error("SyntaxError", "unexpected EOF while parsing", pos_ - 1 + 1);
      }
      NewLine(pos_);
      cont_line_ = true;
      continue;
    }
    unsigned char uc = static_cast<unsigned char>(c);
    if (IsIdentStartAscii(uc)) {
      // String prefix?
      bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
      size_t p = pos_;
      for (;;) {
        char d = At(p);
        char l = static_cast<char>(d | 0x20);
        if (!(saw_b || saw_u || saw_f) && l == 'b') {
          saw_b = true;
        } else if (!(saw_b || saw_u || saw_r || saw_f) && l == 'u') {
          saw_u = true;
        } else if (!(saw_r || saw_u) && l == 'r') {
          saw_r = true;
        } else if (!(saw_f || saw_b || saw_u) && l == 'f') {
          saw_f = true;
        } else {
          break;
        }
        ++p;
        if (At(p) == '"' || At(p) == '\'') {
          if (!String(start, p)) return false;
          goto next;
        }
      }
      if (!Identifier(start)) return false;
      continue;
    }
    if (IsDigit(c) || (c == '.' && IsDigit(At(pos_ + 1)))) {
      if (!Number(start)) return false;
      continue;
    }
    if (c == '"' || c == '\'') {
      if (!String(start, pos_)) return false;
      continue;
    }
    {
      // Operators: longest match.
      Tok t;
      size_t len = 1;
      char c1 = At(pos_ + 1), c2 = At(pos_ + 2);
      switch (c) {
        case '(': t = Tok::kLpar; break;
        case ')': t = Tok::kRpar; break;
        case '[': t = Tok::kLsqb; break;
        case ']': t = Tok::kRsqb; break;
        case '{': t = Tok::kLbrace; break;
        case '}': t = Tok::kRbrace; break;
        case ':': t = c1 == '=' ? (len = 2, Tok::kColonEqual) : Tok::kColon; break;
        case ',': t = Tok::kComma; break;
        case ';': t = Tok::kSemi; break;
        case '+': t = c1 == '=' ? (len = 2, Tok::kPlusEqual) : Tok::kPlus; break;
        case '-':
          t = c1 == '=' ? (len = 2, Tok::kMinEqual) : c1 == '>' ? (len = 2, Tok::kRarrow) : Tok::kMinus;
          break;
        case '*':
          if (c1 == '*') {
            t = c2 == '=' ? (len = 3, Tok::kDoubleStarEqual) : (len = 2, Tok::kDoubleStar);
          } else {
            t = c1 == '=' ? (len = 2, Tok::kStarEqual) : Tok::kStar;
          }
          break;
        case '/':
          if (c1 == '/') {
            t = c2 == '=' ? (len = 3, Tok::kDoubleSlashEqual) : (len = 2, Tok::kDoubleSlash);
          } else {
            t = c1 == '=' ? (len = 2, Tok::kSlashEqual) : Tok::kSlash;
          }
          break;
        case '|': t = c1 == '=' ? (len = 2, Tok::kVbarEqual) : Tok::kVbar; break;
        case '&': t = c1 == '=' ? (len = 2, Tok::kAmperEqual) : Tok::kAmper; break;
        case '<':
          if (c1 == '<') {
            t = c2 == '=' ? (len = 3, Tok::kLeftShiftEqual) : (len = 2, Tok::kLeftShift);
          } else if (c1 == '=') {
            len = 2;
            t = Tok::kLessEqual;
          } else if (c1 == '>') {
            len = 2;
            t = Tok::kNotEqual;  // '<>' (only valid with barry_as_FLUFL)
          } else {
            t = Tok::kLess;
          }
          break;
        case '>':
          if (c1 == '>') {
            t = c2 == '=' ? (len = 3, Tok::kRightShiftEqual) : (len = 2, Tok::kRightShift);
          } else {
            t = c1 == '=' ? (len = 2, Tok::kGreaterEqual) : Tok::kGreater;
          }
          break;
        case '=': t = c1 == '=' ? (len = 2, Tok::kEqEqual) : Tok::kEqual; break;
        case '!': t = c1 == '=' ? (len = 2, Tok::kNotEqual) : Tok::kExclamation; break;
        case '.':
          t = (c1 == '.' && c2 == '.') ? (len = 3, Tok::kEllipsis) : Tok::kDot;
          break;
        case '%': t = c1 == '=' ? (len = 2, Tok::kPercentEqual) : Tok::kPercent; break;
        case '~': t = Tok::kTilde; break;
        case '^': t = c1 == '=' ? (len = 2, Tok::kCircumflexEqual) : Tok::kCircumflex; break;
        case '@': t = c1 == '=' ? (len = 2, Tok::kAtEqual) : Tok::kAt; break;
        default: {
          if (uc < 0x20 || uc == 0x7f) {
            char buf[64];
            std::snprintf(buf, sizeof(buf), "invalid non-printable character U+%04X", uc);
            return Error("SyntaxError", buf, pos_ + 1);
          }
          // '$', '?', '`': an operator token no rule accepts.
          t = Tok::kExclamation;
          Emit(t, pos_, pos_ + 1, lineno_, line_start_);
          out_->back().kw = static_cast<Kw>(255);  // marks an unknown character
          ++pos_;
          continue;
        }
      }
      if (t == Tok::kLpar || t == Tok::kLsqb || t == Tok::kLbrace) {
        if (level_ >= kMaxLevel) {
          return Error("SyntaxError", "too many nested parentheses", pos_ + 1);
        }
        paren_stack_[level_] = c;
        paren_line_[level_] = lineno_;
        paren_col_[level_] = static_cast<int>(pos_ - line_start_);
        ++level_;
      } else if (t == Tok::kRpar || t == Tok::kRsqb || t == Tok::kRbrace) {
        if (level_ == 0) {
          return Error("SyntaxError", std::string("unmatched '") + c + "'", pos_ + 1);
        }
        --level_;
        char open = paren_stack_[level_];
        if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
          char buf[128];
          if (paren_line_[level_] != lineno_) {
            std::snprintf(buf, sizeof(buf),
                          "closing parenthesis '%c' does not match opening parenthesis '%c' on "
                          "line %d",
                          c, open, paren_line_[level_] + opt_.line_shift);
          } else {
            std::snprintf(buf, sizeof(buf),
                          "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                          open);
          }
          return Error("SyntaxError", buf, pos_ + 1);
        }
      }
      pos_ += len;
      Emit(t, start, pos_, lineno_, line_start_);
    }
  next:;
  }
  // End of input.
  if (level_ > 0) {
    // CPython's parser reports "'(' was never closed" if it reaches here; the
    // end marker carries the innermost open bracket.
    Token tk;
    tk.type = Tok::kEndMarker;
    tk.start = tk.end = static_cast<uint32_t>(s_.size());
    tk.lineno = tk.end_lineno = lineno_ + opt_.line_shift;
    tk.col = tk.end_col = 0;
    tk.level = level_;
    err_->type = "";
    char buf[64];
    std::snprintf(buf, sizeof(buf), "'%c' was never closed", paren_stack_[level_ - 1]);
    err_->msg = buf;
    err_->lineno = err_->end_lineno = paren_line_[level_ - 1] + opt_.line_shift;
    err_->offset = paren_col_[level_ - 1] + 1;  // converted to chars by the caller
    err_->end_offset = 0;
    out_->push_back(tk);
    return true;
  }
  // CPython's line counter does not advance past the final newline: the end
  // tokens sit at the end of the last line.
  size_t last_start = s_.rfind('\n', s_.size() >= 2 ? s_.size() - 2 : 0);
  last_start = (last_start == std::string_view::npos || s_.size() < 2) ? 0 : last_start + 1;
  if (lineno_ > 1) {
    --lineno_;
    line_start_ = last_start;
  }
  size_t end = s_.empty() ? 0 : s_.size() - 1;
  for (; indent_ > 0; --indent_) {
    Emit(Tok::kDedent, end, end, lineno_, line_start_);
    out_->back().col = -1;
  }
  Emit(Tok::kEndMarker, end, end, lineno_, line_start_);
  return true;
}

}  // namespace

bool Tokenize(std::string_view text, const TokenizeOptions& opt, std::vector<Token>* out,
              SyntaxErrorInfo* error) {
  Tokenizer t(text, opt, out, error);
  return t.Run();
}

std::string_view LineAt(std::string_view text, int lineno) {
  size_t p = 0;
  for (int l = 1; l < lineno; ++l) {
    size_t nl = text.find('\n', p);
    if (nl == std::string_view::npos) return {};
    p = nl + 1;
  }
  size_t e = text.find('\n', p);
  if (e == std::string_view::npos) e = text.size();
  return text.substr(p, e - p);
}

namespace {
// Finds a PEP 263 cookie on a line: "coding[:=]\s*([-\w.]+)" after '#'.
bool FindCookie(std::string_view line, std::string* enc) {
  size_t hash = std::string_view::npos;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '#') {
      hash = i;
      break;
    }
    if (c != ' ' && c != '\t' && c != '\f') return false;
  }
  if (hash == std::string_view::npos) return false;
  size_t k = line.find("coding", hash);
  while (k != std::string_view::npos) {
    size_t p = k + 6;
    if (p < line.size() && (line[p] == ':' || line[p] == '=')) {
      ++p;
      while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
      size_t b = p;
      while (p < line.size() && (std::isalnum(static_cast<unsigned char>(line[p])) ||
                                 line[p] == '-' || line[p] == '_' || line[p] == '.')) {
        ++p;
      }
      if (p > b) {
        *enc = std::string(line.substr(b, p - b));
        return true;
      }
    }
    k = line.find("coding", k + 1);
  }
  return false;
}

#include "compiler/internal/codecs.inc"

std::string NormalizeEncoding(std::string e) {
  for (auto& c : e) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c == '_') c = '-';
  }
  if (e == "utf-8" || e.rfind("utf-8-", 0) == 0 || e == "utf8") return "utf-8";
  if (e == "latin-1" || e == "iso-8859-1" || e == "iso8859-1" || e == "latin1" ||
      e.rfind("latin-1-", 0) == 0 || e.rfind("iso-8859-1-", 0) == 0 || e.rfind("iso-latin-1", 0) == 0) {
    return "iso-8859-1";
  }
  return e;
}
}  // namespace

bool DecodeSource(std::string_view bytes, std::string* text, SyntaxErrorInfo* error,
                  bool* declared) {
  if (declared) *declared = false;
  bool bom = false;
  if (bytes.substr(0, 3) == "\xef\xbb\xbf") {
    bytes.remove_prefix(3);
    bom = true;
  }
  // Cookie on line 1 or 2 (line 2 only if line 1 is a comment/blank).
  std::string enc = "utf-8";
  bool enc_found = false;
  {
    size_t e1 = bytes.find_first_of("\r\n");
    std::string_view l1 = bytes.substr(0, e1);
    std::string found;
    if (FindCookie(l1, &found)) {
      enc = found;
      enc_found = true;
    } else if (e1 != std::string_view::npos) {
      bool l1_comment_or_blank = true;
      for (char c : l1) {
        if (c == '#') break;
        if (c != ' ' && c != '\t' && c != '\f') {
          l1_comment_or_blank = false;
          break;
        }
      }
      size_t s2 = e1 + 1;
      if (bytes[e1] == '\r' && s2 < bytes.size() && bytes[s2] == '\n') ++s2;
      std::string_view rest = bytes.substr(s2);
      std::string_view l2 = rest.substr(0, rest.find_first_of("\r\n"));
      if (l1_comment_or_blank && FindCookie(l2, &found)) {
        enc = found;
        enc_found = true;
      }
    }
  }
  if (declared) *declared = bom || enc_found;
  std::string norm = NormalizeEncoding(enc);
  std::string cpy = enc;  // tokenizer.c's get_normal_name
  for (auto& c : cpy) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c == '_') c = '-';
  }
  bool cookie_utf8 = cpy == "utf-8" || cpy.rfind("utf-8-", 0) == 0;
  if (bom && !cookie_utf8) {
    error->type = "SyntaxError";
    error->msg = "encoding problem: " + enc + " with BOM";
    error->lineno = 0;
    error->offset = -1;
    error->end_lineno = error->end_offset = kNoPosition;
    return false;
  }
  std::string utf8;
  if (norm == "utf-8" || norm == "ascii" || norm == "us-ascii") {
    // Not validated here: as for CPython's string input, invalid UTF-8 is
    // reported where a string literal or identifier contains it.
    utf8.assign(bytes);
  } else if (norm == "iso-8859-1") {
    for (unsigned char c : bytes) compiler_internal::AppendUtf8(c, &utf8);
  } else if (const char32_t* table = SingleByteCodec(norm)) {
    for (unsigned char c : bytes) compiler_internal::AppendUtf8(c < 128 ? c : table[c - 128], &utf8);
  } else {
    error->type = "SyntaxError";
    error->msg = "unknown encoding: " + enc;
    error->lineno = 0;
    error->offset = -1;
    error->end_lineno = error->end_offset = kNoPosition;
    return false;
  }
  text->clear();
  text->reserve(utf8.size() + 1);
  for (size_t i = 0; i < utf8.size(); ++i) {
    char c = utf8[i];
    if (c == '\r') {
      text->push_back('\n');
      if (i + 1 < utf8.size() && utf8[i + 1] == '\n') ++i;
    } else {
      text->push_back(c);
    }
  }
  if (text->empty() || text->back() != '\n') text->push_back('\n');
  return true;
}

}  // namespace pyrt::compiler

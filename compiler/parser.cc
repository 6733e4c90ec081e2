#include "compiler/parser.h"

#include <cstdio>
#include <cstring>
#include <vector>

#include "compiler/internal/literals.h"
#include "compiler/internal/unicode_hooks.h"
#include "compiler/internal/utf8.h"

namespace pyrt::compiler {
namespace {

using compiler_internal::CountChars;

// Thrown-free error signalling: every rule returns null on "no match"; a hard
// error sets `failed_` and every caller unwinds.
class Parser {
 public:
  Parser(Arena* arena, std::string_view text, std::vector<Token>* toks, int depth,
         SyntaxErrorInfo* err, bool fstring_mode = false)
      : a_(arena), text_(text), t_(*toks), depth_(depth), err_(err), fstring_(fstring_mode) {}

  Node* File();
  Node* Interactive();
  Node* Eval();
  Node* FstringExpression();
  bool failed() const { return failed_; }
  size_t furthest() const { return furthest_; }
  size_t position() const { return p_; }
  // The furthest token looked at when a hard error was raised (or the furthest now).
  size_t furthest_at_error() const { return failed_ ? fail_furthest_ : furthest_; }
  const Token& TokenAt(size_t i) const { return t_[i < t_.size() ? i : t_.size() - 1]; }

 private:
  friend struct DepthGuard;
  // --- token access ---
  const Token& T(size_t i) {
    if (i >= t_.size()) i = t_.size() - 1;
    if (i > furthest_) furthest_ = i;
    return t_[i];
  }
  const Token& Cur() { return T(p_); }
  bool At(Tok k) { const Token& t = Cur(); return t.type == k && t.kw != static_cast<Kw>(255); }
  bool AtKw(Kw k) { const Token& t = Cur(); return t.type == Tok::kName && t.kw == k; }
  bool AtName() { const Token& t = Cur(); return t.type == Tok::kName && t.kw == Kw::kNone_; }
  bool AtSoft(const char* s) { return AtName() && TokText(Cur()) == s; }
  bool PeekIs(size_t k, Tok type) { const Token& t = T(p_ + k); return t.type == type && t.kw != static_cast<Kw>(255); }
  bool PeekKw(size_t k, Kw kw) { const Token& t = T(p_ + k); return t.type == Tok::kName && t.kw == kw; }
  bool Accept(Tok k) {
    if (At(k)) {
      ++p_;
      return true;
    }
    return false;
  }
  // ':' of a compound statement; a NEWLINE instead gives "expected ':'".
  bool ExpectColon() {
    if (Accept(Tok::kColon)) return true;
    if (At(Tok::kNewline)) FailAtTok(Cur(), "expected ':'");
    return false;
  }
  bool AcceptKw(Kw k) {
    if (AtKw(k)) {
      ++p_;
      return true;
    }
    return false;
  }
  std::string_view TokText(const Token& t) const { return text_.substr(t.start, t.end - t.start); }

  // --- errors ---
  std::nullptr_t Fail(const char* type, std::string msg, int lineno, int col, int end_lineno,
                      int end_col) {
    if (failed_) return nullptr;
    failed_ = true;
    fail_furthest_ = furthest_;
    err_->type = type;
    err_->msg = fstring_ ? "f-string: " + msg : std::move(msg);
    err_->lineno = lineno;
    err_->end_lineno = end_lineno;
    if (fstring_) {
      col -= col_shift_;
      end_col -= col_shift_;
    }
    // As _PyPegen_byte_offset_to_character_offset, on the line of `lineno`.
    std::string_view line = LineAt(text_, lineno - line_shift_);
    auto to_chars = [&](int b) {
      if (b < 0 || !chars_) return b;
      size_t n = static_cast<size_t>(b);
      if (n > line.size() + 1) n = line.size() + 1;
      std::string with_nl(line);
      with_nl.push_back('\n');
      return CountChars(std::string_view(with_nl).substr(0, n));
    };
    err_->offset = to_chars(col);
    err_->end_offset = end_col > 0 ? to_chars(end_col) : end_col;
    return nullptr;
  }
  std::nullptr_t FailAtNode(const Node* n, std::string msg) {
    return Fail("SyntaxError", std::move(msg), n->lineno, n->col_offset + 1, n->end_lineno,
                n->end_col_offset + 1);
  }
  std::nullptr_t FailAtTok(const Token& t, std::string msg, const char* type = "SyntaxError") {
    return Fail(type, std::move(msg), t.lineno, t.col + 1, t.end_lineno, t.end_col + 1);
  }
  std::nullptr_t FailLast(std::string msg) { return FailAtTok(T(furthest_), std::move(msg)); }
  std::nullptr_t Overflow() {
    if (failed_) return nullptr;
    failed_ = true;
    err_->type = "MemoryError";
    err_->msg = "";
    err_->lineno = err_->offset = err_->end_lineno = err_->end_offset = 0;
    return nullptr;
  }

  // --- node construction ---
  Node* New(Kind k) {
    Node* n = a_->New<Node>();
    n->kind = k;
    return n;
  }
  size_t LastTok() {
    size_t m = p_;
    while (m > 0) {
      --m;
      Tok ty = t_[m].type;
      if (ty != Tok::kEndMarker && ty != Tok::kNewline && ty != Tok::kIndent && ty != Tok::kDedent) break;
    }
    return m;
  }
  // A node located from token `start` to the last significant token consumed.
  Node* Make(Kind k, size_t start) {
    Node* n = New(k);
    const Token& s = t_[start];
    const Token& e = t_[LastTok()];
    n->lineno = s.lineno;
    n->col_offset = s.col;
    n->end_lineno = e.end_lineno;
    n->end_col_offset = e.end_col;
    return n;
  }
  void CopyLoc(Node* to, const Node* from) {
    to->lineno = from->lineno;
    to->col_offset = from->col_offset;
    to->end_lineno = from->end_lineno;
    to->end_col_offset = from->end_col_offset;
  }
  Node* Op(Kind k) {
    Node*& n = singletons_[static_cast<int>(k)];
    if (!n) n = New(k);
    return n;
  }
  static void SetN(Node* n, int i, Node* v) {
    n->f[i].tag = Slot::kNode;
    n->f[i].node = v;
  }
  void SetSeq(Node* n, int i, const std::vector<Node*>& v) {
    n->f[i].tag = Slot::kSeq;
    n->f[i].n = static_cast<uint32_t>(v.size());
    if (!v.empty()) {
      Node** items = static_cast<Node**>(a_->Allocate(sizeof(Node*) * v.size()));
      std::memcpy(items, v.data(), sizeof(Node*) * v.size());
      n->f[i].items = items;
    } else {
      n->f[i].items = nullptr;
    }
  }
  void SetId(Node* n, int i, std::string_view s) {
    std::string_view in = a_->Intern(s);
    n->f[i].tag = Slot::kIdent;
    n->f[i].str = in.data();
    n->f[i].n = static_cast<uint32_t>(in.size());
  }
  static void SetInt(Node* n, int i, int64_t v) {
    n->f[i].tag = Slot::kInt;
    n->f[i].num = v;
  }
  void SetIdTok(Node* n, int i, const Token& t) {
    std::string_view s = TokText(t);
    for (char c : s) {
      if (static_cast<unsigned char>(c) >= 128) {
        SetId(n, i, compiler_internal::NormalizeNfkc(s));
        return;
      }
    }
    SetId(n, i, s);
  }
  Node* ConstNode(Constant::Type ty, size_t start) {
    Node* n = Make(Kind::Constant, start);
    Constant* c = a_->New<Constant>();
    c->type = ty;
    n->f[0].tag = Slot::kConst;
    n->f[0].cst = c;
    return n;
  }

  // --- statements ---
  bool Statements(std::vector<Node*>* out);
  bool Statement(std::vector<Node*>* out);
  bool SimpleStmts(std::vector<Node*>* out);
  Node* SimpleStmt();
  Node* CompoundStmt();
  bool Block(std::vector<Node*>* out, const char* what, const Token& kwtok);
  Node* ExprOrAssignStmt();
  Node* ImportStmt();
  Node* FunctionDef(std::vector<Node*>* decos, size_t start);
  Node* ClassDef(std::vector<Node*>* decos, size_t start);
  Node* IfStmt(bool elif);
  Node* WhileStmt();
  Node* ForStmt(size_t start, bool async);
  Node* WithStmt(size_t start, bool async);
  Node* TryStmt();
  Node* MatchStmt();
  Node* Params(bool lambda);
  Node* DottedName(std::string* name);

  // --- patterns ---
  Node* Patterns();
  Node* Pattern();
  Node* OrPattern();
  Node* ClosedPattern();
  Node* MaybeStarPattern();
  Node* LiteralExprForPattern(bool* is_singleton);
  Node* NameOrAttr();
  bool MaybeSequencePattern(std::vector<Node*>* out, Tok close);

  // --- expressions ---
  Node* StarExpressions();
  // item (',' item)* [','] with `item` a rule: the item alone without a comma, else a
  // Load Tuple of the items (expressions / star_expressions).
  Node* ItemList(Node* (Parser::*item)());
  Node* StarExpression();
  Node* StarNamedExpression();
  Node* NamedExpression();
  Node* Expression();
  Node* ExpressionImpl();
  Node* YieldExpr();
  Node* Lambda();
  Node* Disjunction();
  Node* Conjunction();
  Node* BoolOpChain(Kw keyword, Kind op, Node* (Parser::*operand)());
  Node* Inversion();
  Node* Comparison();
  Node* BitOr();
  Node* BitXor();
  Node* BitAnd();
  Node* Shift();
  Node* Sum();
  Node* Term();
  Node* Factor();
  Node* Power();
  Node* AwaitPrimary();
  Node* Primary();
  Node* Atom();
  Node* Strings();
  Node* ParenAtom();
  Node* ListAtom();
  Node* BraceAtom();
  Node* Slices();
  Node* Slice();
  bool CallArgs(Node* call, size_t start_paren, bool allow_genexp = true);
  bool ForIfClauses(std::vector<Node*>* out);
  Node* StarTargets();
  Node* StarTarget();
  Node* Number(const Token& t);
  Node* MakeName(const Token& t, Kind ctx);
  Node* BinaryLeft(Node* (Parser::*sub)(), const Tok* ops, const Kind* kinds, int nops);

  // Sets expression context; returns the first invalid target or null.
  const Node* SetContext(Node* e, Kind ctx, bool for_targets = false);
  std::nullptr_t InvalidTarget(const Node* bad, const char* verb_msg);

  // --- f-strings ---
  struct FState {
    std::string last;
    bool has_last = false;
    bool fmode = false;
    std::vector<Node*> exprs;
  };
  bool FstringConcat(FState* st, const char** s, const char* end, bool raw, int lvl,
                     size_t first, size_t t, size_t last);
  Node* FstringFinish(FState* st, size_t first, size_t last);
  Node* StrNode(std::string* s, size_t first, size_t last);
  Node* FstringCompileExpr(const char* expr_start, const char* expr_end, size_t t);
  Node* FstringFindExpr(const char** s, const char* end, bool raw, int lvl, std::string* expr_text,
                        bool* have_text, size_t first, size_t t, size_t last);

  Arena* a_;
  std::string_view text_;
  std::vector<Token>& t_;
  size_t p_ = 0;
  size_t furthest_ = 0;
  size_t fail_furthest_ = static_cast<size_t>(-1);
  int depth_;
  bool failed_ = false;
  SyntaxErrorInfo* err_;
  bool fstring_;
  bool no_comma_check_ = false;
  // Expression() memo per no_comma_check_ value: end token per start (-1 unknown).
  std::vector<int32_t> memo_end_[2];
  std::vector<Node*> memo_node_[2];
  bool named_checks_ = true;  // false while parsing call arguments
  bool StartsExpression() {
    const Token& t = Cur();
    switch (t.type) {
      case Tok::kName:
        return t.kw == Kw::kNone_ || t.kw == Kw::kNot || t.kw == Kw::kLambda || t.kw == Kw::kAwait ||
               t.kw == Kw::kNone || t.kw == Kw::kTrue || t.kw == Kw::kFalse;
      case Tok::kNumber: case Tok::kString: case Tok::kLpar: case Tok::kLsqb: case Tok::kLbrace:
      case Tok::kMinus: case Tok::kPlus: case Tok::kTilde: case Tok::kEllipsis:
        return t.kw != static_cast<Kw>(255);
      default:
        return false;
    }
  }
  int line_shift_ = 0;  // f-string sub-parsers: text line 1 is file line 1 + line_shift_
  int col_shift_ = 0;
  bool chars_ = false;  // report offsets in characters (see DecodeSource)   // f-string sub-parsers: CPython's starting_col_offset
 public:
  void SetChars(bool c) { chars_ = c; }
  void SetShift(int line_shift, int col_shift) {
    line_shift_ = line_shift;
    col_shift_ = col_shift;
  }
  // Reports a generic failure (no hard error) as CPython's _PyPegen_set_syntax_error.
  void SetGenericError(const SyntaxErrorInfo* eof_info);

 private:
  Node* singletons_[static_cast<int>(Kind::kCount)] = {};
};

// Bounds recursion like CPython's MAXSTACK.
struct DepthGuard {
  Parser* p;
  bool ok;
  explicit DepthGuard(Parser* parser) : p(parser) { ok = ++p->depth_ <= kMaxParserDepth; }
  ~DepthGuard() { --p->depth_; }
};
#define PYRT_ENTER()          \
  DepthGuard guard_(this);    \
  if (!guard_.ok) return Overflow(); \
  if (failed_) return nullptr

const char* ExprName(const Node* e) {
  switch (e->kind) {
    case Kind::Attribute: return "attribute";
    case Kind::Subscript: return "subscript";
    case Kind::Starred: return "starred";
    case Kind::Name: return "name";
    case Kind::List: return "list";
    case Kind::Tuple: return "tuple";
    case Kind::Lambda: return "lambda";
    case Kind::Call: return "function call";
    case Kind::BoolOp: case Kind::BinOp: case Kind::UnaryOp: return "expression";
    case Kind::GeneratorExp: return "generator expression";
    case Kind::Yield: case Kind::YieldFrom: return "yield expression";
    case Kind::Await: return "await expression";
    case Kind::ListComp: return "list comprehension";
    case Kind::SetComp: return "set comprehension";
    case Kind::DictComp: return "dict comprehension";
    case Kind::Dict: return "dict literal";
    case Kind::Set: return "set display";
    case Kind::JoinedStr: case Kind::FormattedValue: return "f-string expression";
    case Kind::Constant: {
      switch (e->f[0].cst->type) {
        case Constant::kNone: return "None";
        case Constant::kTrue: return "True";
        case Constant::kFalse: return "False";
        case Constant::kEllipsis: return "ellipsis";
        default: return "literal";
      }
    }
    case Kind::Compare: return "comparison";
    case Kind::IfExp: return "conditional expression";
    case Kind::NamedExpr: return "named expression";
    default: return "expression";
  }
}

// --- targets ---

const Node* Parser::SetContext(Node* e, Kind ctx, bool for_targets) {
  switch (e->kind) {
    case Kind::Name:
    case Kind::Attribute:
    case Kind::Subscript:
      SetN(e, e->kind == Kind::Name ? 1 : 2, Op(ctx));
      return nullptr;
    case Kind::Starred:
      if (ctx == Kind::Del) return e;
      SetN(e, 1, Op(ctx));
      return SetContext(e->f[0].node, ctx, for_targets);
    case Kind::Tuple:
    case Kind::List:
      SetN(e, 1, Op(ctx));
      for (Node** it = e->begin(0); it != e->end(0); ++it) {
        if (const Node* bad = SetContext(*it, ctx, for_targets)) return bad;
      }
      return nullptr;
    case Kind::Compare:
      if (for_targets && e->f[1].items[0]->kind == Kind::In) {
        return SetContext(e->f[0].node, ctx, for_targets) ? e->f[0].node : nullptr;
      }
      return e;
    default:
      return e;
  }
}

std::nullptr_t Parser::InvalidTarget(const Node* bad, const char* fmt) {
  char buf[200];
  std::snprintf(buf, sizeof(buf), fmt, ExprName(bad));
  return FailAtNode(bad, buf);
}

Node* Parser::MakeName(const Token& t, Kind ctx) {
  Node* n = New(Kind::Name);
  n->lineno = t.lineno;
  n->col_offset = t.col;
  n->end_lineno = t.end_lineno;
  n->end_col_offset = t.end_col;
  SetIdTok(n, 0, t);
  SetN(n, 1, Op(ctx));
  return n;
}

// --- file ---

Node* Parser::File() {
  std::vector<Node*> body;
  Statements(&body);
  if (failed_) return nullptr;
  if (!At(Tok::kEndMarker)) return nullptr;
  Node* m = New(Kind::Module);
  SetSeq(m, 0, body);
  SetSeq(m, 1, {});
  return m;
}

// interactive: statement_newline
// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
// (the ENDMARKER alternative is the REPL's end of input: an error for a string).
Node* Parser::Interactive() {
  std::vector<Node*> body;
  if (Node* c = CompoundStmt()) {
    if (!Accept(Tok::kNewline)) return nullptr;
    body.push_back(c);
  } else if (failed_) {
    return nullptr;
  } else if (!SimpleStmts(&body)) {
    if (failed_) return nullptr;
    size_t start = p_;
    if (!Accept(Tok::kNewline)) return nullptr;
    Node* pass = New(Kind::Pass);
    const Token& t = t_[start];
    pass->lineno = t.lineno;
    pass->col_offset = t.col < 0 ? 0 : t.col;
    pass->end_lineno = t.end_lineno;
    pass->end_col_offset = t.end_col < 0 ? 0 : t.end_col;
    body.push_back(pass);
  }
  Node* m = New(Kind::Interactive);
  SetSeq(m, 0, body);
  return m;
}

// eval: expressions NEWLINE* ENDMARKER
// expressions: expression (',' expression)* [',']   (no starred items)
Node* Parser::Eval() {
  PYRT_ENTER();
  Node* body = ItemList(&Parser::Expression);
  if (!body) return nullptr;
  while (Accept(Tok::kNewline)) {
  }
  if (!At(Tok::kEndMarker)) return nullptr;
  Node* m = New(Kind::Expression);
  SetN(m, 0, body);
  return m;
}

bool Parser::Statements(std::vector<Node*>* out) {
  size_t n0 = out->size();
  while (!failed_ && Statement(out)) {
  }
  return out->size() > n0 && !failed_;
}

bool Parser::Statement(std::vector<Node*>* out) {
  if (Node* c = CompoundStmt()) {
    out->push_back(c);
    return true;
  }
  if (failed_) return false;
  return SimpleStmts(out);
}

bool Parser::SimpleStmts(std::vector<Node*>* out) {
  size_t start = p_;
  size_t n0 = out->size();
  for (;;) {
    Node* s = SimpleStmt();
    if (!s) {
      p_ = start;
      out->resize(n0);
      return false;
    }
    out->push_back(s);
    if (Accept(Tok::kSemi)) {
      if (At(Tok::kNewline)) break;
      continue;
    }
    break;
  }
  if (!Accept(Tok::kNewline)) {
    p_ = start;
    out->resize(n0);
    return false;
  }
  return true;
}

Node* Parser::SimpleStmt() {
  PYRT_ENTER();
  size_t start = p_;
  const Token& t = Cur();
  if (t.type == Tok::kName) {
    switch (t.kw) {
      case Kw::kReturn: {
        ++p_;
        Node* v = nullptr;
        if (!At(Tok::kNewline) && !At(Tok::kSemi)) {
          v = StarExpressions();
          if (failed_) return nullptr;
        }
        Node* n = Make(Kind::Return, start);
        if (v) SetN(n, 0, v);
        return n;
      }
      case Kw::kImport:
      case Kw::kFrom:
        return ImportStmt();
      case Kw::kRaise: {
        ++p_;
        Node* exc = Expression();
        if (failed_) return nullptr;
        Node* cause = nullptr;
        if (exc && AcceptKw(Kw::kFrom)) {
          cause = Expression();
          if (!cause) {
            p_ = start;
            return nullptr;
          }
        }
        Node* n = Make(Kind::Raise, start);
        if (exc) SetN(n, 0, exc);
        if (cause) SetN(n, 1, cause);
        return n;
      }
      case Kw::kPass: ++p_; return Make(Kind::Pass, start);
      case Kw::kBreak: ++p_; return Make(Kind::Break, start);
      case Kw::kContinue: ++p_; return Make(Kind::Continue, start);
      case Kw::kDel: {
        ++p_;
        std::vector<Node*> targets;
        for (;;) {
          size_t ts = p_;
          Node* e = Primary();
          if (failed_) return nullptr;
          if (!e) {
            p_ = ts;
            break;
          }
          if (const Node* bad = SetContext(e, Kind::Del)) {
            if (At(Tok::kComma) || At(Tok::kSemi) || At(Tok::kNewline)) {
              return InvalidTarget(bad, "cannot delete %s");
            }
            p_ = ts;
            break;
          }
          targets.push_back(e);
          if (!Accept(Tok::kComma)) break;
        }
        if (targets.empty() || !(At(Tok::kSemi) || At(Tok::kNewline))) {
          if (!targets.empty() || true) {
            // invalid_del_stmt: 'del' star_expressions
            size_t save = p_;
            p_ = start + 1;
            Node* e = StarExpressions();
            if (failed_) return nullptr;
            if (e) {
              if (const Node* bad = SetContext(e, Kind::Del)) {
                return InvalidTarget(bad, "cannot delete %s");
              }
            }
            p_ = save;
          }
          p_ = start;
          return nullptr;
        }
        Node* n = Make(Kind::Delete, start);
        SetSeq(n, 0, targets);
        return n;
      }
      case Kw::kAssert: {
        ++p_;
        Node* test = Expression();
        if (!test) {
          p_ = start;
          return nullptr;
        }
        Node* msg = nullptr;
        if (Accept(Tok::kComma)) {
          msg = Expression();
          if (!msg) {
            p_ = start;
            return nullptr;
          }
        }
        Node* n = Make(Kind::Assert, start);
        SetN(n, 0, test);
        if (msg) SetN(n, 1, msg);
        return n;
      }
      case Kw::kGlobal:
      case Kw::kNonlocal: {
        ++p_;
        std::vector<Node*> names;
        for (;;) {
          if (!AtName()) {
            p_ = start;
            return nullptr;
          }
          Node* nm = New(Kind::Name);
          SetIdTok(nm, 0, Cur());
          ++p_;
          names.push_back(nm);
          if (!Accept(Tok::kComma)) break;
        }
        Node* n = Make(t.kw == Kw::kGlobal ? Kind::Global : Kind::Nonlocal, start);
        SetSeq(n, 0, names);
        return n;
      }
      default:
        break;
    }
  }
  return ExprOrAssignStmt();
}

Node* Parser::ExprOrAssignStmt() {
  size_t start = p_;
  if (AtKw(Kw::kYield)) {
    Node* y = YieldExpr();
    if (!y) return nullptr;
    if (At(Tok::kEqual)) return FailAtNode(y, "assignment to yield expression not possible");
    Node* n = Make(Kind::Expr, start);
    SetN(n, 0, y);
    return n;
  }
  Node* e = StarExpressions();
  if (!e) {
    p_ = start;
    return nullptr;
  }
  if (e->kind == Kind::Name && (e->f[0].ident() == "print" || e->f[0].ident() == "exec") &&
      !At(Tok::kNewline) && !At(Tok::kSemi)) {
    // invalid_legacy_expression
    size_t save = p_;
    Node* b = StarExpressions();
    if (failed_) return nullptr;
    if (b) {
      std::string name(e->f[0].ident());
      return Fail("SyntaxError",
                  "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?",
                  e->lineno, e->col_offset + 1, b->end_lineno, b->end_col_offset + 1);
    }
    p_ = save;
  }
  if (At(Tok::kColon)) {
    // Annotated assignment.
    int simple = 0;
    if (e->kind == Kind::Name) {
      simple = T(start).type == Tok::kLpar ? 0 : 1;
    } else if (e->kind == Kind::Attribute || e->kind == Kind::Subscript) {
      simple = 0;
    } else if (e->kind == Kind::Tuple) {
      return FailAtNode(e, "only single target (not tuple) can be annotated");
    } else if (e->kind == Kind::List) {
      return FailAtNode(e, "only single target (not list) can be annotated");
    } else {
      return FailAtNode(e, "illegal target for annotation");
    }
    ++p_;
    Node* ann = Expression();
    if (!ann) {
      p_ = start;
      return nullptr;
    }
    Node* value = nullptr;
    if (Accept(Tok::kEqual)) {
      value = AtKw(Kw::kYield) ? YieldExpr() : StarExpressions();
      if (!value) {
        p_ = start;
        return nullptr;
      }
    }
    SetContext(e, Kind::Store);
    Node* n = Make(Kind::AnnAssign, start);
    SetN(n, 0, e);
    SetN(n, 1, ann);
    if (value) SetN(n, 2, value);
    SetInt(n, 3, simple);
    return n;
  }
  if (At(Tok::kEqual)) {
    std::vector<Node*> targets{e};
    Node* value = nullptr;
    while (Accept(Tok::kEqual)) {
      value = AtKw(Kw::kYield) ? YieldExpr() : StarExpressions();
      if (!value) {
        if (failed_) return nullptr;
        p_ = start;
        return nullptr;
      }
      if (At(Tok::kEqual)) targets.push_back(value);
    }
    for (size_t i = 0; i < targets.size(); ++i) {
      Node* tg = targets[i];
      if (i > 0 && (tg->kind == Kind::Yield || tg->kind == Kind::YieldFrom)) {
        return FailAtNode(tg, "assignment to yield expression not possible");
      }
      const Node* bad = SetContext(tg, Kind::Store);
      if (!bad) continue;
      if (i == 0) {
        // invalid_named_expression: a=bitwise_or '=' bitwise_or !('='|':=')
        size_t save = p_;
        p_ = start;
        Node* atom = Atom();
        bool excluded = !atom || atom->kind == Kind::List || atom->kind == Kind::GeneratorExp ||
                        (atom->kind == Kind::Tuple && T(start).type == Tok::kLpar) ||
                        (atom->kind == Kind::Constant && (atom->f[0].cst->type == Constant::kTrue ||
                                                          atom->f[0].cst->type == Constant::kFalse ||
                                                          atom->f[0].cst->type == Constant::kNone));
        failed_ = false;
        bool here = false;
        Node* a = nullptr;
        if (!excluded) {
          p_ = start;
          a = BitOr();
          if (a && Accept(Tok::kEqual)) {
            Node* b = BitOr();
            here = b && !At(Tok::kEqual) && !At(Tok::kColonEqual);
          }
          failed_ = false;
        }
        p_ = save;
        if (here) {
          char buf[160];
          std::snprintf(buf, sizeof(buf), "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                        ExprName(a));
          return FailAtNode(a, buf);
        }
      }
      return InvalidTarget(bad, "cannot assign to %s");
    }
    Node* n = Make(Kind::Assign, start);
    SetSeq(n, 0, targets);
    SetN(n, 1, value);
    return n;
  }
  static const Tok kAug[] = {Tok::kPlusEqual, Tok::kMinEqual, Tok::kStarEqual, Tok::kAtEqual,
                             Tok::kSlashEqual, Tok::kPercentEqual, Tok::kAmperEqual,
                             Tok::kVbarEqual, Tok::kCircumflexEqual, Tok::kLeftShiftEqual,
                             Tok::kRightShiftEqual, Tok::kDoubleStarEqual, Tok::kDoubleSlashEqual};
  static const Kind kAugK[] = {Kind::Add, Kind::Sub, Kind::Mult, Kind::MatMult, Kind::Div,
                               Kind::Mod, Kind::BitAnd, Kind::BitOr, Kind::BitXor, Kind::LShift,
                               Kind::RShift, Kind::Pow, Kind::FloorDiv};
  for (int i = 0; i < 13; ++i) {
    if (At(kAug[i])) {
      if (e->kind != Kind::Name && e->kind != Kind::Attribute && e->kind != Kind::Subscript) {
        char buf[160];
        std::snprintf(buf, sizeof(buf), "'%s' is an illegal expression for augmented assignment",
                      ExprName(e));
        return FailAtNode(e, buf);
      }
      ++p_;
      Node* value = AtKw(Kw::kYield) ? YieldExpr() : StarExpressions();
      if (!value) {
        p_ = start;
        return nullptr;
      }
      SetContext(e, Kind::Store);
      Node* n = Make(Kind::AugAssign, start);
      SetN(n, 0, e);
      SetN(n, 1, Op(kAugK[i]));
      SetN(n, 2, value);
      return n;
    }
  }
  Node* n = Make(Kind::Expr, start);
  SetN(n, 0, e);
  return n;
}

Node* Parser::DottedName(std::string* name) {
  if (!AtName()) return nullptr;
  name->assign(TokText(Cur()));
  ++p_;
  while (At(Tok::kDot) && T(p_ + 1).type == Tok::kName && T(p_ + 1).kw == Kw::kNone_) {
    name->push_back('.');
    name->append(TokText(T(p_ + 1)));
    p_ += 2;
  }
  return reinterpret_cast<Node*>(1);
}

Node* Parser::ImportStmt() {
  size_t start = p_;
  auto normalize = [](std::string s) {
    for (char c : s) {
      if (static_cast<unsigned char>(c) >= 128) return compiler_internal::NormalizeNfkc(s);
    }
    return s;
  };
  if (AcceptKw(Kw::kImport)) {
    std::vector<Node*> names;
    for (;;) {
      size_t as = p_;
      std::string dn;
      if (!DottedName(&dn)) {
        p_ = start;
        return nullptr;
      }
      Node* al = nullptr;
      std::string asname;
      bool has_as = false;
      if (AtKw(Kw::kAs)) {
        if (!PeekIs(1, Tok::kName) || T(p_ + 1).kw != Kw::kNone_) {
          p_ = start;
          return nullptr;
        }
        asname = TokText(T(p_ + 1));
        has_as = true;
        p_ += 2;
      }
      al = Make(Kind::alias, as);
      SetId(al, 0, normalize(dn));
      if (has_as) SetId(al, 1, normalize(asname));
      names.push_back(al);
      if (!Accept(Tok::kComma)) break;
    }
    Node* n = Make(Kind::Import, start);
    SetSeq(n, 0, names);
    return n;
  }
  if (!AcceptKw(Kw::kFrom)) return nullptr;
  int level = 0;
  for (;;) {
    if (Accept(Tok::kDot)) {
      level += 1;
    } else if (Accept(Tok::kEllipsis)) {
      level += 3;
    } else {
      break;
    }
  }
  std::string module;
  bool has_module = false;
  if (!AtKw(Kw::kImport)) {
    if (!DottedName(&module)) {
      p_ = start;
      return nullptr;
    }
    has_module = true;
  } else if (level == 0) {
    p_ = start;
    return nullptr;
  }
  if (!AcceptKw(Kw::kImport)) {
    p_ = start;
    return nullptr;
  }
  std::vector<Node*> names;
  if (At(Tok::kStar)) {
    size_t s = p_++;
    Node* al = Make(Kind::alias, s);
    SetId(al, 0, "*");
    names.push_back(al);
  } else {
    bool paren = Accept(Tok::kLpar);
    for (;;) {
      if (!AtName()) {
        if (paren && At(Tok::kRpar) && !names.empty()) break;
        if (!paren && !names.empty() && At(Tok::kNewline)) {
          // trailing comma without parentheses
          return FailAtTok(Cur(), "trailing comma not allowed without surrounding parentheses");
        }
        p_ = start;
        return nullptr;
      }
      size_t as = p_;
      Token nt = Cur();
      ++p_;
      bool has_as = false;
      Token at;
      if (AtKw(Kw::kAs)) {
        if (!PeekIs(1, Tok::kName) || T(p_ + 1).kw != Kw::kNone_) {
          p_ = start;
          return nullptr;
        }
        at = T(p_ + 1);
        has_as = true;
        p_ += 2;
      }
      Node* al = Make(Kind::alias, as);
      SetIdTok(al, 0, nt);
      if (has_as) SetIdTok(al, 1, at);
      names.push_back(al);
      if (!Accept(Tok::kComma)) break;
    }
    if (paren && !Accept(Tok::kRpar)) {
      p_ = start;
      return nullptr;
    }
  }
  Node* n = Make(Kind::ImportFrom, start);
  if (has_module) SetId(n, 0, normalize(module));
  SetSeq(n, 1, names);
  SetInt(n, 2, level);
  return n;
}

// --- compound statements ---

bool Parser::Block(std::vector<Node*>* out, const char* what, const Token& kwtok) {
  if (Accept(Tok::kNewline)) {
    if (!Accept(Tok::kIndent)) {
      if (what) {
        char buf[160];
        std::snprintf(buf, sizeof(buf), "expected an indented block after %s on line %d", what,
                      kwtok.lineno);
        const Token& t = Cur();
        Fail("IndentationError", buf, t.lineno, t.col + 1, t.end_lineno, t.end_col + 1);
      }
      return false;
    }
    if (!Statements(out)) return false;
    if (!Accept(Tok::kDedent)) return false;
    return true;
  }
  return SimpleStmts(out);
}

Node* Parser::CompoundStmt() {
  PYRT_ENTER();
  const Token& t = Cur();
  size_t start = p_;
  if (t.type == Tok::kAt) {
    std::vector<Node*> decos;
    while (Accept(Tok::kAt)) {
      Node* d = NamedExpression();
      if (!d || !Accept(Tok::kNewline)) {
        p_ = start;
        return nullptr;
      }
      decos.push_back(d);
    }
    size_t s2 = p_;
    if (AtKw(Kw::kDef) || (AtKw(Kw::kAsync) && PeekKw(1, Kw::kDef))) return FunctionDef(&decos, s2);
    if (AtKw(Kw::kClass)) return ClassDef(&decos, s2);
    p_ = start;
    return nullptr;
  }
  if (t.type == Tok::kName) {
    switch (t.kw) {
      case Kw::kDef: return FunctionDef(nullptr, start);
      case Kw::kClass: return ClassDef(nullptr, start);
      case Kw::kIf: return IfStmt(false);
      case Kw::kWhile: return WhileStmt();
      case Kw::kFor: return ForStmt(start, false);
      case Kw::kWith: return WithStmt(start, false);
      case Kw::kTry: return TryStmt();
      case Kw::kAsync:
        if (PeekKw(1, Kw::kDef)) return FunctionDef(nullptr, start);
        if (PeekKw(1, Kw::kFor)) {
          ++p_;
          return ForStmt(start, true);
        }
        if (PeekKw(1, Kw::kWith)) {
          ++p_;
          return WithStmt(start, true);
        }
        return nullptr;
      case Kw::kNone_:
        if (TokText(t) == "match") return MatchStmt();
        return nullptr;
      default:
        return nullptr;
    }
  }
  return nullptr;
}

Node* Parser::FunctionDef(std::vector<Node*>* decos, size_t start) {
  bool async = AcceptKw(Kw::kAsync);
  const Token& kw = Cur();
  if (!AcceptKw(Kw::kDef) || !AtName()) {
    p_ = start;
    return nullptr;
  }
  Token name = Cur();
  ++p_;
  if (!Accept(Tok::kLpar)) return FailAtTok(Cur(), "expected '('");
  Node* args = Params(false);
  if (failed_) return nullptr;
  if (!args || !Accept(Tok::kRpar)) {
    p_ = start;
    return nullptr;
  }
  Node* returns = nullptr;
  if (At(Tok::kRarrow)) {
    size_t arrow = p_++;
    returns = Expression();
    if (failed_) return nullptr;
    if (!returns) p_ = arrow;
  }
  if (!Accept(Tok::kColon)) return FailAtTok(Cur(), "expected ':'");
  std::vector<Node*> body;
  char what[128];
  std::snprintf(what, sizeof(what), "function definition");
  if (!Block(&body, what, kw)) {
    if (!failed_) p_ = start;
    return nullptr;
  }
  Node* n = Make(async ? Kind::AsyncFunctionDef : Kind::FunctionDef, start);
  SetIdTok(n, 0, name);
  SetN(n, 1, args);
  SetSeq(n, 2, body);
  SetSeq(n, 3, decos ? *decos : std::vector<Node*>{});
  if (returns) SetN(n, 4, returns);
  return n;
}

Node* Parser::ClassDef(std::vector<Node*>* decos, size_t start) {
  const Token& kw = Cur();
  ++p_;
  if (!AtName()) {
    p_ = start;
    return nullptr;
  }
  Token name = Cur();
  ++p_;
  Node* call = New(Kind::Call);
  SetSeq(call, 1, {});
  SetSeq(call, 2, {});
  if (At(Tok::kLpar)) {
    size_t lp = p_++;
    if (!CallArgs(call, lp, false)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
  }
  if (!ExpectColon()) {
    p_ = start;
    return nullptr;
  }
  std::vector<Node*> body;
  if (!Block(&body, "class definition", kw)) {
    if (!failed_) p_ = start;
    return nullptr;
  }
  Node* n = Make(Kind::ClassDef, start);
  SetIdTok(n, 0, name);
  n->f[1] = call->f[1];
  n->f[2] = call->f[2];
  SetSeq(n, 3, body);
  SetSeq(n, 4, decos ? *decos : std::vector<Node*>{});
  return n;
}

Node* Parser::IfStmt(bool elif) {
  size_t start = p_;
  const Token& kw = Cur();
  ++p_;
  Node* test = NamedExpression();
  if (!test || !ExpectColon()) {
    p_ = start;
    return nullptr;
  }
  std::vector<Node*> body, orelse;
  if (!Block(&body, elif ? "'elif' statement" : "'if' statement", kw)) {
    if (!failed_) p_ = start;
    return nullptr;
  }
  if (AtKw(Kw::kElif)) {
    Node* e = IfStmt(true);
    if (!e) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    orelse.push_back(e);
  } else if (AtKw(Kw::kElse)) {
    const Token& ekw = Cur();
    ++p_;
    if (!ExpectColon() || !Block(&orelse, "'else' statement", ekw)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
  }
  Node* n = Make(Kind::If, start);
  SetN(n, 0, test);
  SetSeq(n, 1, body);
  SetSeq(n, 2, orelse);
  return n;
}

Node* Parser::WhileStmt() {
  size_t start = p_;
  const Token& kw = Cur();
  ++p_;
  Node* test = NamedExpression();
  if (!test || !ExpectColon()) {
    p_ = start;
    return nullptr;
  }
  std::vector<Node*> body, orelse;
  if (!Block(&body, "'while' statement", kw)) {
    if (!failed_) p_ = start;
    return nullptr;
  }
  if (AtKw(Kw::kElse)) {
    const Token& ekw = Cur();
    ++p_;
    if (!ExpectColon() || !Block(&orelse, "'else' statement", ekw)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
  }
  Node* n = Make(Kind::While, start);
  SetN(n, 0, test);
  SetSeq(n, 1, body);
  SetSeq(n, 2, orelse);
  return n;
}

Node* Parser::ForStmt(size_t start, bool async) {
  const Token& kw = Cur();
  ++p_;
  Node* target = StarTargets();
  if (failed_) return nullptr;
  if (!target || !AcceptKw(Kw::kIn)) {
    // invalid_for_target
    if (!failed_) {
      size_t save = p_;
      p_ = start + (async ? 2 : 1);
      Node* e = StarExpressions();
      if (e && !failed_) {
        if (const Node* bad = SetContext(e, Kind::Store, true)) {
          return InvalidTarget(bad, "cannot assign to %s");
        }
      }
      if (failed_) return nullptr;
      p_ = save;
    }
    p_ = start;
    return nullptr;
  }
  Node* iter = StarExpressions();
  if (!iter || !ExpectColon()) {
    if (!failed_) p_ = start;
    return nullptr;
  }
  std::vector<Node*> body, orelse;
  if (!Block(&body, "'for' statement", kw)) {
    if (!failed_) p_ = start;
    return nullptr;
  }
  if (AtKw(Kw::kElse)) {
    const Token& ekw = Cur();
    ++p_;
    if (!ExpectColon() || !Block(&orelse, "'else' statement", ekw)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
  }
  Node* n = Make(async ? Kind::AsyncFor : Kind::For, start);
  SetN(n, 0, target);
  SetN(n, 1, iter);
  SetSeq(n, 2, body);
  SetSeq(n, 3, orelse);
  return n;
}

Node* Parser::WithStmt(size_t start, bool async) {
  const Token& kw = Cur();
  ++p_;
  std::vector<Node*> items;
  auto with_item = [&]() -> Node* {
    Node* e = Expression();
    if (!e) return nullptr;
    Node* item = New(Kind::withitem);
    SetN(item, 0, e);
    if (AtKw(Kw::kAs)) {
      size_t save = p_;
      ++p_;
      Node* tg = StarTarget();
      if (failed_) return nullptr;
      if (tg && (At(Tok::kComma) || At(Tok::kRpar) || At(Tok::kColon))) {
        SetN(item, 1, tg);
      } else {
        // invalid_with_item
        p_ = save + 1;
        Node* bad = Expression();
        if (bad && (At(Tok::kComma) || At(Tok::kRpar) || At(Tok::kColon))) {
          if (const Node* b = SetContext(bad, Kind::Store)) {
            return InvalidTarget(b, "cannot assign to %s");
          }
        }
        p_ = save;
        return nullptr;
      }
    }
    return item;
  };
  bool ok = false;
  if (At(Tok::kLpar)) {
    size_t save = p_;
    ++p_;
    for (;;) {
      Node* it = with_item();
      if (failed_) return nullptr;
      if (!it) break;
      items.push_back(it);
      if (!Accept(Tok::kComma)) break;
      if (At(Tok::kRpar)) break;
    }
    if (!items.empty() && Accept(Tok::kRpar) && At(Tok::kColon)) {
      ok = true;
    } else {
      items.clear();
      p_ = save;
    }
  }
  if (!ok) {
    for (;;) {
      Node* it = with_item();
      if (failed_) return nullptr;
      if (!it) {
        p_ = start;
        return nullptr;
      }
      items.push_back(it);
      if (!Accept(Tok::kComma)) break;
    }
  }
  if (!ExpectColon()) {
    if (!failed_) p_ = start;
    return nullptr;
  }
  std::vector<Node*> body;
  if (!Block(&body, "'with' statement", kw)) {
    if (!failed_) p_ = start;
    return nullptr;
  }
  Node* n = Make(async ? Kind::AsyncWith : Kind::With, start);
  SetSeq(n, 0, items);
  SetSeq(n, 1, body);
  return n;
}

Node* Parser::TryStmt() {
  size_t start = p_;
  const Token& kw = Cur();
  ++p_;
  if (!ExpectColon()) {
    return FailAtTok(Cur(), "expected ':'");
  }
  std::vector<Node*> body, handlers, orelse, finalbody;
  if (!Block(&body, "'try' statement", kw)) {
    if (!failed_) p_ = start;
    return nullptr;
  }
  int star_kind = -1;  // -1 unknown, 0 except, 1 except*
  while (AtKw(Kw::kExcept)) {
    size_t hs = p_;
    const Token& ekw = Cur();
    ++p_;
    bool star = Accept(Tok::kStar);
    if (star_kind == -1) star_kind = star ? 1 : 0;
    if ((star_kind == 1) != star) {
      return FailAtTok(ekw, "cannot have both 'except' and 'except*' on the same 'try'");
    }
    Node* type = nullptr;
    bool has_name = false;
    Token name;
    if (!At(Tok::kColon)) {
      type = Expression();
      if (!type) {
        if (!failed_) p_ = start;
        return nullptr;
      }
      if (At(Tok::kComma)) {
        // except A, B:
        size_t save = p_;
        ++p_;
        Node* more = Expression();
        if (more && (At(Tok::kColon) || At(Tok::kComma))) {
          return Fail("SyntaxError", "multiple exception types must be parenthesized",
                      type->lineno, type->col_offset + 1, more->end_lineno,
                      more->end_col_offset + 1);
        }
        p_ = save;
      }
      if (AcceptKw(Kw::kAs)) {
        if (!AtName()) {
          p_ = start;
          return nullptr;
        }
        name = Cur();
        has_name = true;
        ++p_;
      }
    } else if (star) {
      return FailAtTok(Cur(), "expected one or more exception types");
    }
    if (!Accept(Tok::kColon)) {
      return FailAtTok(Cur(), "expected ':'");
    }
    std::vector<Node*> hbody;
    if (!Block(&hbody, star ? "'except*' statement" : "'except' statement", ekw)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    Node* h = Make(Kind::ExceptHandler, hs);
    if (type) SetN(h, 0, type);
    if (has_name) SetIdTok(h, 1, name);
    SetSeq(h, 2, hbody);
    handlers.push_back(h);
  }
  if (!handlers.empty() && AtKw(Kw::kElse)) {
    const Token& ekw = Cur();
    ++p_;
    if (!ExpectColon() || !Block(&orelse, "'else' statement", ekw)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
  }
  if (AtKw(Kw::kFinally)) {
    const Token& fkw = Cur();
    ++p_;
    if (!Accept(Tok::kColon)) return FailAtTok(Cur(), "expected ':'");
    if (!Block(&finalbody, "'finally' statement", fkw)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
  }
  if (handlers.empty() && finalbody.empty()) {
    return FailAtTok(Cur(), "expected 'except' or 'finally' block");
  }
  Node* n = Make(star_kind == 1 ? Kind::TryStar : Kind::Try, start);
  SetSeq(n, 0, body);
  SetSeq(n, 1, handlers);
  SetSeq(n, 2, orelse);
  SetSeq(n, 3, finalbody);
  return n;
}

// --- parameters ---

Node* Parser::Params(bool lambda) {
  std::vector<Node*> posonly, args, kwonly, kwdefaults, defaults;
  Node* vararg = nullptr;
  Node* kwarg = nullptr;
  Tok close = lambda ? Tok::kColon : Tok::kRpar;
  bool seen_star = false, seen_default = false;
  auto param = [&](bool allow_star_ann) -> Node* {
    if (!AtName()) return nullptr;
    size_t s = p_;
    Token name = Cur();
    ++p_;
    Node* ann = nullptr;
    if (!lambda && Accept(Tok::kColon)) {
      if (allow_star_ann && At(Tok::kStar)) {
        ann = StarExpression();
      } else {
        ann = Expression();
      }
      if (!ann) return nullptr;
    }
    Node* a = Make(Kind::arg, s);
    SetIdTok(a, 0, name);
    if (ann) SetN(a, 1, ann);
    return a;
  };
  auto end_of_item = [&]() { return Accept(Tok::kComma) || At(close); };
  while (!At(close)) {
    if (failed_) return nullptr;
    if (At(Tok::kSlash)) {
      const Token& sl = Cur();
      if (seen_star) return FailAtTok(sl, "/ must be ahead of *");
      if (!posonly.empty() || args.empty()) {
        if (!posonly.empty()) return FailAtTok(sl, "/ may appear only once");
        return FailAtTok(sl, "at least one argument must precede /");
      }
      ++p_;
      posonly.swap(args);
      if (!end_of_item()) return nullptr;
      continue;
    }
    if (At(Tok::kStar)) {
      const Token& st = Cur();
      if (seen_star) return FailAtTok(st, "* argument may appear only once");
      seen_star = true;
      ++p_;
      if (At(Tok::kComma)) {
        ++p_;
        if (At(close) || At(Tok::kDoubleStar)) {
          return FailAtTok(lambda ? Cur() : st, "named arguments must follow bare *");
        }
        continue;
      }
      if (At(close)) return FailAtTok(lambda ? Cur() : st, "named arguments must follow bare *");
      vararg = param(true);
      if (!vararg) return nullptr;
      if (At(Tok::kEqual)) {
        return FailAtTok(Cur(), "var-positional argument cannot have default value");
      }
      if (!end_of_item()) return nullptr;
      continue;
    }
    if (At(Tok::kDoubleStar)) {
      ++p_;
      kwarg = param(false);
      if (!kwarg) return nullptr;
      if (At(Tok::kEqual)) {
        return FailAtTok(Cur(), "var-keyword argument cannot have default value");
      }
      Accept(Tok::kComma);
      if (!At(close)) {
        if (AtName() || At(Tok::kStar) || At(Tok::kDoubleStar) || At(Tok::kSlash)) {
          return FailAtTok(Cur(), "arguments cannot follow var-keyword argument");
        }
        return nullptr;
      }
      break;
    }
    if (At(Tok::kLpar) && !lambda) {
      return FailAtTok(Cur(), "Function parameters cannot be parenthesized");
    }
    Node* a = param(false);
    if (!a) return nullptr;
    Node* def = nullptr;
    if (Accept(Tok::kEqual)) {
      def = Expression();
      if (!def) return nullptr;
    }
    if (seen_star) {
      kwonly.push_back(a);
      kwdefaults.push_back(def);
    } else {
      if (def) {
        seen_default = true;
        defaults.push_back(def);
      } else if (seen_default) {
        return FailAtNode(a, "non-default argument follows default argument");
      }
      args.push_back(a);
    }
    if (!end_of_item()) return nullptr;
  }
  Node* n = New(Kind::arguments);
  SetSeq(n, 0, posonly);
  SetSeq(n, 1, args);
  if (vararg) SetN(n, 2, vararg);
  SetSeq(n, 3, kwonly);
  SetSeq(n, 4, kwdefaults);
  if (kwarg) SetN(n, 5, kwarg);
  SetSeq(n, 6, defaults);
  return n;
}

// --- expressions ---

Node* Parser::StarExpressions() {
  PYRT_ENTER();
  return ItemList(&Parser::StarExpression);
}

Node* Parser::ItemList(Node* (Parser::*item)()) {
  size_t start = p_;
  Node* first = (this->*item)();
  if (!first) return nullptr;
  if (!At(Tok::kComma)) return first;
  std::vector<Node*> elts{first};
  while (Accept(Tok::kComma)) {
    size_t save = p_;
    Node* e = (this->*item)();
    if (failed_) return nullptr;
    if (!e) {
      p_ = save;
      break;
    }
    elts.push_back(e);
  }
  Node* n = Make(Kind::Tuple, start);
  SetSeq(n, 0, elts);
  SetN(n, 1, Op(Kind::Load));
  return n;
}

Node* Parser::StarExpression() {
  PYRT_ENTER();
  if (At(Tok::kStar)) {
    size_t start = p_++;
    Node* v = BitOr();
    if (!v) {
      p_ = start;
      return nullptr;
    }
    Node* n = Make(Kind::Starred, start);
    SetN(n, 0, v);
    SetN(n, 1, Op(Kind::Load));
    return n;
  }
  return Expression();
}

Node* Parser::StarNamedExpression() {
  PYRT_ENTER();
  if (At(Tok::kStar)) {
    size_t start = p_++;
    Node* v = BitOr();
    if (!v) {
      p_ = start;
      return nullptr;
    }
    Node* n = Make(Kind::Starred, start);
    SetN(n, 0, v);
    SetN(n, 1, Op(Kind::Load));
    return n;
  }
  return NamedExpression();
}

Node* Parser::NamedExpression() {
  PYRT_ENTER();
  size_t start = p_;
  if (AtName() && PeekIs(1, Tok::kColonEqual)) {
    Token name = Cur();
    p_ += 2;
    Node* v = Expression();
    if (!v) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    Node* n = Make(Kind::NamedExpr, start);
    SetN(n, 0, MakeName(name, Kind::Store));
    SetN(n, 1, v);
    return n;
  }
  Node* e = Expression();
  if (e && At(Tok::kEqual) && named_checks_) {
    size_t save = p_;
    ++p_;
    Node* b = BitOr();
    bool ok = b && !At(Tok::kEqual) && !At(Tok::kColonEqual);
    if (failed_) return nullptr;
    p_ = save;
    if (ok && e->kind == Kind::Name && T(start).type == Tok::kName) {
      return Fail("SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                  e->lineno, e->col_offset + 1, b->end_lineno, b->end_col_offset + 1);
    }
    bool excluded = e->kind == Kind::List || e->kind == Kind::GeneratorExp || e->kind == Kind::Tuple ||
                    e->kind == Kind::Lambda || e->kind == Kind::IfExp || e->kind == Kind::BoolOp ||
                    e->kind == Kind::Compare ||
                    (e->kind == Kind::UnaryOp && e->f[0].node->kind == Kind::Not) ||
                    (e->kind == Kind::Constant && (e->f[0].cst->type == Constant::kTrue ||
                                                   e->f[0].cst->type == Constant::kFalse ||
                                                   e->f[0].cst->type == Constant::kNone));
    if (ok && !excluded) {
      char buf[160];
      std::snprintf(buf, sizeof(buf), "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                    ExprName(e));
      return FailAtNode(e, buf);
    }
  }
  if (e && At(Tok::kColonEqual)) {
    char buf[160];
    std::snprintf(buf, sizeof(buf), "cannot use assignment expressions with %s", ExprName(e));
    return FailAtNode(e, buf);
  }
  return e;
}

// Memoized on the start token (as CPython memoizes rules): alternatives that
// re-parse the same expression would otherwise cost exponential time on nested
// brackets.
Node* Parser::Expression() {
  int v = no_comma_check_ ? 1 : 0;  // the result depends on this flag
  if (memo_end_[v].empty()) {
    memo_end_[v].assign(t_.size() + 1, -1);
    memo_node_[v].assign(t_.size() + 1, nullptr);
  }
  size_t start = p_;
  if (memo_end_[v][start] >= 0) {
    p_ = static_cast<size_t>(memo_end_[v][start]);
    return memo_node_[v][start];
  }
  Node* r = ExpressionImpl();
  if (!failed_) {
    memo_end_[v][start] = static_cast<int32_t>(p_);
    memo_node_[v][start] = r;
  }
  return r;
}

Node* Parser::ExpressionImpl() {
  PYRT_ENTER();
  if (AtKw(Kw::kLambda)) return Lambda();
  size_t start = p_;
  Node* body = Disjunction();
  if (!body) return nullptr;
  if (AtKw(Kw::kIf)) {
    size_t save = p_;
    ++p_;
    Node* test = Disjunction();
    bool had_else = false;
    if (test && AcceptKw(Kw::kElse)) {
      had_else = true;
      Node* orelse = Expression();
      if (orelse) {
        Node* n = Make(Kind::IfExp, start);
        SetN(n, 0, test);
        SetN(n, 1, body);
        SetN(n, 2, orelse);
        return n;
      }
    }
    if (failed_) return nullptr;
    if (test && !had_else && !At(Tok::kColon)) {
      return Fail("SyntaxError", "expected 'else' after 'if' expression", body->lineno,
                  body->col_offset + 1, test->end_lineno, test->end_col_offset + 1);
    }
    p_ = save;
    return body;
  }
  // invalid_expression: two expressions in a row inside brackets.
  if (!no_comma_check_ && T(p_ - 1).level > 0 && StartsExpression() &&
      !(T(start).type == Tok::kName && T(start).kw == Kw::kNone_ &&
        (TokText(T(start)) == "match" || TokText(T(start)) == "case" || TokText(T(start)) == "_")) &&
      !(T(start).type == Tok::kName && T(start + 1).type == Tok::kString) &&
      !(body->kind == Kind::Name && (body->f[0].ident() == "print" || body->f[0].ident() == "exec"))) {
    size_t save = p_;
    no_comma_check_ = true;
    Node* b = Expression();
    no_comma_check_ = false;
    if (failed_) return nullptr;
    if (b && T(p_ - 1).level > 0) {
      return Fail("SyntaxError", "invalid syntax. Perhaps you forgot a comma?", body->lineno,
                  body->col_offset + 1, b->end_lineno, b->end_col_offset + 1);
    }
    p_ = save;
  }
  return body;
}

Node* Parser::YieldExpr() {
  PYRT_ENTER();
  size_t start = p_;
  if (!AcceptKw(Kw::kYield)) return nullptr;
  if (AcceptKw(Kw::kFrom)) {
    Node* v = Expression();
    if (!v) {
      p_ = start;
      return nullptr;
    }
    Node* n = Make(Kind::YieldFrom, start);
    SetN(n, 0, v);
    return n;
  }
  size_t save = p_;
  Node* v = StarExpressions();
  if (failed_) return nullptr;
  if (!v) p_ = save;
  Node* n = Make(Kind::Yield, start);
  if (v) SetN(n, 0, v);
  return n;
}

Node* Parser::Lambda() {
  PYRT_ENTER();  // lambdef + expression: two levels per lambda, as in CPython
  size_t start = p_;
  ++p_;
  Node* args = Params(true);
  if (failed_) return nullptr;
  if (!args || !Accept(Tok::kColon)) {
    p_ = start;
    return nullptr;
  }
  Node* body = Expression();
  if (!body) {
    p_ = start;
    return nullptr;
  }
  Node* n = Make(Kind::Lambda, start);
  SetN(n, 0, args);
  SetN(n, 1, body);
  return n;
}

// disjunction: conjunction ('or' conjunction)+ | conjunction, and conjunction likewise
// with 'and': one BoolOp over every operand, or the single operand itself.
Node* Parser::BoolOpChain(Kw keyword, Kind op, Node* (Parser::*operand)()) {
  size_t start = p_;
  Node* first = (this->*operand)();
  if (!first || !AtKw(keyword)) return first;
  std::vector<Node*> vals{first};
  while (AtKw(keyword)) {
    size_t save = p_++;
    Node* e = (this->*operand)();
    if (!e) {
      if (failed_) return nullptr;
      p_ = save;
      break;
    }
    vals.push_back(e);
  }
  if (vals.size() == 1) return first;
  Node* n = Make(Kind::BoolOp, start);
  SetN(n, 0, Op(op));
  SetSeq(n, 1, vals);
  return n;
}

Node* Parser::Disjunction() {
  PYRT_ENTER();
  return BoolOpChain(Kw::kOr, Kind::Or, &Parser::Conjunction);
}

Node* Parser::Conjunction() {
  PYRT_ENTER();
  return BoolOpChain(Kw::kAnd, Kind::And, &Parser::Inversion);
}

Node* Parser::Inversion() {
  PYRT_ENTER();
  if (AtKw(Kw::kNot)) {
    size_t start = p_++;
    Node* e = Inversion();
    if (!e) {
      p_ = start;
      return nullptr;
    }
    Node* n = Make(Kind::UnaryOp, start);
    SetN(n, 0, Op(Kind::Not));
    SetN(n, 1, e);
    return n;
  }
  return Comparison();
}

Node* Parser::Comparison() {
  PYRT_ENTER();
  size_t start = p_;
  Node* left = BitOr();
  if (!left) return nullptr;
  std::vector<Node*> ops, comps;
  for (;;) {
    size_t save = p_;
    Kind op;
    const Token& t = Cur();
    if (t.type == Tok::kEqEqual) op = Kind::Eq;
    else if (t.type == Tok::kNotEqual) {
      if (TokText(t) == "<>") break;
      op = Kind::NotEq;
    }
    else if (t.type == Tok::kLessEqual) op = Kind::LtE;
    else if (t.type == Tok::kLess) op = Kind::Lt;
    else if (t.type == Tok::kGreaterEqual) op = Kind::GtE;
    else if (t.type == Tok::kGreater) op = Kind::Gt;
    else if (AtKw(Kw::kIn)) op = Kind::In;
    else if (AtKw(Kw::kNot) && PeekKw(1, Kw::kIn)) {
      op = Kind::NotIn;
      ++p_;
    } else if (AtKw(Kw::kIs)) {
      if (PeekKw(1, Kw::kNot)) {
        op = Kind::IsNot;
        ++p_;
      } else {
        op = Kind::Is;
      }
    } else {
      break;
    }
    ++p_;
    Node* r = BitOr();
    if (!r) {
      if (failed_) return nullptr;
      p_ = save;
      break;
    }
    ops.push_back(Op(op));
    comps.push_back(r);
  }
  if (ops.empty()) return left;
  Node* n = Make(Kind::Compare, start);
  SetN(n, 0, left);
  SetSeq(n, 1, ops);
  SetSeq(n, 2, comps);
  return n;
}

Node* Parser::BinaryLeft(Node* (Parser::*sub)(), const Tok* ops, const Kind* kinds, int nops) {
  PYRT_ENTER();
  size_t start = p_;
  Node* left = (this->*sub)();
  if (!left) return nullptr;
  for (;;) {
    int which = -1;
    for (int i = 0; i < nops; ++i) {
      if (At(ops[i])) {
        which = i;
        break;
      }
    }
    if (which < 0) break;
    size_t save = p_++;
    Node* right = (this->*sub)();
    if (!right) {
      if (failed_) return nullptr;
      p_ = save;
      break;
    }
    Node* n = Make(Kind::BinOp, start);
    SetN(n, 0, left);
    SetN(n, 1, Op(kinds[which]));
    SetN(n, 2, right);
    left = n;
  }
  return left;
}

Node* Parser::BitOr() {
  static const Tok o[] = {Tok::kVbar};
  static const Kind k[] = {Kind::BitOr};
  return BinaryLeft(&Parser::BitXor, o, k, 1);
}
Node* Parser::BitXor() {
  static const Tok o[] = {Tok::kCircumflex};
  static const Kind k[] = {Kind::BitXor};
  return BinaryLeft(&Parser::BitAnd, o, k, 1);
}
Node* Parser::BitAnd() {
  static const Tok o[] = {Tok::kAmper};
  static const Kind k[] = {Kind::BitAnd};
  return BinaryLeft(&Parser::Shift, o, k, 1);
}
Node* Parser::Shift() {
  static const Tok o[] = {Tok::kLeftShift, Tok::kRightShift};
  static const Kind k[] = {Kind::LShift, Kind::RShift};
  return BinaryLeft(&Parser::Sum, o, k, 2);
}
Node* Parser::Sum() {
  static const Tok o[] = {Tok::kPlus, Tok::kMinus};
  static const Kind k[] = {Kind::Add, Kind::Sub};
  return BinaryLeft(&Parser::Term, o, k, 2);
}
Node* Parser::Term() {
  static const Tok o[] = {Tok::kStar, Tok::kSlash, Tok::kDoubleSlash, Tok::kPercent, Tok::kAt};
  static const Kind k[] = {Kind::Mult, Kind::Div, Kind::FloorDiv, Kind::Mod, Kind::MatMult};
  return BinaryLeft(&Parser::Factor, o, k, 5);
}

Node* Parser::Factor() {
  PYRT_ENTER();
  Kind op;
  if (At(Tok::kPlus)) op = Kind::UAdd;
  else if (At(Tok::kMinus)) op = Kind::USub;
  else if (At(Tok::kTilde)) op = Kind::Invert;
  else return Power();
  size_t start = p_++;
  Node* e = Factor();
  if (!e) {
    p_ = start;
    return nullptr;
  }
  Node* n = Make(Kind::UnaryOp, start);
  SetN(n, 0, Op(op));
  SetN(n, 1, e);
  return n;
}

Node* Parser::Power() {
  PYRT_ENTER();
  size_t start = p_;
  Node* left = AwaitPrimary();
  if (!left) return nullptr;
  if (At(Tok::kDoubleStar)) {
    size_t save = p_++;
    Node* right = Factor();
    if (!right) {
      if (failed_) return nullptr;
      p_ = save;
      return left;
    }
    Node* n = Make(Kind::BinOp, start);
    SetN(n, 0, left);
    SetN(n, 1, Op(Kind::Pow));
    SetN(n, 2, right);
    return n;
  }
  return left;
}

Node* Parser::AwaitPrimary() {
  PYRT_ENTER();
  if (AtKw(Kw::kAwait)) {
    size_t start = p_++;
    Node* e = Primary();
    if (!e) {
      p_ = start;
      return nullptr;
    }
    Node* n = Make(Kind::Await, start);
    SetN(n, 0, e);
    return n;
  }
  return Primary();
}

Node* Parser::Primary() {
  PYRT_ENTER();
  size_t start = p_;
  Node* e = Atom();
  if (!e) return nullptr;
  for (;;) {
    if (At(Tok::kDot)) {
      if (!(T(p_ + 1).type == Tok::kName && T(p_ + 1).kw == Kw::kNone_)) break;
      const Token& nm = T(p_ + 1);
      p_ += 2;
      Node* n = Make(Kind::Attribute, start);
      SetN(n, 0, e);
      SetIdTok(n, 1, nm);
      SetN(n, 2, Op(Kind::Load));
      e = n;
    } else if (At(Tok::kLpar)) {
      size_t lp = p_++;
      Node* n = New(Kind::Call);
      SetN(n, 0, e);
      if (!CallArgs(n, lp)) {
        if (failed_) return nullptr;
        p_ = lp;
        break;
      }
      Node* loc = Make(Kind::Call, start);
      CopyLoc(n, loc);
      e = n;
    } else if (At(Tok::kLsqb)) {
      size_t save = p_++;
      Node* s = Slices();
      if (!s || !Accept(Tok::kRsqb)) {
        if (failed_) return nullptr;
        p_ = save;
        break;
      }
      Node* n = Make(Kind::Subscript, start);
      SetN(n, 0, e);
      SetN(n, 1, s);
      SetN(n, 2, Op(Kind::Load));
      e = n;
    } else {
      break;
    }
    DepthGuard g2(this);  // each trailer nests one level, as in CPython's left recursion
    if (!g2.ok) return Overflow();
  }
  return e;
}

// After '(' (at index lp): arguments ')' or a single generator expression.
bool Parser::CallArgs(Node* call, size_t lp, bool allow_genexp) {
  std::vector<Node*> args, keywords;
  bool seen_kw = false, seen_dstar = false;
  size_t first_arg = p_;
  // invalid_arguments: args ',' '*' -> error located at the args so far.
  auto star_error = [&]() {
    const Token& a = T(first_arg);
    const Token& b = T(LastTok() - 1);
    return Fail("SyntaxError", "iterable argument unpacking follows keyword argument unpacking",
                a.lineno, a.col + 1, b.end_lineno, b.end_col + 1);
  };
  while (!At(Tok::kRpar)) {
    if (failed_) return false;
    size_t s = p_;
    if (At(Tok::kStar)) {
      if (seen_dstar) return star_error(), false;
      ++p_;
      Node* v = Expression();
      if (!v) {
        if (!failed_ && s > first_arg) {
          p_ = s;
          return star_error(), false;
        }
        return false;
      }
      Node* st = Make(Kind::Starred, s);
      SetN(st, 0, v);
      SetN(st, 1, Op(Kind::Load));
      if (seen_dstar) {
        return FailAtNode(st, "iterable argument unpacking follows keyword argument unpacking"), false;
      }
      args.push_back(st);
    } else if (At(Tok::kDoubleStar)) {
      ++p_;
      Node* v = Expression();
      if (!v) return false;
      Node* kw = Make(Kind::keyword, s);
      SetN(kw, 1, v);
      keywords.push_back(kw);
      seen_dstar = true;
    } else if (AtName() && PeekIs(1, Tok::kEqual)) {
      Token nm = Cur();
      p_ += 2;
      Node* v = Expression();
      if (!v) return false;
      Node* kw = Make(Kind::keyword, s);
      SetIdTok(kw, 0, nm);
      SetN(kw, 1, v);
      keywords.push_back(kw);
      seen_kw = true;
    } else {
      named_checks_ = false;
      Node* e = NamedExpression();
      named_checks_ = true;
      if (!e) return false;
      if (At(Tok::kEqual)) {
        // invalid_kwarg
        const Token& eq = Cur();
        if (e->kind == Kind::Constant && (e->f[0].cst->type == Constant::kTrue ||
                                          e->f[0].cst->type == Constant::kFalse ||
                                          e->f[0].cst->type == Constant::kNone)) {
          char buf[64];
          std::snprintf(buf, sizeof(buf), "cannot assign to %s", ExprName(e));
          return FailAtNode(e, buf), false;
        }
        Fail("SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?",
             e->lineno, e->col_offset + 1, eq.end_lineno, eq.end_col + 1);
        return false;
      }
      if (allow_genexp && (AtKw(Kw::kFor) || (AtKw(Kw::kAsync) && PeekKw(1, Kw::kFor))) &&
          e->kind != Kind::Starred) {
        std::vector<Node*> gens;
        if (!ForIfClauses(&gens)) return false;
        if (!Accept(Tok::kRpar)) {
          if (At(Tok::kComma) && args.empty() && keywords.empty()) {
            // Generator expression must be parenthesized
          }
          if (At(Tok::kComma) || !args.empty() || !keywords.empty()) {
            return Fail("SyntaxError", "Generator expression must be parenthesized", e->lineno,
                        e->col_offset + 1, T(LastTok()).end_lineno, T(LastTok()).end_col + 1), false;
          }
          return false;
        }
        if (!args.empty() || !keywords.empty()) {
          return Fail("SyntaxError", "Generator expression must be parenthesized", e->lineno,
                      e->col_offset + 1, T(p_ - 2).end_lineno, T(p_ - 2).end_col + 1), false;
        }
        Node* g = Make(Kind::GeneratorExp, lp);
        SetN(g, 0, e);
        SetSeq(g, 1, gens);
        SetSeq(call, 1, {g});
        SetSeq(call, 2, {});
        return true;
      }
      if (seen_dstar) {
        return FailAtTok(Cur(), "positional argument follows keyword argument unpacking"), false;
      }
      if (seen_kw) {
        return FailAtTok(Cur(), "positional argument follows keyword argument"), false;
      }
      args.push_back(e);
    }
    if (!Accept(Tok::kComma)) break;
  }
  if (!Accept(Tok::kRpar)) return false;
  SetSeq(call, 1, args);
  SetSeq(call, 2, keywords);
  return true;
}

bool Parser::ForIfClauses(std::vector<Node*>* out) {
  while (AtKw(Kw::kFor) || (AtKw(Kw::kAsync) && PeekKw(1, Kw::kFor))) {
    bool async = AcceptKw(Kw::kAsync);
    size_t fs = p_;
    ++p_;
    Node* target = StarTargets();
    if (failed_) return false;
    if (!target || !AcceptKw(Kw::kIn)) {
      // invalid_for_target
      p_ = fs + 1;
      Node* e = StarExpressions();
      if (e && !failed_) {
        if (const Node* bad = SetContext(e, Kind::Store, true)) {
          return InvalidTarget(bad, "cannot assign to %s"), false;
        }
      }
      return false;
    }
    Node* iter = Disjunction();
    if (!iter) return false;
    std::vector<Node*> ifs;
    while (AtKw(Kw::kIf)) {
      ++p_;
      Node* c = Disjunction();
      if (!c) return false;
      ifs.push_back(c);
    }
    Node* comp = New(Kind::comprehension);
    SetN(comp, 0, target);
    SetN(comp, 1, iter);
    SetSeq(comp, 2, ifs);
    SetInt(comp, 3, async ? 1 : 0);
    out->push_back(comp);
  }
  return !out->empty();
}

Node* Parser::StarTargets() {
  PYRT_ENTER();
  size_t start = p_;
  Node* first = StarTarget();
  if (!first) return nullptr;
  if (!At(Tok::kComma)) return first;
  std::vector<Node*> elts{first};
  while (Accept(Tok::kComma)) {
    size_t save = p_;
    Node* e = StarTarget();
    if (failed_) return nullptr;
    if (!e) {
      p_ = save;
      break;
    }
    elts.push_back(e);
  }
  Node* n = Make(Kind::Tuple, start);
  SetSeq(n, 0, elts);
  SetN(n, 1, Op(Kind::Store));
  return n;
}

Node* Parser::StarTarget() {
  PYRT_ENTER();
  size_t start = p_;
  if (At(Tok::kStar)) {
    ++p_;
    if (At(Tok::kStar)) {
      p_ = start;
      return nullptr;
    }
    Node* v = StarTarget();
    if (!v) {
      p_ = start;
      return nullptr;
    }
    Node* n = Make(Kind::Starred, start);
    SetN(n, 0, v);
    SetN(n, 1, Op(Kind::Store));
    return n;
  }
  Node* e = Primary();
  if (!e) return nullptr;
  if (SetContext(e, Kind::Store)) {
    p_ = start;
    return nullptr;
  }
  return e;
}

Node* Parser::Slices() {
  PYRT_ENTER();
  size_t start = p_;
  Node* first = At(Tok::kStar) ? StarExpression() : Slice();
  if (!first) return nullptr;
  if (!At(Tok::kComma)) {
    if (first->kind == Kind::Starred) {
      // a[*b] is a one-element tuple in 3.11
      Node* n = Make(Kind::Tuple, start);
      SetSeq(n, 0, {first});
      SetN(n, 1, Op(Kind::Load));
      return n;
    }
    return first;
  }
  std::vector<Node*> elts{first};
  while (Accept(Tok::kComma)) {
    if (At(Tok::kRsqb)) break;
    Node* e = At(Tok::kStar) ? StarExpression() : Slice();
    if (!e) return nullptr;
    elts.push_back(e);
  }
  Node* n = Make(Kind::Tuple, start);
  SetSeq(n, 0, elts);
  SetN(n, 1, Op(Kind::Load));
  return n;
}

Node* Parser::Slice() {
  PYRT_ENTER();
  size_t start = p_;
  Node* lower = nullptr;
  if (!At(Tok::kColon)) {
    lower = Expression();
    if (!lower) return nullptr;
    if (!At(Tok::kColon)) {
      // named_expression
      p_ = start;
      return NamedExpression();
    }
  }
  ++p_;  // ':'
  Node* upper = nullptr;
  Node* step = nullptr;
  if (!At(Tok::kColon) && !At(Tok::kRsqb) && !At(Tok::kComma)) {
    upper = Expression();
    if (failed_) return nullptr;
  }
  if (Accept(Tok::kColon)) {
    if (!At(Tok::kRsqb) && !At(Tok::kComma)) {
      step = Expression();
      if (failed_) return nullptr;
    }
  }
  Node* n = Make(Kind::Slice, start);
  if (lower) SetN(n, 0, lower);
  if (upper) SetN(n, 1, upper);
  if (step) SetN(n, 2, step);
  return n;
}

Node* Parser::Number(const Token& t) {
  Node* n = New(Kind::Constant);
  n->lineno = t.lineno;
  n->col_offset = t.col;
  n->end_lineno = t.end_lineno;
  n->end_col_offset = t.end_col;
  Constant* c = a_->New<Constant>();
  std::string storage;
  compiler_internal::ParseNumber(TokText(t), c, &storage);
  c->text = a_->Intern(storage);
  n->f[0].tag = Slot::kConst;
  n->f[0].cst = c;
  return n;
}

Node* Parser::Atom() {
  PYRT_ENTER();
  const Token& t = Cur();
  size_t start = p_;
  switch (t.type) {
    case Tok::kName:
      switch (t.kw) {
        case Kw::kNone_: ++p_; return MakeName(t, Kind::Load);
        case Kw::kTrue: ++p_; return ConstNode(Constant::kTrue, start);
        case Kw::kFalse: ++p_; return ConstNode(Constant::kFalse, start);
        case Kw::kNone: ++p_; return ConstNode(Constant::kNone, start);
        default: return nullptr;
      }
    case Tok::kNumber: ++p_; return Number(t);
    case Tok::kString: return Strings();
    case Tok::kEllipsis: ++p_; return ConstNode(Constant::kEllipsis, start);
    case Tok::kLpar: return ParenAtom();
    case Tok::kLsqb: return ListAtom();
    case Tok::kLbrace: return BraceAtom();
    default: return nullptr;
  }
}

Node* Parser::ParenAtom() {
  size_t start = p_++;
  if (Accept(Tok::kRpar)) {
    Node* n = Make(Kind::Tuple, start);
    SetSeq(n, 0, {});
    SetN(n, 1, Op(Kind::Load));
    return n;
  }
  if (At(Tok::kDoubleStar)) {
    const Token& ds = Cur();
    ++p_;
    if (Expression() && At(Tok::kRpar)) {
      return FailAtTok(ds, "cannot use double starred expression here");
    }
    if (failed_) return nullptr;
    p_ = start;
    return nullptr;
  }
  if (AtKw(Kw::kYield)) {
    Node* y = YieldExpr();
    if (!y || !Accept(Tok::kRpar)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    return y;
  }
  Node* first = StarNamedExpression();
  if (!first) {
    p_ = start;
    return nullptr;
  }
  if (Accept(Tok::kRpar)) {
    if (first->kind == Kind::Starred) {
      return FailAtNode(first, "cannot use starred expression here");
    }
    return first;
  }
  if ((AtKw(Kw::kFor) || (AtKw(Kw::kAsync) && PeekKw(1, Kw::kFor))) && first->kind == Kind::Starred) {
    return FailAtNode(first, "iterable unpacking cannot be used in comprehension");
  }
  if ((AtKw(Kw::kFor) || (AtKw(Kw::kAsync) && PeekKw(1, Kw::kFor))) && first->kind != Kind::Starred) {
    std::vector<Node*> gens;
    if (!ForIfClauses(&gens) || !Accept(Tok::kRpar)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    Node* g = Make(Kind::GeneratorExp, start);
    SetN(g, 0, first);
    SetSeq(g, 1, gens);
    return g;
  }
  if (!At(Tok::kComma)) {
    p_ = start;
    return nullptr;
  }
  std::vector<Node*> elts{first};
  while (Accept(Tok::kComma)) {
    if (At(Tok::kRpar)) break;
    Node* e = StarNamedExpression();
    if (!e) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    elts.push_back(e);
  }
  if (!Accept(Tok::kRpar)) {
    p_ = start;
    return nullptr;
  }
  Node* n = Make(Kind::Tuple, start);
  SetSeq(n, 0, elts);
  SetN(n, 1, Op(Kind::Load));
  return n;
}

Node* Parser::ListAtom() {
  size_t start = p_++;
  std::vector<Node*> elts;
  if (!At(Tok::kRsqb)) {
    Node* first = StarNamedExpression();
    if (!first) {
      p_ = start;
      return nullptr;
    }
    if ((AtKw(Kw::kFor) || (AtKw(Kw::kAsync) && PeekKw(1, Kw::kFor))) && first->kind == Kind::Starred) {
      return FailAtNode(first, "iterable unpacking cannot be used in comprehension");
    }
    if ((AtKw(Kw::kFor) || (AtKw(Kw::kAsync) && PeekKw(1, Kw::kFor))) && first->kind != Kind::Starred) {
      std::vector<Node*> gens;
      if (!ForIfClauses(&gens) || !Accept(Tok::kRsqb)) {
        if (!failed_) p_ = start;
        return nullptr;
      }
      Node* g = Make(Kind::ListComp, start);
      SetN(g, 0, first);
      SetSeq(g, 1, gens);
      return g;
    }
    elts.push_back(first);
    while (Accept(Tok::kComma)) {
      if (At(Tok::kRsqb)) break;
      Node* e = StarNamedExpression();
      if (!e) {
        if (!failed_) p_ = start;
        return nullptr;
      }
      elts.push_back(e);
    }
  }
  if (!Accept(Tok::kRsqb)) {
    p_ = start;
    return nullptr;
  }
  Node* n = Make(Kind::List, start);
  SetSeq(n, 0, elts);
  SetN(n, 1, Op(Kind::Load));
  return n;
}

Node* Parser::BraceAtom() {
  size_t start = p_++;
  if (Accept(Tok::kRbrace)) {
    Node* n = Make(Kind::Dict, start);
    SetSeq(n, 0, {});
    SetSeq(n, 1, {});
    return n;
  }
  auto is_for = [&]() { return AtKw(Kw::kFor) || (AtKw(Kw::kAsync) && PeekKw(1, Kw::kFor)); };
  // Dict (or dict comprehension)?
  Node* k0 = nullptr;
  Node* v0 = nullptr;
  bool dict = false;
  if (At(Tok::kDoubleStar)) {
    dict = true;
    ++p_;
    v0 = BitOr();
    if (!v0) {
      if (!failed_) p_ = start;
      return nullptr;
    }
  } else {
    size_t save = p_;
    Node* k = Expression();
    if (k && Accept(Tok::kColon)) {
      Node* v = Expression();
      if (!v) {
        if (!failed_) p_ = start;
        return nullptr;
      }
      dict = true;
      k0 = k;
      v0 = v;
    } else {
      if (failed_) return nullptr;
      p_ = save;
    }
  }
  if (dict) {
    if (!k0 && is_for()) {
      return FailAtTok(T(start + 1), "dict unpacking cannot be used in dict comprehension");
    }
    if (k0 && is_for()) {
      std::vector<Node*> gens;
      if (!ForIfClauses(&gens) || !Accept(Tok::kRbrace)) {
        if (!failed_) p_ = start;
        return nullptr;
      }
      Node* g = Make(Kind::DictComp, start);
      SetN(g, 0, k0);
      SetN(g, 1, v0);
      SetSeq(g, 2, gens);
      return g;
    }
    std::vector<Node*> keys{k0}, values{v0};
    while (Accept(Tok::kComma)) {
      if (At(Tok::kRbrace)) break;
      if (Accept(Tok::kDoubleStar)) {
        Node* v = BitOr();
        if (!v) {
          if (!failed_) p_ = start;
          return nullptr;
        }
        keys.push_back(nullptr);
        values.push_back(v);
        continue;
      }
      Node* k = Expression();
      if (k && !At(Tok::kColon) && (At(Tok::kComma) || At(Tok::kRbrace))) {
        return Fail("SyntaxError", "':' expected after dictionary key", k->lineno,
                    k->end_col_offset, k->end_lineno, 0);
      }
      if (!k || !Accept(Tok::kColon)) {
        if (!failed_) p_ = start;
        return nullptr;
      }
      if (At(Tok::kComma) || At(Tok::kRbrace)) {
        return FailAtTok(T(p_ - 1), "expression expected after dictionary key and ':'");
      }
      Node* v = Expression();
      if (!v) {
        if (!failed_) p_ = start;
        return nullptr;
      }
      keys.push_back(k);
      values.push_back(v);
    }
    if (!Accept(Tok::kRbrace)) {
      p_ = start;
      return nullptr;
    }
    Node* n = Make(Kind::Dict, start);
    SetSeq(n, 0, keys);
    SetSeq(n, 1, values);
    return n;
  }
  Node* first = StarNamedExpression();
  if (!first) {
    p_ = start;
    return nullptr;
  }
  if (is_for() && first->kind == Kind::Starred) {
    return FailAtNode(first, "iterable unpacking cannot be used in comprehension");
  }
  if (is_for() && first->kind != Kind::Starred) {
    std::vector<Node*> gens;
    if (!ForIfClauses(&gens) || !Accept(Tok::kRbrace)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    Node* g = Make(Kind::SetComp, start);
    SetN(g, 0, first);
    SetSeq(g, 1, gens);
    return g;
  }
  std::vector<Node*> elts{first};
  while (Accept(Tok::kComma)) {
    if (At(Tok::kRbrace)) break;
    Node* e = StarNamedExpression();
    if (!e) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    elts.push_back(e);
  }
  if (!Accept(Tok::kRbrace)) {
    p_ = start;
    return nullptr;
  }
  Node* n = Make(Kind::Set, start);
  SetSeq(n, 0, elts);
  return n;
}

// --- match statement ---

Node* Parser::MatchStmt() {
  size_t start = p_;
  ++p_;  // "match"
  size_t ss = p_;
  Node* subject = StarNamedExpression();
  if (!subject) {
    p_ = start;
    return nullptr;
  }
  if (At(Tok::kComma)) {
    std::vector<Node*> elts{subject};
    while (Accept(Tok::kComma)) {
      if (At(Tok::kColon)) break;
      Node* e = StarNamedExpression();
      if (!e) {
        p_ = start;
        return nullptr;
      }
      elts.push_back(e);
    }
    subject = Make(Kind::Tuple, ss);
    SetSeq(subject, 0, elts);
    SetN(subject, 1, Op(Kind::Load));
  } else if (subject->kind == Kind::Starred) {
    p_ = start;
    return nullptr;
  }
  if (!Accept(Tok::kColon) || !Accept(Tok::kNewline)) {
    p_ = start;
    return nullptr;
  }
  if (!Accept(Tok::kIndent)) {
    const Token& t = Cur();
    char buf[128];
    std::snprintf(buf, sizeof(buf), "expected an indented block after 'match' statement on line %d",
                  T(start).lineno);
    return Fail("IndentationError", buf, t.lineno, t.col + 1, t.end_lineno, t.end_col + 1);
  }
  std::vector<Node*> cases;
  while (AtSoft("case")) {
    size_t cs = p_;
    const Token& ckw = Cur();
    ++p_;
    Node* pat = Patterns();
    if (!pat) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    Node* guard = nullptr;
    if (AcceptKw(Kw::kIf)) {
      guard = NamedExpression();
      if (!guard) {
        if (!failed_) p_ = start;
        return nullptr;
      }
    }
    if (!ExpectColon()) {
      if (failed_) return nullptr;
      p_ = start;
      return nullptr;
    }
    std::vector<Node*> body;
    if (!Block(&body, "'case' statement", ckw)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    (void)cs;
    Node* mc = New(Kind::match_case);
    SetN(mc, 0, pat);
    if (guard) SetN(mc, 1, guard);
    SetSeq(mc, 2, body);
    cases.push_back(mc);
  }
  if (cases.empty() || !Accept(Tok::kDedent)) {
    p_ = start;
    return nullptr;
  }
  Node* n = Make(Kind::Match, start);
  SetN(n, 0, subject);
  SetSeq(n, 1, cases);
  return n;
}

Node* Parser::Patterns() {
  PYRT_ENTER();
  size_t start = p_;
  Node* first = MaybeStarPattern();
  if (!first) return nullptr;
  if (!At(Tok::kComma)) {
    if (first->kind == Kind::MatchStar) {
      p_ = start;
      return nullptr;
    }
    return first;
  }
  std::vector<Node*> pats{first};
  while (Accept(Tok::kComma)) {
    if (At(Tok::kColon) || AtKw(Kw::kIf)) break;
    Node* p = MaybeStarPattern();
    if (!p) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    pats.push_back(p);
  }
  Node* n = Make(Kind::MatchSequence, start);
  SetSeq(n, 0, pats);
  return n;
}

Node* Parser::MaybeStarPattern() {
  PYRT_ENTER();
  if (At(Tok::kStar)) {
    size_t start = p_++;
    if (!AtName()) {
      p_ = start;
      return nullptr;
    }
    const Token& nm = Cur();
    ++p_;
    Node* n = Make(Kind::MatchStar, start);
    if (TokText(nm) != "_") SetIdTok(n, 0, nm);
    return n;
  }
  return Pattern();
}

Node* Parser::Pattern() {
  PYRT_ENTER();
  size_t start = p_;
  Node* p = OrPattern();
  if (!p) return nullptr;
  if (AtKw(Kw::kAs)) {
    ++p_;
    if (AtName() && TokText(Cur()) != "_" &&
        !(PeekIs(1, Tok::kDot) || PeekIs(1, Tok::kLpar) || PeekIs(1, Tok::kEqual))) {
      const Token& nm = Cur();
      ++p_;
      Node* n = Make(Kind::MatchAs, start);
      SetN(n, 0, p);
      SetIdTok(n, 1, nm);
      return n;
    }
    if (AtSoft("_")) return FailAtTok(Cur(), "cannot use '_' as a target");
    if (AtName()) {
      p_ = start;
      return nullptr;
    }
    size_t ts = p_;
    Node* e = Expression();
    if (e) {
      (void)ts;
      return FailAtNode(e, "invalid pattern target");
    }
    p_ = start;
    return nullptr;
  }
  return p;
}

Node* Parser::OrPattern() {
  PYRT_ENTER();
  size_t start = p_;
  Node* first = ClosedPattern();
  if (!first) return nullptr;
  if (!At(Tok::kVbar)) return first;
  std::vector<Node*> pats{first};
  while (Accept(Tok::kVbar)) {
    Node* p = ClosedPattern();
    if (!p) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    pats.push_back(p);
  }
  Node* n = Make(Kind::MatchOr, start);
  SetSeq(n, 0, pats);
  return n;
}

// signed_number / complex_number / strings / None / True / False.  Returns the
// expression; *is_singleton for None/True/False.
Node* Parser::LiteralExprForPattern(bool* is_singleton) {
  size_t start = p_;
  *is_singleton = false;
  if (AtKw(Kw::kNone) || AtKw(Kw::kTrue) || AtKw(Kw::kFalse)) {
    *is_singleton = true;
    return Atom();
  }
  if (At(Tok::kString)) return Strings();
  bool neg = false;
  if (At(Tok::kMinus)) {
    neg = true;
    ++p_;
  }
  if (!At(Tok::kNumber)) {
    p_ = start;
    return nullptr;
  }
  Node* num = Number(Cur());
  ++p_;
  Node* real = num;
  if (neg) {
    real = Make(Kind::UnaryOp, start);
    SetN(real, 0, Op(Kind::USub));
    SetN(real, 1, num);
  }
  if (At(Tok::kPlus) || At(Tok::kMinus)) {
    bool plus = At(Tok::kPlus);
    size_t save = p_;
    ++p_;
    if (!At(Tok::kNumber)) {
      p_ = save;
      return real;
    }
    Node* imag = Number(Cur());
    ++p_;
    if (num->f[0].cst->type == Constant::kComplex) {
      return FailAtNode(num, "real number required in complex literal");
    }
    if (imag->f[0].cst->type != Constant::kComplex) {
      return FailAtNode(imag, "imaginary number required in complex literal");
    }
    Node* n = Make(Kind::BinOp, start);
    SetN(n, 0, real);
    SetN(n, 1, Op(plus ? Kind::Add : Kind::Sub));
    SetN(n, 2, imag);
    return n;
  }
  return real;
}

Node* Parser::NameOrAttr() {
  size_t start = p_;
  if (!AtName()) return nullptr;
  Node* e = MakeName(Cur(), Kind::Load);
  ++p_;
  while (At(Tok::kDot) && T(p_ + 1).type == Tok::kName && T(p_ + 1).kw == Kw::kNone_) {
    const Token& nm = T(p_ + 1);
    p_ += 2;
    Node* a = Make(Kind::Attribute, start);
    SetN(a, 0, e);
    SetIdTok(a, 1, nm);
    SetN(a, 2, Op(Kind::Load));
    e = a;
  }
  return e;
}

bool Parser::MaybeSequencePattern(std::vector<Node*>* out, Tok close) {
  while (!At(close)) {
    Node* p = MaybeStarPattern();
    if (!p) return false;
    out->push_back(p);
    if (!Accept(Tok::kComma)) break;
  }
  return true;
}

Node* Parser::ClosedPattern() {
  PYRT_ENTER();
  size_t start = p_;
  // Literals.
  if (At(Tok::kNumber) || At(Tok::kMinus) || At(Tok::kString) || AtKw(Kw::kNone) ||
      AtKw(Kw::kTrue) || AtKw(Kw::kFalse)) {
    bool singleton;
    Node* v = LiteralExprForPattern(&singleton);
    if (!v) return nullptr;
    if (singleton) {
      Node* n = Make(Kind::MatchSingleton, start);
      n->f[0] = v->f[0];
      return n;
    }
    Node* n = Make(Kind::MatchValue, start);
    SetN(n, 0, v);
    return n;
  }
  if (AtName()) {
    Node* e = NameOrAttr();
    if (At(Tok::kLpar)) {
      // class pattern
      ++p_;
      std::vector<Node*> pats, kwd_attrs, kwd_pats;
      while (!At(Tok::kRpar)) {
        if (AtName() && PeekIs(1, Tok::kEqual)) {
          Node* nm = New(Kind::Name);
          SetIdTok(nm, 0, Cur());
          p_ += 2;
          Node* p = Pattern();
          if (!p) {
            if (!failed_) p_ = start;
            return nullptr;
          }
          kwd_attrs.push_back(nm);
          kwd_pats.push_back(p);
        } else {
          Node* p = Pattern();
          if (!p) {
            if (!failed_) p_ = start;
            return nullptr;
          }
          if (!kwd_attrs.empty()) {
            return FailAtNode(p, "positional patterns follow keyword patterns");
          }
          pats.push_back(p);
        }
        if (!Accept(Tok::kComma)) break;
      }
      if (!Accept(Tok::kRpar)) {
        p_ = start;
        return nullptr;
      }
      Node* n = Make(Kind::MatchClass, start);
      SetN(n, 0, e);
      SetSeq(n, 1, pats);
      SetSeq(n, 2, kwd_attrs);
      SetSeq(n, 3, kwd_pats);
      return n;
    }
    if (At(Tok::kDot) || At(Tok::kEqual)) {
      p_ = start;
      return nullptr;
    }
    if (e->kind == Kind::Attribute) {
      Node* n = Make(Kind::MatchValue, start);
      SetN(n, 0, e);
      return n;
    }
    Node* n = Make(Kind::MatchAs, start);
    if (e->f[0].ident() != "_") n->f[1] = e->f[0];
    return n;
  }
  if (At(Tok::kLpar)) {
    ++p_;
    if (Accept(Tok::kRpar)) {
      Node* n = Make(Kind::MatchSequence, start);
      SetSeq(n, 0, {});
      return n;
    }
    Node* first = MaybeStarPattern();
    if (!first) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    if (first->kind != Kind::MatchStar && Accept(Tok::kRpar)) return first;  // group
    if (!Accept(Tok::kComma)) {
      p_ = start;
      return nullptr;
    }
    std::vector<Node*> pats{first};
    if (!MaybeSequencePattern(&pats, Tok::kRpar) || !Accept(Tok::kRpar)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    Node* n = Make(Kind::MatchSequence, start);
    SetSeq(n, 0, pats);
    return n;
  }
  if (At(Tok::kLsqb)) {
    ++p_;
    std::vector<Node*> pats;
    if (!MaybeSequencePattern(&pats, Tok::kRsqb) || !Accept(Tok::kRsqb)) {
      if (!failed_) p_ = start;
      return nullptr;
    }
    Node* n = Make(Kind::MatchSequence, start);
    SetSeq(n, 0, pats);
    return n;
  }
  if (At(Tok::kLbrace)) {
    ++p_;
    std::vector<Node*> keys, pats;
    Token rest;
    bool has_rest = false;
    while (!At(Tok::kRbrace)) {
      if (At(Tok::kDoubleStar)) {
        ++p_;
        if (!AtName()) {
          p_ = start;
          return nullptr;
        }
        rest = Cur();
        has_rest = true;
        ++p_;
        Accept(Tok::kComma);
        break;
      }
      Node* key;
      if (AtName()) {
        key = NameOrAttr();
        if (key->kind != Kind::Attribute) {
          p_ = start;
          return nullptr;
        }
      } else {
        bool singleton;
        key = LiteralExprForPattern(&singleton);
      }
      if (!key || !Accept(Tok::kColon)) {
        if (!failed_) p_ = start;
        return nullptr;
      }
      Node* p = Pattern();
      if (!p) {
        if (!failed_) p_ = start;
        return nullptr;
      }
      keys.push_back(key);
      pats.push_back(p);
      if (!Accept(Tok::kComma)) break;
    }
    if (!Accept(Tok::kRbrace)) {
      p_ = start;
      return nullptr;
    }
    Node* n = Make(Kind::MatchMapping, start);
    SetSeq(n, 0, keys);
    SetSeq(n, 1, pats);
    if (has_rest) SetIdTok(n, 2, rest);
    return n;
  }
  return nullptr;
}

// --- strings and f-strings (Parser/string_parser.c of 3.11) ---

Node* Parser::StrNode(std::string* s, size_t first, size_t last) {
  Node* n = New(Kind::Constant);
  const Token& a = t_[first];
  const Token& b = t_[last];
  n->lineno = a.lineno;
  n->col_offset = a.col;
  n->end_lineno = b.end_lineno;
  n->end_col_offset = b.end_col;
  Constant* c = a_->New<Constant>();
  c->type = Constant::kStr;
  c->text = a_->Intern(*s);
  n->f[0].tag = Slot::kConst;
  n->f[0].cst = c;
  if (TokText(a)[0] == 'u') SetId(n, 1, "u");
  s->clear();
  return n;
}

Node* Parser::FstringFinish(FState* st, size_t first, size_t last) {
  if (!st->fmode) {
    return StrNode(&st->last, first, last);
  }
  if (!st->last.empty()) st->exprs.push_back(StrNode(&st->last, first, last));
  Node* n = New(Kind::JoinedStr);
  const Token& a = t_[first];
  const Token& b = t_[last];
  n->lineno = a.lineno;
  n->col_offset = a.col;
  n->end_lineno = b.end_lineno;
  n->end_col_offset = b.end_col;
  SetSeq(n, 0, st->exprs);
  return n;
}

Node* Parser::FstringCompileExpr(const char* expr_start, const char* expr_end, size_t ti) {
  const char* s = expr_start;
  while (s != expr_end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) ++s;
  if (s == expr_end) {
    if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=') {
      char buf[64];
      std::snprintf(buf, sizeof(buf), "f-string: expression required before '%c'", *expr_end);
      return FailAtTok(Cur(), buf);
    }
    return FailAtTok(Cur(), "f-string: empty expression not allowed");
  }
  const Token& t = t_[ti];
  const char* parent = text_.data() + t.start;
  // fstring_find_expr_location
  int lines = 0, cols = 0;
  const char* brace = expr_start - 1;
  bool newline_after_brace = true;
  for (const char* q = brace + 1; q < text_.data() + text_.size() && *q != '}' && *q != '\n'; ++q) {
    if (*q != ' ' && *q != '\t' && *q != '\f') {
      newline_after_brace = false;
      break;
    }
  }
  if (!newline_after_brace) {
    const char* q = brace;
    while (q > parent && *q != '\n') --q;
    cols += static_cast<int>(brace - q);
    if (*q == '\n') cols -= 1;
  }
  for (const char* q = parent; q < brace; ++q) {
    if (*q == '\n') ++lines;
  }
  std::string sub;
  sub.reserve(static_cast<size_t>(expr_end - expr_start) + 3);
  sub.push_back('(');
  sub.append(expr_start, expr_end);
  sub.append(")\n");
  TokenizeOptions opt;
  opt.line_shift = t.lineno + lines - 1;
  int starting_col = lines != 0 ? cols : t.col + cols;
  opt.first_line_col_shift = starting_col;
  std::vector<Token> toks;
  SyntaxErrorInfo terr;
  if (!Tokenize(sub, opt, &toks, &terr) || !terr.type.empty() || !terr.msg.empty()) {
    if (terr.type.empty()) terr.type = "SyntaxError";
    failed_ = true;
    *err_ = terr;
    return nullptr;
  }
  Parser sp(a_, sub, &toks, depth_, err_, true);
  sp.SetChars(chars_);
  sp.SetShift(opt.line_shift, starting_col);
  Node* e = sp.FstringExpression();
  if (!e) {
    if (!sp.failed()) {
      const Token& last = sp.TokenAt(sp.furthest());
      sp.FailAtTok(last, "invalid syntax");
    }
    failed_ = true;
    return nullptr;
  }
  return e;
}

Node* Parser::FstringExpression() {
  Node* e = StarExpressions();
  if (!e) return nullptr;
  if (!At(Tok::kNewline)) return nullptr;
  return e;
}

Node* Parser::FstringFindExpr(const char** str, const char* end, bool raw, int lvl,
                              std::string* expr_text, bool* have_text, size_t first, size_t ti,
                              size_t last) {
  *have_text = false;
  if (lvl >= 2) return FailAtTok(Cur(), "f-string: expressions nested too deeply");
  ++*str;  // '{'
  const char* expr_start = *str;
  char quote = 0;
  int string_type = 0;
  int depth = 0;
  char parens[200];
  for (; *str < end; ++*str) {
    char ch = **str;
    if (ch == '\\') return FailAtTok(Cur(), "f-string expression part cannot include a backslash");
    if (quote) {
      if (ch == quote) {
        if (string_type == 3) {
          if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
            *str += 2;
            string_type = 0;
            quote = 0;
            continue;
          }
        } else {
          string_type = 0;
          quote = 0;
          continue;
        }
      }
    } else if (ch == '\'' || ch == '"') {
      if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
        string_type = 3;
        *str += 2;
      } else {
        string_type = 1;
      }
      quote = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (depth >= 200) return FailAtTok(Cur(), "f-string: too many nested parenthesis");
      parens[depth++] = ch;
    } else if (ch == '#') {
      return FailAtTok(Cur(), "f-string expression part cannot include '#'");
    } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (*str + 1 < end) {
        char next = (*str)[1];
        if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
            (ch == '>' && next == '=')) {
          ++*str;
          continue;
        }
      }
      if (ch == '>' || ch == '<') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      if (!depth) {
        char buf[64];
        std::snprintf(buf, sizeof(buf), "f-string: unmatched '%c'", ch);
        return FailAtTok(Cur(), buf);
      }
      --depth;
      char open = parens[depth];
      if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}'))) {
        char buf[128];
        std::snprintf(buf, sizeof(buf),
                      "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                      ch, open);
        return FailAtTok(Cur(), buf);
      }
    }
  }
  const char* expr_end = *str;
  if (quote) return FailAtTok(Cur(), "f-string: unterminated string");
  if (depth) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "f-string: unmatched '%c'", parens[depth - 1]);
    return FailAtTok(Cur(), buf);
  }
  if (*str >= end) return FailAtTok(Cur(), "f-string: expecting '}'");
  Node* simple = FstringCompileExpr(expr_start, expr_end, ti);
  if (!simple) return nullptr;
  int conversion = -1;
  if (**str == '=') {
    ++*str;
    while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\r' ||
                          **str == '\f' || **str == '\v')) {
      ++*str;
    }
    if (*str >= end) return FailAtTok(Cur(), "f-string: expecting '}'");
    expr_text->assign(expr_start, *str);
    *have_text = true;
  }
  if (**str == '!') {
    ++*str;
    if (*str >= end) return FailAtTok(Cur(), "f-string: expecting '}'");
    conversion = static_cast<unsigned char>(**str);
    ++*str;
    if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
      return FailAtTok(Cur(), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }
  Node* spec = nullptr;
  if (*str < end && **str == ':') {
    ++*str;
    if (*str >= end) return FailAtTok(Cur(), "f-string: expecting '}'");
    FState st;
    if (!FstringConcat(&st, str, end, raw, lvl + 1, first, ti, last)) return nullptr;
    spec = FstringFinish(&st, ti, ti);
  }
  if (*str >= end || **str != '}') return FailAtTok(Cur(), "f-string: expecting '}'");
  ++*str;
  if (*have_text && !spec && conversion == -1) conversion = 'r';
  Node* fv = New(Kind::FormattedValue);
  const Token& a = t_[first];
  const Token& b = t_[last];
  fv->lineno = a.lineno;
  fv->col_offset = a.col;
  fv->end_lineno = b.end_lineno;
  fv->end_col_offset = b.end_col;
  SetN(fv, 0, simple);
  SetInt(fv, 1, conversion);
  if (spec) SetN(fv, 2, spec);
  return fv;
}

bool Parser::FstringConcat(FState* st, const char** str, const char* end, bool raw, int lvl,
                           size_t first, size_t ti, size_t last) {
  st->fmode = true;
  for (;;) {
    // fstring_find_literal
    const char* s = *str;
    const char* lit_start = s;
    bool doubled = false;
    while (s < end) {
      char ch = *s++;
      if (!raw && ch == '\\' && s < end) {
        ch = *s++;
        if (ch == 'N') {
          if (s < end && *s++ == '{') {
            while (s < end && *s++ != '}') {
            }
            continue;
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (lvl == 0) {
          if (s < end && *s == ch) {
            *str = s + 1;
            doubled = true;
            break;
          }
          if (ch == '}') {
            *str = s - 1;
            return FailAtTok(Cur(), "f-string: single '}' is not allowed"), false;
          }
        }
        --s;
        break;
      }
    }
    if (!doubled) *str = s;
    if (s != lit_start) {
      std::string_view lit(lit_start, static_cast<size_t>(s - lit_start));
      if (raw) {
        st->last.append(lit);
      } else {
        std::string dec, derr;
        if (!compiler_internal::DecodeEscapes(lit, false, &dec, &derr)) {
          return FailAtTok(Cur(), derr), false;
        }
        st->last.append(dec);
      }
    }
    if (doubled) continue;
    if (*str >= end || **str == '}') break;
    std::string expr_text;
    bool have_text;
    Node* fv = FstringFindExpr(str, end, raw, lvl, &expr_text, &have_text, first, ti, last);
    if (!fv) return false;
    if (have_text) st->last.append(expr_text);
    if (!st->last.empty()) st->exprs.push_back(StrNode(&st->last, first, last));
    st->exprs.push_back(fv);
  }
  if (lvl == 0 && *str < end) {
    return FailAtTok(Cur(), "f-string: unexpected end of string"), false;
  }
  if (lvl != 0 && (*str >= end || **str != '}')) {
    return FailAtTok(Cur(), "f-string: expecting '}'"), false;
  }
  return true;
}

Node* Parser::Strings() {
  PYRT_ENTER();
  size_t first = p_;
  while (At(Tok::kString)) ++p_;
  size_t last = p_ - 1;
  Cur();  // CPython's strings rule looks one token ahead
  FState st;
  bool bytesmode = false;
  std::string bytes;
  for (size_t i = first; i <= last; ++i) {
    const Token& t = t_[i];
    std::string_view tx = TokText(t);
    size_t k = 0;
    bool is_b = false, is_r = false, is_f = false;
    while (tx[k] != '"' && tx[k] != '\'') {
      char c = static_cast<char>(tx[k] | 0x20);
      if (c == 'b') is_b = true;
      if (c == 'r') is_r = true;
      if (c == 'f') is_f = true;
      ++k;
    }
    char q = tx[k];
    size_t qs = (tx.size() - k >= 6 && tx[k + 1] == q && tx[k + 2] == q) ? 3 : 1;
    std::string_view body = tx.substr(k + qs, tx.size() - k - 2 * qs);
    if (i != first && bytesmode != is_b) {
      return FailAtTok(Cur(), "cannot mix bytes and nonbytes literals");
    }
    bytesmode = is_b;
    if (is_f) {
      const char* s = body.data();
      if (!FstringConcat(&st, &s, body.data() + body.size(), is_r, 0, first, i, last)) {
        return nullptr;
      }
      continue;
    }
    if (is_b) {
      for (char c : body) {
        if (static_cast<unsigned char>(c) >= 128) {
          return FailAtTok(Cur(), "bytes can only contain ASCII literal characters");
        }
      }
    }
    if (!is_b) {
      const char* why = nullptr;
      size_t bad = compiler_internal::FirstInvalidUtf8(body, &why);
      if (bad != std::string_view::npos) {
        char buf[160];
        std::snprintf(buf, sizeof(buf),
                      "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                      static_cast<unsigned char>(body[bad]), bad, why);
        return FailAtTok(Cur(), buf);
      }
    }
    std::string dec;
    if (is_r) {
      dec.assign(body);
    } else {
      std::string derr;
      if (!compiler_internal::DecodeEscapes(body, is_b, &dec, &derr)) {
        return FailAtTok(Cur(), derr);
      }
    }
    if (is_b) {
      bytes += dec;
    } else {
      st.last += dec;
    }
  }
  if (bytesmode) {
    Node* n = New(Kind::Constant);
    const Token& a = t_[first];
    const Token& b = t_[last];
    n->lineno = a.lineno;
    n->col_offset = a.col;
    n->end_lineno = b.end_lineno;
    n->end_col_offset = b.end_col;
    Constant* c = a_->New<Constant>();
    c->type = Constant::kBytes;
    c->text = a_->Intern(bytes);
    n->f[0].tag = Slot::kConst;
    n->f[0].cst = c;
    return n;
  }
  return FstringFinish(&st, first, last);
}

void Parser::SetGenericError(const SyntaxErrorInfo* eof_info) {
  const Token& last = TokenAt(furthest_);
  if (last.type == Tok::kEndMarker && eof_info && !eof_info->msg.empty()) {
    // "'(' was never closed"
    std::string_view line = LineAt(text_, eof_info->lineno);
    failed_ = true;
    err_->type = "SyntaxError";
    err_->msg = eof_info->msg;
    err_->lineno = err_->end_lineno = eof_info->lineno;
    std::string with_nl(line);
    with_nl.push_back('\n');
    size_t n = static_cast<size_t>(eof_info->offset);
    if (n > with_nl.size()) n = with_nl.size();
    err_->offset = chars_ ? CountChars(std::string_view(with_nl).substr(0, n)) : static_cast<int>(n);
    err_->end_offset = 0;
    return;
  }
  if (last.type == Tok::kIndent) {
    FailAtTok(last, "unexpected indent", "IndentationError");
    std::string_view line = LineAt(text_, last.lineno);
    err_->offset = CountChars(line.substr(0, static_cast<size_t>(last.end_col)));
    err_->end_offset = -1;
    return;
  }
  if (last.type == Tok::kDedent) {
    FailAtTok(last, "unexpected unindent", "IndentationError");
    return;
  }
  FailAtTok(last, "invalid syntax");
}

}  // namespace

ParseResult ParseFile(std::string_view bytes) {
  ParseResult r;
  r.arena = std::make_unique<Arena>();
  if (bytes.find('\0') != std::string_view::npos) {
    r.error.type = "ValueError";
    r.error.msg = "source code string cannot contain null bytes";
    r.error.lineno = r.error.offset = r.error.end_lineno = r.error.end_offset = kNoPosition;
    return r;
  }
  bool declared = false;
  if (!DecodeSource(bytes, &r.text, &r.error, &declared)) return r;
  std::vector<Token> toks;
  SyntaxErrorInfo tokerr;
  if (!Tokenize(r.text, TokenizeOptions{}, &toks, &tokerr)) {
    r.error = tokerr;
    return r;
  }
  // CPython's generated parser spends this many more levels than ours above the
  // expression chain (file -> statements -> ... -> expression); starting here
  // makes the MemoryError thresholds agree (e.g. 5969 nested unary minus).
  constexpr int kCPythonExtraLevels = 12;
  Parser p(r.arena.get(), r.text, &toks, kCPythonExtraLevels, &r.error);
  p.SetChars(declared);
  Node* m = p.File();
  if (m) {
    r.module = m;
    return r;
  }
  if (!p.failed()) p.SetGenericError(&tokerr);
  return r;
}

namespace {

// A token at the end of string input (CPython's tokenizer reports it with column -1,
// so a SyntaxError there has offset 0).
Token EofToken(Tok type, uint32_t text_size, int lineno) {
  Token t;
  t.type = type;
  t.start = t.end = text_size;
  t.lineno = t.end_lineno = lineno;
  t.col = t.end_col = -1;
  return t;
}

// Rewrites the end of a file-mode token stream the way CPython's tokenizer and
// pegen's token filler end string input for `rule` (see ParseString). `had_newline`:
// the source itself ended with a newline (the decoder appended one otherwise).
void EndForStringRule(std::vector<Token>* toks, std::string_view text, bool had_newline,
                      int eof_line, StartRule rule) {
  if (toks->empty() || toks->back().type != Tok::kEndMarker || toks->back().level > 0) return;
  size_t n = toks->size() - 1;  // the ENDMARKER
  int dedents = 0;
  while (n > 0 && (*toks)[n - 1].type == Tok::kDedent) {
    --n;
    ++dedents;
  }
  if (!had_newline && n > 0 && (*toks)[n - 1].type == Tok::kNewline &&
      (*toks)[n - 1].start + 1 == text.size()) {
    --n;  // the NEWLINE of the implied final '\n'
  }
  bool started = n > 0;
  uint32_t size = static_cast<uint32_t>(text.size());
  Token dedent = EofToken(Tok::kDedent, size, eof_line);
  toks->resize(n);
  if (rule == StartRule::kEval) {
    for (int i = 0; i < dedents; ++i) toks->push_back(dedent);
  } else if (had_newline) {
    // The tokenizer dedents at the end of input; the first ENDMARKER after a token
    // becomes NEWLINE.
    for (int i = 0; i < dedents; ++i) toks->push_back(dedent);
    if (started || dedents > 0) toks->push_back(EofToken(Tok::kNewline, size, eof_line));
  } else if (started) {
    // End of input in mid-line: NEWLINE, then the open blocks' DEDENTs and one more
    // NEWLINE.
    toks->push_back(EofToken(Tok::kNewline, size, eof_line));
    if (dedents > 0) {
      for (int i = 0; i < dedents; ++i) toks->push_back(dedent);
      toks->push_back(EofToken(Tok::kNewline, size, eof_line));
    }
  }
  toks->push_back(EofToken(Tok::kEndMarker, size, eof_line));
}

// pegen's bad_single_statement: anything but blanks and comments after the
// statement.
bool MoreThanOneStatement(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f') {
      ++pos;
    } else if (c == '#') {
      while (pos < text.size() && text[pos] != '\n') ++pos;
    } else {
      return true;
    }
  }
  return false;
}

bool NullBytes(std::string_view bytes, ParseResult* r) {
  if (bytes.find('\0') == std::string_view::npos) return false;
  r->error.type = "ValueError";
  r->error.msg = "source code string cannot contain null bytes";
  r->error.lineno = r->error.offset = r->error.end_lineno = r->error.end_offset = kNoPosition;
  return true;
}

}  // namespace

ParseResult ParseString(std::string_view bytes, StartRule rule) {
  if (rule == StartRule::kFile) return ParseFile(bytes);
  ParseResult r;
  r.arena = std::make_unique<Arena>();
  if (NullBytes(bytes, &r)) return r;
  bool declared = false;
  if (!DecodeSource(bytes, &r.text, &r.error, &declared)) return r;
  bool had_newline = !bytes.empty() && (bytes.back() == '\n' || bytes.back() == '\r');
  // CPython's line counter at the end of string input.
  int eof_line = 0;
  for (char c : r.text) eof_line += c == '\n';
  if (bytes.empty()) eof_line = 0;
  std::vector<Token> toks;
  SyntaxErrorInfo tokerr;
  if (!Tokenize(r.text, TokenizeOptions{}, &toks, &tokerr)) {
    r.error = tokerr;
    return r;
  }
  EndForStringRule(&toks, r.text, had_newline, eof_line, rule);
  constexpr int kCPythonExtraLevels = 12;
  Parser p(r.arena.get(), r.text, &toks, kCPythonExtraLevels, &r.error);
  p.SetChars(declared);
  Node* m = rule == StartRule::kEval ? p.Eval() : p.Interactive();
  if (m && rule == StartRule::kInteractive) {
    const Token& last = p.TokenAt(p.position() - 1);
    if (MoreThanOneStatement(r.text, last.end)) {
      r.error.type = "SyntaxError";
      r.error.msg = "multiple statements found while compiling a single statement";
      r.error.lineno = r.error.end_lineno = last.lineno;
      r.error.offset = r.error.end_offset = last.col + 1;
      return r;
    }
  }
  if (m) {
    r.module = m;
    return r;
  }
  if (!p.failed()) p.SetGenericError(&tokerr);
  return r;
}

ParseResult ParseInteractiveInput(std::string_view text, bool at_eof, bool* incomplete) {
  *incomplete = false;
  ParseResult r;
  r.arena = std::make_unique<Arena>();
  r.text = std::string(text);
  if (r.text.empty() || r.text.back() != '\n') r.text.push_back('\n');
  std::vector<Token> toks;
  SyntaxErrorInfo tokerr;
  TokenizeOptions opt;
  opt.interactive = true;
  if (!Tokenize(r.text, opt, &toks, &tokerr)) {
    // A triple-quoted string or a backslash continuation running to the end of the
    // lines so far: the tokenizer would read another line.
    if (!at_eof && (tokerr.msg.rfind("unterminated triple-quoted string literal", 0) == 0 ||
                    tokerr.msg == "unexpected EOF while parsing")) {
      *incomplete = true;
      return r;
    }
    r.error = tokerr;
    return r;
  }
  int eof_line = 0;
  for (char c : r.text) eof_line += c == '\n';
  if (!at_eof) {
    // The parser may not look past the last line: everything after it is a token
    // that asks for more input.
    if (toks.back().level == 0) {
      while (toks.size() > 1 && toks[toks.size() - 2].type == Tok::kDedent) toks.erase(toks.end() - 2);
    }
  } else {
    EndForStringRule(&toks, r.text, true, eof_line, StartRule::kInteractive);
  }
  constexpr int kCPythonExtraLevels = 12;
  Parser p(r.arena.get(), r.text, &toks, kCPythonExtraLevels, &r.error);
  p.SetChars(true);
  Node* m = p.Interactive();
  // (A hard error raised before the parser got there is reported now, as CPython,
  // whose tokenizer reads a line only when the parser asks for its tokens.)
  // CPython's second (error-reporting) pass never reads more input, so an error our
  // parser raised from its inline checks counts as "needs more" only if it is located
  // at the end of what was typed.
  const Token& end = toks.back();
  bool error_at_end = !p.failed() || r.error.lineno > end.lineno ||
                      (r.error.lineno == end.lineno && r.error.offset >= end.col + 1);
  if (!m && !at_eof && p.furthest_at_error() >= toks.size() - 1 && error_at_end) {
    // The parser asked for a token past what was typed: read another line.
    *incomplete = true;
    r.error = SyntaxErrorInfo{};
    return r;
  }
  if (m) {
    r.module = m;
    return r;
  }
  if (!p.failed()) p.SetGenericError(&tokerr);
  return r;
}

std::string FormatError(const SyntaxErrorInfo& e) {
  if (e.type == "MemoryError") return "MemoryError";
  if (e.type == "ValueError") return "ValueError: " + e.msg;
  auto num = [](int v) { return v == kNoPosition ? std::string("None") : std::to_string(v); };
  return e.type + ": " + e.msg + " (line " + num(e.lineno) + ", offset " + num(e.offset) +
         ", end_line " + num(e.end_lineno) + ", end_offset " + num(e.end_offset) + ")";
}

}  // namespace pyrt::compiler

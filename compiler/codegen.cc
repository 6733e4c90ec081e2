// AST -> CodeUnit: the code generator (CPython 3.11's Python/compile.c, over our AST
// and symbol table, emitting pyrt's instruction set of compiler/opcodes.h).
//
// One `Unit` per code unit being generated (module, class body, function, lambda,
// comprehension), kept on a stack.  Statements and expressions append instructions
// to the unit's Assembler (internal/assembler.h).  try/with/yield-from regions set
// the assembler's current exception handler lexically; `FBlock`s record what a
// `return`/`break`/`continue` must undo when it leaves them (as compile.c's
// fblockinfo).  Compile-time SyntaxErrors carry CPython's message and the location
// of the node being compiled.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/code.h"
#include "compiler/internal/assembler.h"

namespace pyrt::compiler {
namespace {

using compiler_internal::Assembler;
using compiler_internal::Block;
using compiler_internal::Handler;
using compiler_internal::kJump;
using compiler_internal::kJumpNoInterrupt;

#define CG_TRY(x)           \
  do {                      \
    if (!(x)) return false; \
  } while (0)

// CPython's STACK_USE_GUIDELINE: longer displays/calls are built incrementally.
constexpr int kStackUseGuideline = 30;
// Marks "the current handler" for PushFBlock (null is a valid handler: none).
Handler* const kCurrentHandler = reinterpret_cast<Handler*>(uintptr_t{1});

// CPython's CO_MAXBLOCKS: statically nested try/with/loop blocks.
constexpr int kMaxBlocks = 20;

// --- AST access ---
const Node* Child(const Node* n, int i) {
  return n->f[i].tag == Slot::kNode ? n->f[i].node : nullptr;
}
bool HasIdent(const Node* n, int i) { return n->f[i].tag == Slot::kIdent; }
std::string_view Ident(const Node* n, int i) {
  return n->f[i].tag == Slot::kIdent ? n->f[i].ident() : std::string_view();
}
struct Seq {
  Node** b = nullptr;
  uint32_t n = 0;
  Node** begin() const { return b; }
  Node** end() const { return b + n; }
  uint32_t size() const { return n; }
  bool empty() const { return n == 0; }
  const Node* operator[](uint32_t i) const { return b[i]; }
};
Seq SeqOf(const Node* node, int i) {
  Seq s;
  if (node->f[i].tag == Slot::kSeq) {
    s.b = node->f[i].items;
    s.n = node->f[i].n;
  }
  return s;
}
bool IsLoad(const Node* e) {
  const Node* ctx = e->kind == Kind::Name || e->kind == Kind::Starred ? Child(e, 1) : Child(e, 2);
  if (e->kind == Kind::List || e->kind == Kind::Tuple) ctx = Child(e, 1);
  return !ctx || ctx->kind == Kind::Load;
}

Position PosOf(const Node* n) {
  Position p;
  p.lineno = n->lineno;
  p.end_lineno = n->end_lineno;
  p.col = n->col_offset;
  p.end_col = n->end_col_offset;
  return p;
}

// The docstring of a body (first statement is an Expr of a str constant).
const Node* DocString(Seq body) {
  if (body.empty()) return nullptr;
  const Node* s = body[0];
  if (s->kind != Kind::Expr) return nullptr;
  const Node* e = Child(s, 0);
  if (e->kind != Kind::Constant || e->f[0].cst->type != Constant::kStr) return nullptr;
  return e;
}

// --- constants ---
ConstValue FromAst(const Constant* c) {
  ConstValue v;
  switch (c->type) {
    case Constant::kNone: v.kind = ConstValue::kNone; break;
    case Constant::kTrue: v.kind = ConstValue::kTrue; break;
    case Constant::kFalse: v.kind = ConstValue::kFalse; break;
    case Constant::kEllipsis: v.kind = ConstValue::kEllipsis; break;
    case Constant::kInt: {
      v.kind = ConstValue::kInt;
      std::string_view t = c->text.empty() ? std::string_view("0") : c->text;
      if (t.size() <= 18) {
        int64_t x = 0;
        for (char ch : t) x = x * 10 + (ch - '0');
        v.i = x;
      } else {
        v.big = std::string(t);
      }
      break;
    }
    case Constant::kFloat: v.kind = ConstValue::kFloat; v.d = c->value; break;
    case Constant::kComplex: v.kind = ConstValue::kComplex; v.d = c->value; break;
    case Constant::kStr: v.kind = ConstValue::kStr; v.s = std::string(c->text); break;
    case Constant::kBytes: v.kind = ConstValue::kBytes; v.s = std::string(c->text); break;
  }
  return v;
}

// A key that identifies a constant for deduplication (equal keys <=> SameAs).
void ConstKey(const ConstValue& c, std::string* k) {
  k->push_back(static_cast<char>('A' + c.kind));
  switch (c.kind) {
    case ConstValue::kInt:
      k->append(c.big.empty() ? std::to_string(c.i) : c.big);
      break;
    case ConstValue::kFloat:
    case ConstValue::kComplex:
      k->append(reinterpret_cast<const char*>(&c.d), sizeof c.d);
      k->append(reinterpret_cast<const char*>(&c.re), sizeof c.re);
      break;
    case ConstValue::kStr:
    case ConstValue::kBytes:
      k->append(std::to_string(c.s.size()));
      k->push_back(':');
      k->append(c.s);
      break;
    case ConstValue::kTuple:
    case ConstValue::kFrozenset:
      k->append(std::to_string(c.items.size()));
      k->push_back('(');
      for (const ConstValue& i : c.items) ConstKey(i, k);
      k->push_back(')');
      break;
    case ConstValue::kCode: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%p", static_cast<const void*>(c.code.get()));
      k->append(buf);
      break;
    }
    default:
      break;
  }
}

bool IsNumber(const ConstValue& c) {
  return c.kind == ConstValue::kInt || c.kind == ConstValue::kFloat || c.kind == ConstValue::kComplex;
}

// Python's truth value of a constant (not for code units).
bool Truth(const ConstValue& c) {
  switch (c.kind) {
    case ConstValue::kNone:
    case ConstValue::kFalse: return false;
    case ConstValue::kTrue:
    case ConstValue::kEllipsis: return true;
    case ConstValue::kInt: return !c.big.empty() || c.i != 0;
    case ConstValue::kFloat: return c.d != 0;
    case ConstValue::kComplex: return c.d != 0 || c.re != 0;
    case ConstValue::kStr:
    case ConstValue::kBytes: return !c.s.empty();
    default: return !c.items.empty();
  }
}

// Constant folding of the expression forms CPython's ast_opt folds, restricted
// to results computed exactly here (int64 without overflow, IEEE doubles, str and
// bytes concatenation up to CPython's 4096-element limit, tuples).
bool Fold(const Node* e, ConstValue* out, int depth = 0) {
  if (depth > 200) return false;
  switch (e->kind) {
    case Kind::Constant:
      *out = FromAst(e->f[0].cst);
      return true;
    case Kind::Tuple: {
      if (!IsLoad(e)) return false;
      ConstValue t;
      t.kind = ConstValue::kTuple;
      for (const Node* x : SeqOf(e, 0)) {
        if (x->kind == Kind::Starred) return false;
        ConstValue v;
        if (!Fold(x, &v, depth + 1)) return false;
        t.items.push_back(std::move(v));
      }
      *out = std::move(t);
      return true;
    }
    case Kind::UnaryOp: {
      ConstValue v;
      if (!Fold(Child(e, 1), &v, depth + 1)) return false;
      Kind op = Child(e, 0)->kind;
      if (v.kind == ConstValue::kTrue || v.kind == ConstValue::kFalse) {
        if (op == Kind::Not) return false;
        v.i = v.kind == ConstValue::kTrue;
        v.kind = ConstValue::kInt;
      }
      if (op == Kind::USub) {
        if (v.kind == ConstValue::kInt) {
          if (!v.big.empty()) {
            v.big = v.big[0] == '-' ? v.big.substr(1) : "-" + v.big;
          } else if (v.i == std::numeric_limits<int64_t>::min()) {
            return false;
          } else {
            v.i = -v.i;
          }
        } else if (v.kind == ConstValue::kFloat) {
          v.d = -v.d;
        } else if (v.kind == ConstValue::kComplex) {
          v.d = -v.d;
          v.re = -v.re;
        } else {
          return false;
        }
      } else if (op == Kind::UAdd) {
        if (!IsNumber(v)) return false;
      } else if (op == Kind::Invert) {
        if (v.kind != ConstValue::kInt || !v.big.empty()) return false;
        v.i = ~v.i;
      } else {
        return false;
      }
      *out = std::move(v);
      return true;
    }
    case Kind::BinOp: {
      ConstValue a, b;
      if (!Fold(Child(e, 0), &a, depth + 1) || !Fold(Child(e, 2), &b, depth + 1)) return false;
      Kind op = Child(e, 1)->kind;
      auto is_bool = [](const ConstValue& v) {
        return v.kind == ConstValue::kTrue || v.kind == ConstValue::kFalse;
      };
      if (is_bool(a) && is_bool(b) &&
          (op == Kind::BitAnd || op == Kind::BitOr || op == Kind::BitXor)) {
        // bool & | ^ bool stays a bool.
        bool x = a.kind == ConstValue::kTrue, y = b.kind == ConstValue::kTrue;
        bool r = op == Kind::BitAnd ? (x && y) : op == Kind::BitOr ? (x || y) : (x != y);
        *out = ConstValue::Bool(r);
        return true;
      }
      auto as_int = [](ConstValue* v) {
        if (v->kind == ConstValue::kTrue || v->kind == ConstValue::kFalse) {
          v->i = v->kind == ConstValue::kTrue;
          v->kind = ConstValue::kInt;
        }
      };
      as_int(&a);
      as_int(&b);
      if (a.kind == ConstValue::kInt && b.kind == ConstValue::kInt && a.big.empty() && b.big.empty()) {
        int64_t x = a.i, y = b.i, r;
        switch (op) {
          case Kind::Add: if (__builtin_add_overflow(x, y, &r)) return false; break;
          case Kind::Sub: if (__builtin_sub_overflow(x, y, &r)) return false; break;
          case Kind::Mult: if (__builtin_mul_overflow(x, y, &r)) return false; break;
          case Kind::BitAnd: r = x & y; break;
          case Kind::BitOr: r = x | y; break;
          case Kind::BitXor: r = x ^ y; break;
          case Kind::FloorDiv:
          case Kind::Mod: {
            if (y == 0 || (x == std::numeric_limits<int64_t>::min() && y == -1)) return false;
            int64_t q = x / y, m = x % y;
            if (m != 0 && ((m < 0) != (y < 0))) {
              q -= 1;
              m += y;
            }
            r = op == Kind::FloorDiv ? q : m;
            break;
          }
          case Kind::Pow: {
            if (y < 0 || (y > 128 && x != 0 && x != 1 && x != -1)) return false;
            r = 1;
            int64_t base = x;
            for (int64_t k = y; k > 0; k >>= 1) {
              if ((k & 1) && __builtin_mul_overflow(r, base, &r)) return false;
              if (k > 1 && __builtin_mul_overflow(base, base, &base)) return false;
            }
            break;
          }
          case Kind::LShift:
            if (y < 0 || y > 62 || x < 0 || (x >> (62 - y)) != 0) return false;
            r = x << y;
            break;
          case Kind::RShift:
            if (y < 0) return false;
            r = y > 63 ? (x < 0 ? -1 : 0) : (x >> y);
            break;
          default:
            return false;
        }
        *out = ConstValue::Int(r);
        return true;
      }
      if ((a.kind == ConstValue::kFloat || (a.kind == ConstValue::kInt && a.big.empty())) &&
          (b.kind == ConstValue::kFloat || (b.kind == ConstValue::kInt && b.big.empty())) &&
          (a.kind == ConstValue::kFloat || b.kind == ConstValue::kFloat)) {
        double x = a.kind == ConstValue::kFloat ? a.d : static_cast<double>(a.i);
        double y = b.kind == ConstValue::kFloat ? b.d : static_cast<double>(b.i);
        if ((a.kind == ConstValue::kInt && static_cast<int64_t>(x) != a.i) ||
            (b.kind == ConstValue::kInt && static_cast<int64_t>(y) != b.i)) {
          return false;  // int not exactly representable: leave it to the VM
        }
        double r;
        switch (op) {
          case Kind::Add: r = x + y; break;
          case Kind::Sub: r = x - y; break;
          case Kind::Mult: r = x * y; break;
          case Kind::Div:
            if (y == 0) return false;
            r = x / y;
            break;
          default:
            return false;
        }
        if (std::isinf(r) && !std::isinf(x) && !std::isinf(y)) return false;  // OverflowError cases
        ConstValue v;
        v.kind = ConstValue::kFloat;
        v.d = r;
        *out = v;
        return true;
      }
      if ((op == Kind::Add || op == Kind::Sub) &&
          (a.kind == ConstValue::kComplex || b.kind == ConstValue::kComplex) &&
          (IsNumber(a) && IsNumber(b)) && a.big.empty() && b.big.empty()) {
        auto parts = [](const ConstValue& v, double* re, double* im) {
          if (v.kind == ConstValue::kComplex) {
            *re = v.re;
            *im = v.d;
          } else {
            *re = v.kind == ConstValue::kFloat ? v.d : static_cast<double>(v.i);
            *im = 0.0;
          }
          return v.kind != ConstValue::kInt || static_cast<int64_t>(*re) == v.i;
        };
        double ar, ai, br, bi;
        if (!parts(a, &ar, &ai) || !parts(b, &br, &bi)) return false;
        ConstValue v;
        v.kind = ConstValue::kComplex;
        v.re = op == Kind::Add ? ar + br : ar - br;
        v.d = op == Kind::Add ? ai + bi : ai - bi;
        *out = v;
        return true;
      }
      if (op == Kind::Add && a.kind == b.kind &&
          (a.kind == ConstValue::kStr || a.kind == ConstValue::kBytes) &&
          a.s.size() + b.s.size() <= 4096) {
        a.s += b.s;
        *out = std::move(a);
        return true;
      }
      return false;
    }
    default:
      return false;
  }
}

// --- the generator ---

enum class UnitType { kModule, kClass, kFunction, kAsyncFunction, kLambda, kComprehension };

enum class FType {
  kWhileLoop, kForLoop, kTryExcept, kFinallyTry, kFinallyEnd, kWith, kAsyncWith,
  kHandlerCleanup, kPopValue, kExceptionHandler, kExceptionGroupHandler, kAsyncComprehension
};

struct FBlock {
  FType type;
  Block* block = nullptr;  // loop: continue target
  Block* exit = nullptr;   // loop: break target
  const Node* datum = nullptr;  // finally: the Try node; with: the With node
  std::string_view name;        // handler cleanup: the bound name (may be empty)
  Handler* outer = nullptr;     // the handler in force outside this block
};

struct Unit {
  const Scope* ste = nullptr;
  UnitType type = UnitType::kModule;
  std::shared_ptr<CodeUnit> code = std::make_shared<CodeUnit>();
  Assembler as;
  std::unordered_map<std::string, uint32_t> names, varnames, cells, frees, consts;
  std::string priv;
  std::vector<FBlock> fblocks;
  bool interactive = false;
};

enum class Ctx { kLoad, kStore, kDel };

class Compiler {
 public:
  Compiler(std::string_view filename, const CompileOptions& opts, const Scope& top)
      : filename_(filename), opts_(opts), top_(top) {
    IndexScopes(&top);
    future_annotations_ = top.future_annotations || (opts.future_flags & CO_FUTURE_ANNOTATIONS);
  }

  enum class Mode { kExec, kEval, kSingle };

  CompileResult Run(const Node* root, Mode mode) {
    CompileResult r;
    // CPython's compiler raises RecursionError past (recursion limit x 3) levels;
    // the same bound keeps our recursive passes within the C++ stack.
    if (AstDepth(root) > kAstParseMaxDepth) {
      r.error.type = "RecursionError";
      r.error.msg = "maximum recursion depth exceeded during compilation";
      return r;
    }
    Enter("<module>", UnitType::kModule, &top_, 1);
    if (root->kind != Kind::Expression) FindFutureLine(SeqOf(root, 0));
    u_->interactive = mode == Mode::kSingle;
    bool ok;
    if (root->kind == Kind::Expression) {
      ok = EvalBody(Child(root, 0));
    } else if (mode == Mode::kEval) {
      Seq body = SeqOf(root, 0);
      if (body.size() != 1 || body[0]->kind != Kind::Expr) {
        r.error.type = "SyntaxError";
        r.error.msg = "invalid syntax";
        return r;
      }
      ok = EvalBody(Child(body[0], 0));
    } else if (mode == Mode::kSingle) {
      ok = InteractiveBody(SeqOf(root, 0));
    } else {
      ok = ModuleBody(SeqOf(root, 0));
    }
    std::shared_ptr<CodeUnit> code;
    if (ok) ok = Exit(&code);
    if (!ok) {
      r.error = err_;
      return r;
    }
    r.code = code;
    return r;
  }

 private:
  // future.c: the line of the last future import of the leading block (after an
  // optional docstring); later ones are errors.
  void FindFutureLine(Seq body) {
    uint32_t i = 0;
    if (DocString(body)) i = 1;
    for (; i < body.size(); ++i) {
      const Node* s = body[i];
      if (s->kind != Kind::ImportFrom || !HasIdent(s, 0) || Ident(s, 0) != "__future__") break;
      future_lineno_ = s->lineno;
    }
  }

  // --- scopes ---
  void IndexScopes(const Scope* s) {
    if (s->node) scope_of_[s->node] = s;
    for (const auto& c : s->children) IndexScopes(c.get());
  }

  // A comprehension is asynchronous if it awaits, has an async for, or calls
  // (and so awaits) an asynchronous list/set/dict comprehension nested in it.
  static bool IsAsyncComprehension(const Scope* ste) {
    if (ste->coroutine) return true;
    for (const auto& c : ste->children) {
      if (c->is_comprehension && c->node && c->node->kind != Kind::GeneratorExp &&
          IsAsyncComprehension(c.get())) {
        return true;
      }
    }
    return false;
  }

  static int ScopeOf(const Scope* ste, const std::string& name) {
    return (ste->Get(name) >> kScopeOffset) & 0xF;
  }

  std::string Mangle(std::string_view name) const {
    const std::string& p = u_ ? u_->priv : empty_;
    if (p.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return std::string(name);
    if ((name.size() >= 2 && name.substr(name.size() - 2) == "__") ||
        name.find('.') != std::string_view::npos) {
      return std::string(name);
    }
    size_t k = p.find_first_not_of('_');
    if (k == std::string::npos) return std::string(name);
    return "_" + p.substr(k) + std::string(name);
  }

  // --- errors ---
  bool Error(const std::string& msg, const Node* at) {
    err_.type = "SyntaxError";
    err_.msg = msg;
    if (at) {
      err_.lineno = at->lineno;
      err_.offset = at->col_offset + 1;
      err_.end_lineno = at->end_lineno;
      err_.end_offset = at->end_col_offset + 1;
    } else {
      Position p = u_->as.pos;
      err_.lineno = p.lineno;
      err_.offset = p.col + 1;
      err_.end_lineno = p.end_lineno;
      err_.end_offset = p.end_col + 1;
    }
    return false;
  }
  // Error at the current location (CPython's compiler_error uses u_loc).
  bool ErrorHere(const std::string& msg) { return Error(msg, nullptr); }

  // --- units ---
  static uint32_t AddTo(std::unordered_map<std::string, uint32_t>* m, std::vector<std::string>* v,
                        const std::string& s) {
    auto it = m->find(s);
    if (it != m->end()) return it->second;
    uint32_t i = static_cast<uint32_t>(v->size());
    m->emplace(s, i);
    v->push_back(s);
    return i;
  }

  bool IsFunctionLike(UnitType t) const {
    return t == UnitType::kFunction || t == UnitType::kAsyncFunction || t == UnitType::kLambda ||
           t == UnitType::kComprehension;
  }

  // Opens a code unit for `node`'s scope.  `params` (function-like units) are
  // the parameter names in order.
  void Enter(const std::string& name, UnitType type, const Scope* ste, int firstlineno,
             const std::vector<std::string>& params = {}) {
    Unit* parent = u_;
    units_.push_back(std::make_unique<Unit>());
    u_ = units_.back().get();
    u_->ste = ste;
    u_->type = type;
    CodeUnit& c = *u_->code;
    c.name = name;
    c.filename = filename_;
    c.firstlineno = firstlineno;
    if (type == UnitType::kClass) {
      u_->priv = name;
    } else if (parent) {
      u_->priv = parent->priv;
    }
    // qualname (compiler_set_qualname)
    if (parent && parent->type != UnitType::kModule) {
      bool force_global = false;
      if (type == UnitType::kFunction || type == UnitType::kAsyncFunction || type == UnitType::kClass) {
        std::string m = MangleWith(parent->priv, name);
        force_global = ScopeOf(parent->ste, m) == kGlobalExplicit;
      }
      if (force_global) {
        c.qualname = name;
      } else if (parent->type == UnitType::kFunction || parent->type == UnitType::kAsyncFunction ||
                 parent->type == UnitType::kLambda) {
        c.qualname = parent->code->qualname + ".<locals>." + name;
      } else {
        c.qualname = parent->code->qualname + "." + name;
      }
    } else {
      c.qualname = name;
    }
    for (const std::string& p : params) AddTo(&u_->varnames, &c.varnames, p);
    // cells and frees, sorted by name as CPython's dictbytype
    std::vector<std::string> cells, frees;
    for (const auto& [n, f] : ste->symbols) {
      int sc = (f >> kScopeOffset) & 0xF;
      if (sc == kCell) cells.push_back(n);
      if (sc == kFree || (f & kDefFreeClass)) frees.push_back(n);
    }
    std::sort(cells.begin(), cells.end());
    std::sort(frees.begin(), frees.end());
    // Cells that are parameters come first, in parameter order (3.11 keeps them
    // in the parameter's slot), then the others by name.
    std::stable_partition(cells.begin(), cells.end(), [&](const std::string& n) {
      return u_->varnames.count(n) != 0;
    });
    std::stable_sort(cells.begin(), cells.end(), [&](const std::string& a, const std::string& b) {
      auto ia = u_->varnames.find(a), ib = u_->varnames.find(b);
      if (ia == u_->varnames.end() || ib == u_->varnames.end()) return false;
      return ia->second < ib->second;
    });
    if (type == UnitType::kClass && ste->needs_class_closure) cells.insert(cells.begin(), "__class__");
    for (const std::string& n : cells) {
      AddTo(&u_->cells, &c.cellvars, n);
      auto it = u_->varnames.find(n);
      c.cell2arg.push_back(it != u_->varnames.end() ? static_cast<int32_t>(it->second) : -1);
    }
    for (const std::string& n : frees) AddTo(&u_->frees, &c.freevars, n);
    // flags
    if (IsFunctionLike(type)) c.flags |= CO_OPTIMIZED | CO_NEWLOCALS;
    if (ste->nested && IsFunctionLike(type)) c.flags |= CO_NESTED;
    if (type == UnitType::kAsyncFunction ||
        (type == UnitType::kComprehension && IsAsyncComprehension(ste))) {
      c.flags |= (ste->generator || (type == UnitType::kComprehension && ste->node->kind == Kind::GeneratorExp))
                     ? CO_ASYNC_GENERATOR
                     : CO_COROUTINE;
    } else if (ste->generator && IsFunctionLike(type)) {
      c.flags |= CO_GENERATOR;
    }
    if (future_annotations_) c.flags |= CO_FUTURE_ANNOTATIONS;
    // prologue
    Position p;
    p.lineno = type == UnitType::kModule ? 0 : firstlineno;
    p.end_lineno = p.lineno;
    u_->as.pos = p;
    if (!c.freevars.empty()) Emit(Op::COPY_FREE_VARS, static_cast<uint32_t>(c.freevars.size()));
    for (size_t i = 0; i < c.cellvars.size(); ++i) Emit(Op::MAKE_CELL, static_cast<uint32_t>(i));
    if (c.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
      Emit(Op::RETURN_GENERATOR);
      Emit(Op::POP_TOP);
    }
    Emit(Op::RESUME, 0);
  }

  static std::string MangleWith(const std::string& p, std::string_view name) {
    if (p.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return std::string(name);
    if (name.substr(name.size() - 2) == "__" || name.find('.') != std::string_view::npos) {
      return std::string(name);
    }
    size_t k = p.find_first_not_of('_');
    if (k == std::string::npos) return std::string(name);
    return "_" + p.substr(k) + std::string(name);
  }

  // Closes the current unit (adding an implicit `return None` if control can
  // reach the end) and assembles it.
  bool Exit(std::shared_ptr<CodeUnit>* out) {
    if (!u_->as.Terminated()) {
      u_->as.pos = Position{};
      Emit(Op::LOAD_CONST, Const(ConstValue::None()));
      Emit(Op::RETURN_VALUE);
    }
    std::string why;
    if (!u_->as.Assemble(u_->code.get(), &why)) {
      err_.type = "SystemError";
      err_.msg = "pyrt code generator: " + why + " in " + u_->code->qualname;
      return false;
    }
    PropagateLines(u_->code.get());
    TrimUnusedConsts(u_->code.get());
    InternCode(*u_->code);
    *out = u_->code;
    units_.pop_back();
    u_ = units_.empty() ? nullptr : units_.back().get();
    return true;
  }

  // Drops the trailing constants that no instruction uses (dead code removed by
  // the assembler may have been their only user), keeping consts[0] (the
  // docstring slot): 3.11's trim_unused_consts.  Unused constants before the
  // last used one stay, as in CPython.
  static void TrimUnusedConsts(CodeUnit* c) {
    if (c->consts.empty()) return;
    uint32_t max_used = 0;
    uint32_t ext = 0;
    for (size_t i = 0; i < c->words.size(); ++i) {
      Op op = WordOp(c->words[i]);
      if (op == Op::EXTENDED_ARG) {
        ext = WordArg(c->words[i]);
        continue;
      }
      if (Info(op).operand == Operand::kConst) max_used = std::max(max_used, (ext << 24) | WordArg(c->words[i]));
      ext = 0;
      i += CacheWords(op);
    }
    c->consts.resize(max_used + 1);
  }

  // Instructions without a line (implicit returns, cleanups that fall through)
  // take the line of the instruction before them, as CPython propagates line
  // numbers within and into fall-through blocks.
  static void PropagateLines(CodeUnit* c) {
    Position prev;
    for (size_t i = 0; i < c->words.size(); ++i) {
      if (c->positions[i].lineno < 0 && prev.lineno >= 0) {
        Position q = prev;
        c->positions[i] = q;
      } else if (c->positions[i].lineno >= 0) {
        prev = c->positions[i];
      }
      // a terminator ends the run
      Op op = WordOp(c->words[i]);
      if (op == Op::EXTENDED_ARG) continue;
      int n = CacheWords(op);
      for (int k = 0; k < n && i + 1 < c->words.size(); ++k) {
        ++i;
        c->positions[i] = c->positions[i - 1];
      }
      if (IsTerminator(op)) prev = Position{};
    }
  }

  // --- emission helpers ---
  void Emit(Op op, uint32_t arg = 0) { u_->as.Emit(op, arg); }
  void Jump(int op, Block* target) { u_->as.EmitJump(op, target); }
  Block* NewBlock() { return u_->as.NewBlock(); }
  void Use(Block* b) { u_->as.UseBlock(b); }
  Handler*& Cur() { return u_->as.handler; }

  // Equal code units are one constant, as CPython's code objects compare by
  // content (a finally body compiled twice defines its functions once).
  void ConstKeyOf(const ConstValue& v, std::string* k) {
    if (v.kind == ConstValue::kCode) {
      k->append("K#" + std::to_string(code_id_[v.code.get()]));
    } else if (v.kind == ConstValue::kTuple || v.kind == ConstValue::kFrozenset) {
      k->push_back(static_cast<char>('A' + v.kind));
      k->append(std::to_string(v.items.size()));
      k->push_back('(');
      for (const ConstValue& i : v.items) ConstKeyOf(i, k);
      k->push_back(')');
    } else {
      ConstKey(v, k);
    }
  }

  void InternCode(const CodeUnit& c) {
    std::string k;
    auto add = [&k](const std::string& s) {
      k.append(std::to_string(s.size()));
      k.push_back(':');
      k.append(s);
    };
    add(c.name);
    add(c.qualname);
    k.append(std::to_string(c.argcount) + "," + std::to_string(c.posonlyargcount) + "," +
             std::to_string(c.kwonlyargcount) + "," + std::to_string(c.flags) + "," +
             std::to_string(c.firstlineno) + ";");
    for (auto* v : {&c.names, &c.varnames, &c.cellvars, &c.freevars}) {
      k.append(std::to_string(v->size()) + "[");
      for (const std::string& n : *v) add(n);
    }
    k.append(reinterpret_cast<const char*>(c.words.data()), c.words.size() * sizeof(uint32_t));
    k.append(reinterpret_cast<const char*>(c.positions.data()), c.positions.size() * sizeof(Position));
    for (const ExceptionEntry& e : c.exception_table) {
      k.append(std::to_string(e.start) + "," + std::to_string(e.end) + "," + std::to_string(e.target) +
               "," + std::to_string(e.depth) + (e.lasti ? "L;" : ";"));
    }
    for (const ConstValue& v : c.consts) ConstKeyOf(v, &k);
    auto it = code_intern_.emplace(std::move(k), static_cast<int>(code_intern_.size())).first;
    code_id_[&c] = it->second;
  }

  uint32_t Const(const ConstValue& v) {
    std::string k;
    ConstKeyOf(v, &k);
    auto it = u_->consts.find(k);
    if (it != u_->consts.end()) return it->second;
    uint32_t i = static_cast<uint32_t>(u_->code->consts.size());
    u_->consts.emplace(std::move(k), i);
    u_->code->consts.push_back(v);
    return i;
  }
  void LoadConst(const ConstValue& v) { Emit(Op::LOAD_CONST, Const(v)); }
  uint32_t Name(std::string_view n) { return AddTo(&u_->names, &u_->code->names, std::string(n)); }
  uint32_t MangledName(std::string_view n) { return Name(Mangle(n)); }

  // Sets the location for the instructions of `n` and restores it on scope exit.
  struct LocScope {
    Compiler* c;
    Position saved;
    LocScope(Compiler* cc, const Node* n) : c(cc), saved(cc->u_->as.pos) {
      if (n) cc->u_->as.pos = PosOf(n);
    }
    ~LocScope() { c->u_->as.pos = saved; }
  };
  void SetLoc(const Node* n) { u_->as.pos = PosOf(n); }
  void UnsetLoc() { u_->as.pos = Position{}; }

  // --- names ---
  bool NameOp(std::string_view id, Ctx ctx) {
    if (ctx == Ctx::kLoad && id == "__debug__") {
      LoadConst(ConstValue::Bool(opts_.optimize_level == 0));
      return true;
    }
    std::string m = Mangle(id);
    int sc = ScopeOf(u_->ste, m);
    bool fn = u_->ste->type == BlockType::kFunction;
    enum { kFastOp, kGlobalOp, kDerefOp, kNameOp } kind = kNameOp;
    uint32_t arg = 0;
    if (sc == kFree) {
      auto it = u_->frees.find(m);
      if (it == u_->frees.end()) return ErrorHere("free variable '" + m + "' not found");
      kind = kDerefOp;
      arg = static_cast<uint32_t>(u_->code->cellvars.size()) + it->second;
    } else if (sc == kCell) {
      auto it = u_->cells.find(m);
      if (it == u_->cells.end()) return ErrorHere("cell variable '" + m + "' not found");
      kind = kDerefOp;
      arg = it->second;
    } else if (sc == kLocal) {
      if (fn) kind = kFastOp;
    } else if (sc == kGlobalImplicit) {
      if (fn) kind = kGlobalOp;
    } else if (sc == kGlobalExplicit) {
      kind = kGlobalOp;
    }
    switch (kind) {
      case kFastOp: {
        uint32_t i = AddTo(&u_->varnames, &u_->code->varnames, m);
        Emit(ctx == Ctx::kLoad ? Op::LOAD_FAST : ctx == Ctx::kStore ? Op::STORE_FAST : Op::DELETE_FAST, i);
        return true;
      }
      case kDerefOp:
        if (ctx == Ctx::kLoad) {
          Emit(u_->ste->type == BlockType::kClass ? Op::LOAD_CLASSDEREF : Op::LOAD_DEREF, arg);
        } else {
          Emit(ctx == Ctx::kStore ? Op::STORE_DEREF : Op::DELETE_DEREF, arg);
        }
        return true;
      case kGlobalOp: {
        uint32_t i = Name(m);
        if (ctx == Ctx::kLoad) {
          Emit(Op::LOAD_GLOBAL, i << 1);
        } else {
          Emit(ctx == Ctx::kStore ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL, i);
        }
        return true;
      }
      case kNameOp: {
        uint32_t i = Name(m);
        Emit(ctx == Ctx::kLoad ? Op::LOAD_NAME : ctx == Ctx::kStore ? Op::STORE_NAME : Op::DELETE_NAME, i);
        return true;
      }
    }
    return true;
  }

  // --- bodies ---
  static bool FindAnn(Seq stmts) {
    for (const Node* s : stmts) {
      switch (s->kind) {
        case Kind::AnnAssign: return true;
        case Kind::For:
        case Kind::AsyncFor:
          if (FindAnn(SeqOf(s, 2)) || FindAnn(SeqOf(s, 3))) return true;
          break;
        case Kind::While:
        case Kind::If:
          if (FindAnn(SeqOf(s, 1)) || FindAnn(SeqOf(s, 2))) return true;
          break;
        case Kind::With:
        case Kind::AsyncWith:
          if (FindAnn(SeqOf(s, 1))) return true;
          break;
        case Kind::Try:
        case Kind::TryStar:
          for (const Node* h : SeqOf(s, 1)) {
            if (FindAnn(SeqOf(h, 2))) return true;
          }
          if (FindAnn(SeqOf(s, 0)) || FindAnn(SeqOf(s, 2)) || FindAnn(SeqOf(s, 3))) return true;
          break;
        case Kind::Match:
          for (const Node* mc : SeqOf(s, 1)) {
            if (FindAnn(SeqOf(mc, 2))) return true;
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  // Module and class bodies: SETUP_ANNOTATIONS, __doc__, statements.
  bool Body(Seq stmts) {
    if (FindAnn(stmts)) {
      if (!stmts.empty()) SetLoc(stmts[0]);
      Emit(Op::SETUP_ANNOTATIONS);
    }
    uint32_t i = 0;
    if (opts_.optimize_level < 2) {
      if (const Node* doc = DocString(stmts)) {
        i = 1;
        SetLoc(stmts[0]);
        CG_TRY(Expr(doc));
        UnsetLoc();
        CG_TRY(NameOp("__doc__", Ctx::kStore));
      }
    }
    for (; i < stmts.size(); ++i) CG_TRY(Stmt(stmts[i]));
    return true;
  }

  bool ModuleBody(Seq stmts) {
    CG_TRY(Body(stmts));
    return true;
  }

  // "single": as a module body, but a leading string is an expression to echo,
  // not a docstring.
  bool InteractiveBody(Seq stmts) {
    if (FindAnn(stmts)) {
      if (!stmts.empty()) SetLoc(stmts[0]);
      Emit(Op::SETUP_ANNOTATIONS);
    }
    return Stmts(stmts);
  }

  bool EvalBody(const Node* e) {
    SetLoc(e);
    CG_TRY(Expr(e));
    Emit(Op::RETURN_VALUE);
    return true;
  }

  // --- statements ---
  bool Stmts(Seq s) {
    for (const Node* x : s) CG_TRY(Stmt(x));
    return true;
  }

  bool Stmt(const Node* s) {
    SetLoc(s);
    switch (s->kind) {
      case Kind::FunctionDef: return FunctionDef(s, false);
      case Kind::AsyncFunctionDef: return FunctionDef(s, true);
      case Kind::ClassDef: return ClassDef(s);
      case Kind::Return: return Return(s);
      case Kind::Delete:
        for (const Node* t : SeqOf(s, 0)) CG_TRY(Expr(t));
        return true;
      case Kind::Assign: {
        Seq targets = SeqOf(s, 0);
        CG_TRY(Expr(Child(s, 1)));
        for (uint32_t i = 0; i < targets.size(); ++i) {
          if (i + 1 < targets.size()) Emit(Op::COPY, 1);
          CG_TRY(Expr(targets[i]));
        }
        return true;
      }
      case Kind::AugAssign: return AugAssign(s);
      case Kind::AnnAssign: return AnnAssign(s);
      case Kind::For: return For(s);
      case Kind::AsyncFor: return AsyncFor(s);
      case Kind::While: return While(s);
      case Kind::If: return If(s);
      case Kind::With: return With(s, 0, false);
      case Kind::AsyncWith:
        if (u_->type != UnitType::kAsyncFunction) {
          return ErrorHere("'async with' outside async function");
        }
        return With(s, 0, true);
      case Kind::Match: return Match(s);
      case Kind::Raise: {
        uint32_t n = 0;
        if (const Node* e = Child(s, 0)) {
          CG_TRY(Expr(e));
          n = 1;
          if (const Node* c = Child(s, 1)) {
            CG_TRY(Expr(c));
            n = 2;
          }
        }
        SetLoc(s);
        Emit(Op::RAISE_VARARGS, n);
        return true;
      }
      case Kind::Try: return !SeqOf(s, 3).empty() ? TryFinally(s, false) : TryExcept(s);
      case Kind::TryStar: return !SeqOf(s, 3).empty() ? TryFinally(s, true) : TryStarExcept(s);
      case Kind::Assert: return Assert(s);
      case Kind::Import: return Import(s);
      case Kind::ImportFrom: return ImportFrom(s);
      case Kind::Global:
      case Kind::Nonlocal:
        return true;
      case Kind::Expr: {
        const Node* v = Child(s, 0);
        if (u_->interactive && units_.size() == 1) {
          CG_TRY(Expr(v));
          Emit(Op::PRINT_EXPR);
          return true;
        }
        if (v->kind == Kind::Constant) {
          Emit(Op::NOP);
          return true;
        }
        CG_TRY(Expr(v));
        SetLoc(s);
        Emit(Op::POP_TOP);
        return true;
      }
      case Kind::Pass:
        Emit(Op::NOP);
        return true;
      case Kind::Break: return Break(s);
      case Kind::Continue: return Continue(s);
      default:
        return Error("unsupported statement", s);
    }
  }

  // --- frame blocks and unwinding ---
  // `outer`: the handler in force once the block is left; kCurrentHandler means
  // the one current now.
  bool PushFBlock(FType t, Block* b, Block* exit, const Node* datum = nullptr,
                  std::string_view name = {}, Handler* outer = kCurrentHandler) {
    if (u_->fblocks.size() >= static_cast<size_t>(kMaxBlocks)) {
      return ErrorHere("too many statically nested blocks");
    }
    FBlock f;
    f.type = t;
    f.block = b;
    f.exit = exit;
    f.datum = datum;
    f.name = name;
    f.outer = outer == kCurrentHandler ? Cur() : outer;
    u_->fblocks.push_back(f);
    return true;
  }
  void PopFBlock() { u_->fblocks.pop_back(); }

  // Emits the code that leaves `f` (compiler_unwind_fblock).
  bool UnwindFBlock(const FBlock& f, bool preserve_tos) {
    switch (f.type) {
      case FType::kWhileLoop:
      case FType::kExceptionHandler:
      case FType::kExceptionGroupHandler:
      case FType::kAsyncComprehension:
        return true;
      case FType::kForLoop:
        if (preserve_tos) Emit(Op::SWAP, 2);
        Emit(Op::POP_TOP);
        return true;
      case FType::kTryExcept:
        Cur() = f.outer;
        return true;
      case FType::kFinallyTry: {
        Cur() = f.outer;
        if (preserve_tos) CG_TRY(PushFBlock(FType::kPopValue, nullptr, nullptr));
        Position saved = u_->as.pos;
        CG_TRY(Stmts(SeqOf(f.datum, 3)));
        u_->as.pos = saved;
        if (preserve_tos) PopFBlock();
        UnsetLoc();
        return true;
      }
      case FType::kFinallyEnd:
        if (preserve_tos) Emit(Op::SWAP, 2);
        Emit(Op::POP_TOP);
        if (preserve_tos) Emit(Op::SWAP, 2);
        Cur() = f.outer;
        Emit(Op::POP_EXCEPT);
        return true;
      case FType::kWith:
      case FType::kAsyncWith:
        Cur() = f.outer;
        if (preserve_tos) Emit(Op::SWAP, 2);
        CallExitWithNones();
        if (f.type == FType::kAsyncWith) {
          Emit(Op::GET_AWAITABLE, static_cast<uint32_t>(AwaitWhere::kAfterAexit));
          LoadConst(ConstValue::None());
          YieldFrom(true);
        }
        Emit(Op::POP_TOP);
        return true;
      case FType::kHandlerCleanup:
        Cur() = f.outer;
        if (preserve_tos) Emit(Op::SWAP, 2);
        Emit(Op::POP_EXCEPT);
        if (!f.name.empty()) {
          LoadConst(ConstValue::None());
          CG_TRY(NameOp(f.name, Ctx::kStore));
          CG_TRY(NameOp(f.name, Ctx::kDel));
        }
        return true;
      case FType::kPopValue:
        if (preserve_tos) Emit(Op::SWAP, 2);
        Emit(Op::POP_TOP);
        return true;
    }
    return true;
  }

  // Unwinds the frame blocks down to (not including) the innermost loop if
  // `loop` is given, else all of them.
  bool UnwindStack(bool preserve_tos, const FBlock** loop, std::vector<FBlock>* popped) {
    while (!u_->fblocks.empty()) {
      FBlock top = u_->fblocks.back();
      if (top.type == FType::kExceptionGroupHandler) {
        return ErrorHere("'break', 'continue' and 'return' cannot appear in an except* block");
      }
      if (loop && (top.type == FType::kWhileLoop || top.type == FType::kForLoop)) {
        *loop = &u_->fblocks.back();
        return true;
      }
      u_->fblocks.pop_back();
      popped->push_back(top);
      CG_TRY(UnwindFBlock(top, preserve_tos));
    }
    return true;
  }
  void Restore(std::vector<FBlock>* popped) {
    while (!popped->empty()) {
      u_->fblocks.push_back(popped->back());
      popped->pop_back();
    }
  }

  bool Return(const Node* s) {
    const Node* v = Child(s, 0);
    bool preserve = v && v->kind != Kind::Constant;
    if (!IsFunctionLike(u_->type)) return ErrorHere("'return' outside function");
    if (v && u_->type == UnitType::kAsyncFunction && u_->ste->generator) {
      return ErrorHere("'return' with value in async generator");
    }
    Handler* saved = Cur();
    if (preserve) {
      CG_TRY(Expr(v));
    } else if (v) {
      SetLoc(v);
      Emit(Op::NOP);
    }
    if (!v || v->lineno != s->lineno) {
      SetLoc(s);
      Emit(Op::NOP);
    }
    std::vector<FBlock> popped;
    bool ok = UnwindStack(preserve, nullptr, &popped);
    Restore(&popped);
    CG_TRY(ok);
    if (!v) {
      LoadConst(ConstValue::None());
    } else if (!preserve) {
      LoadConst(FromAst(v->f[0].cst));
    }
    Emit(Op::RETURN_VALUE);
    Cur() = saved;
    return true;
  }

  bool Break(const Node* s) {
    (void)s;
    Emit(Op::NOP);  // the statement's line, even if the unwinding code leaves it
    Handler* saved = Cur();
    const FBlock* loop = nullptr;
    std::vector<FBlock> popped;
    bool ok = UnwindStack(false, &loop, &popped);
    if (ok && !loop) {
      Restore(&popped);
      return ErrorHere("'break' outside loop");
    }
    if (ok) {
      FBlock l = *loop;
      ok = UnwindFBlock(l, false);
      if (ok) Jump(kJump, l.exit);
    }
    Restore(&popped);
    Cur() = saved;
    return ok;
  }

  bool Continue(const Node* s) {
    (void)s;
    Emit(Op::NOP);  // the statement's line, even if the unwinding code leaves it
    Handler* saved = Cur();
    const FBlock* loop = nullptr;
    std::vector<FBlock> popped;
    bool ok = UnwindStack(false, &loop, &popped);
    if (ok && !loop) {
      Restore(&popped);
      return ErrorHere("'continue' not properly in loop");
    }
    if (ok) Jump(kJump, loop->block);
    Restore(&popped);
    Cur() = saved;
    return ok;
  }

  // --- control flow ---
  // Jumps to `target` if the truth of `e` equals `cond` (compiler_jump_if).
  // As compile.c, the jumps carry the current (statement's) location; the
  // expressions their own.
  bool JumpIf(const Node* e, Block* target, bool cond) {
    ConstValue cv;
    if (opts_.optimize && Fold(e, &cv)) {
      {
        LocScope loc(this, e);
        Emit(Op::NOP);  // keeps the test's line (CPython's folded LOAD_CONST leaves a NOP)
      }
      if (Truth(cv) == cond) Jump(kJump, target);
      return true;
    }
    switch (e->kind) {
      case Kind::UnaryOp:
        if (Child(e, 0)->kind == Kind::Not) return JumpIf(Child(e, 1), target, !cond);
        break;
      case Kind::BoolOp: {
        Seq vals = SeqOf(e, 1);
        bool is_or = Child(e, 0)->kind == Kind::Or;
        Block* next2 = cond == is_or ? target : NewBlock();
        for (uint32_t i = 0; i + 1 < vals.size(); ++i) CG_TRY(JumpIf(vals[i], next2, is_or));
        CG_TRY(JumpIf(vals[vals.size() - 1], target, cond));
        if (next2 != target) Use(next2);
        return true;
      }
      case Kind::IfExp: {
        Block* end = NewBlock();
        Block* next2 = NewBlock();
        CG_TRY(JumpIf(Child(e, 0), next2, false));
        CG_TRY(JumpIf(Child(e, 1), target, cond));
        Jump(kJump, end);
        Use(next2);
        CG_TRY(JumpIf(Child(e, 2), target, cond));
        Use(end);
        return true;
      }
      default:
        break;
    }
    CG_TRY(Expr(e));
    // 3.11 gives the jump after a comparison the comparison's location, which
    // then stays current for the following jumps of the same condition.
    if (e->kind == Kind::Compare) SetLoc(e);
    Jump(static_cast<int>(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE), target);
    return true;
  }

  // update_start_location_to_match_attr: instructions of an attribute access
  // (and of a method call) start on the line where the attribute name is.
  void MatchAttrStart(const Node* attr) {
    Position& p = u_->as.pos;
    if (p.lineno == attr->end_lineno) return;
    p.lineno = attr->end_lineno;
    int len = static_cast<int>(Ident(attr, 1).size());
    if (len <= attr->end_col_offset) {
      p.col = attr->end_col_offset - len;
    } else {
      p.col = -1;
      p.end_col = -1;
    }
    p.end_lineno = std::max(p.lineno, p.end_lineno);
    if (p.lineno == p.end_lineno) p.end_col = std::max(p.col, p.end_col);
  }

  bool If(const Node* s) {
    Block* end = NewBlock();
    Seq orelse = SeqOf(s, 2);
    Block* next = orelse.empty() ? end : NewBlock();
    CG_TRY(JumpIf(Child(s, 0), next, false));
    CG_TRY(Stmts(SeqOf(s, 1)));
    if (!orelse.empty()) {
      UnsetLoc();
      Jump(kJump, end);
      Use(next);
      CG_TRY(Stmts(orelse));
    }
    Use(end);
    return true;
  }

  bool While(const Node* s) {
    Block* loop = NewBlock();
    Block* anchor = NewBlock();
    Block* end = NewBlock();
    Use(loop);
    CG_TRY(PushFBlock(FType::kWhileLoop, loop, end));
    CG_TRY(JumpIf(Child(s, 0), anchor, false));
    CG_TRY(Stmts(SeqOf(s, 1)));
    SetLoc(s);  // the back jump is the `while` line's (3.11 re-tests there)
    Jump(kJump, loop);
    PopFBlock();
    Use(anchor);
    CG_TRY(Stmts(SeqOf(s, 2)));
    Use(end);
    return true;
  }

  bool For(const Node* s) {
    Block* start = NewBlock();
    Block* cleanup = NewBlock();
    Block* end = NewBlock();
    CG_TRY(PushFBlock(FType::kForLoop, start, end));
    CG_TRY(Expr(Child(s, 1)));
    SetLoc(s);
    Emit(Op::GET_ITER);
    Use(start);
    Jump(static_cast<int>(Op::FOR_ITER), cleanup);
    CG_TRY(Expr(Child(s, 0)));
    CG_TRY(Stmts(SeqOf(s, 2)));
    UnsetLoc();
    Jump(kJump, start);
    Use(cleanup);
    PopFBlock();
    CG_TRY(Stmts(SeqOf(s, 3)));
    Use(end);
    return true;
  }

  bool InAsyncContext() const { return u_->type == UnitType::kAsyncFunction; }

  bool AsyncFor(const Node* s) {
    if (!InAsyncContext()) return ErrorHere("'async for' outside async function");
    Block* start = NewBlock();
    Block* except = NewBlock();
    Block* end = NewBlock();
    CG_TRY(Expr(Child(s, 1)));
    SetLoc(s);
    Emit(Op::GET_AITER);
    Use(start);
    CG_TRY(PushFBlock(FType::kForLoop, start, end));
    Handler* outer = Cur();
    u_->as.Setup(u_->as.NewHandler(except, false, 0));
    Emit(Op::GET_ANEXT);
    LoadConst(ConstValue::None());
    YieldFrom(true);
    Cur() = outer;
    CG_TRY(Expr(Child(s, 0)));
    CG_TRY(Stmts(SeqOf(s, 2)));
    UnsetLoc();
    Jump(kJump, start);
    PopFBlock();
    Use(except);
    SetLoc(Child(s, 1));
    Emit(Op::END_ASYNC_FOR);
    CG_TRY(Stmts(SeqOf(s, 3)));
    Use(end);
    return true;
  }

  // The loop of `yield from` / `await`: (receiver, value) -> (result).
  void YieldFrom(bool await) {
    Block* send = NewBlock();
    Block* fail = NewBlock();
    Block* exit = NewBlock();
    Use(send);
    Jump(static_cast<int>(Op::SEND), exit);
    Handler* outer = Cur();
    u_->as.Setup(u_->as.NewHandler(fail, false, -1));
    Emit(Op::YIELD_VALUE, static_cast<uint32_t>(YieldKind::kDelegating));
    Cur() = outer;
    Emit(Op::RESUME, static_cast<uint32_t>(await ? ResumeWhere::kAfterAwait : ResumeWhere::kAfterYieldFrom));
    Jump(kJumpNoInterrupt, send);
    Use(fail);
    Emit(Op::CLEANUP_THROW);
    Use(exit);
  }

  void CallExitWithNones() {
    LoadConst(ConstValue::None());
    LoadConst(ConstValue::None());
    LoadConst(ConstValue::None());
    Emit(Op::CALL, 2);
  }

  // After WITH_EXCEPT_START: suppress or re-raise (compiler_with_except_finish).
  void WithExceptFinish(Block* cleanup, Handler* outer) {
    Block* suppress = NewBlock();
    Block* exit = NewBlock();
    Jump(static_cast<int>(Op::POP_JUMP_IF_TRUE), suppress);
    Emit(Op::RERAISE, 2);
    Use(suppress);
    Emit(Op::POP_TOP);
    Cur() = outer;
    Emit(Op::POP_EXCEPT);
    Emit(Op::POP_TOP);
    Emit(Op::POP_TOP);
    Jump(kJump, exit);
    Use(cleanup);
    PopExceptAndReraise();
    Use(exit);
  }

  void PopExceptAndReraise() {
    Emit(Op::COPY, 3);
    Emit(Op::POP_EXCEPT);
    Emit(Op::RERAISE, 1);
  }

  bool With(const Node* s, uint32_t pos, bool is_async) {
    const Node* item = SeqOf(s, 0)[pos];
    Block* final = NewBlock();
    Block* exit = NewBlock();
    Block* cleanup = NewBlock();
    CG_TRY(Expr(Child(item, 0)));
    SetLoc(s);
    Handler* outer = Cur();
    if (is_async) {
      Emit(Op::BEFORE_ASYNC_WITH);
      Emit(Op::GET_AWAITABLE, static_cast<uint32_t>(AwaitWhere::kAfterAenter));
      LoadConst(ConstValue::None());
      YieldFrom(true);
    } else {
      Emit(Op::BEFORE_WITH);
    }
    u_->as.Setup(u_->as.NewHandler(final, true, -1));
    CG_TRY(PushFBlock(is_async ? FType::kAsyncWith : FType::kWith, nullptr, final, s, {}, outer));
    if (const Node* v = Child(item, 1)) {
      CG_TRY(Expr(v));
    } else {
      Emit(Op::POP_TOP);
    }
    if (pos + 1 == SeqOf(s, 0).size()) {
      CG_TRY(Stmts(SeqOf(s, 1)));
    } else {
      CG_TRY(With(s, pos + 1, is_async));
    }
    PopFBlock();
    Cur() = outer;
    SetLoc(s);
    CallExitWithNones();
    if (is_async) {
      Emit(Op::GET_AWAITABLE, static_cast<uint32_t>(AwaitWhere::kAfterAexit));
      LoadConst(ConstValue::None());
      YieldFrom(true);
    }
    Emit(Op::POP_TOP);
    Jump(kJump, exit);
    Use(final);
    u_->as.Setup(u_->as.NewHandler(cleanup, true, 0));
    Emit(Op::PUSH_EXC_INFO);
    Emit(Op::WITH_EXCEPT_START);
    if (is_async) {
      Emit(Op::GET_AWAITABLE, static_cast<uint32_t>(AwaitWhere::kAfterAexit));
      LoadConst(ConstValue::None());
      YieldFrom(true);
    }
    WithExceptFinish(cleanup, outer);
    Use(exit);
    return true;
  }

  bool TryExcept(const Node* s) {
    SetLoc(s);
    Emit(Op::NOP);  // the `try` line (3.11's SETUP_FINALLY becomes a NOP)
    Block* except = NewBlock();
    Block* end = NewBlock();
    Block* cleanup = NewBlock();
    Handler* h0 = Cur();
    u_->as.Setup(u_->as.NewHandler(except, false, 0));
    CG_TRY(PushFBlock(FType::kTryExcept, nullptr, nullptr, nullptr, {}, h0));
    CG_TRY(Stmts(SeqOf(s, 0)));
    PopFBlock();
    Cur() = h0;
    UnsetLoc();
    CG_TRY(Stmts(SeqOf(s, 2)));
    UnsetLoc();
    Jump(kJump, end);
    Use(except);
    Handler* h2 = u_->as.NewHandler(cleanup, true, 0);
    u_->as.Setup(h2);
    Emit(Op::PUSH_EXC_INFO);
    CG_TRY(PushFBlock(FType::kExceptionHandler, nullptr, nullptr));
    Seq handlers = SeqOf(s, 1);
    for (uint32_t i = 0; i < handlers.size(); ++i) {
      const Node* h = handlers[i];
      SetLoc(h);
      const Node* type = Child(h, 0);
      if (!type && i + 1 < handlers.size()) return Error("default 'except:' must be last", h);
      Block* next = NewBlock();
      if (type) {
        CG_TRY(Expr(type));
        Emit(Op::CHECK_EXC_MATCH);
        Jump(static_cast<int>(Op::POP_JUMP_IF_FALSE), next);
      }
      if (HasIdent(h, 1)) {
        std::string_view name = Ident(h, 1);
        Block* cleanup_end = NewBlock();
        CG_TRY(NameOp(name, Ctx::kStore));
        u_->as.Setup(u_->as.NewHandler(cleanup_end, true, 0));
        CG_TRY(PushFBlock(FType::kHandlerCleanup, nullptr, nullptr, nullptr, name, h0));
        CG_TRY(Stmts(SeqOf(h, 2)));
        PopFBlock();
        UnsetLoc();
        Cur() = h0;
        Emit(Op::POP_EXCEPT);
        LoadConst(ConstValue::None());
        CG_TRY(NameOp(name, Ctx::kStore));
        CG_TRY(NameOp(name, Ctx::kDel));
        Jump(kJump, end);
        Use(cleanup_end);
        Cur() = h2;
        UnsetLoc();
        LoadConst(ConstValue::None());
        CG_TRY(NameOp(name, Ctx::kStore));
        CG_TRY(NameOp(name, Ctx::kDel));
        Emit(Op::RERAISE, 1);
      } else {
        Emit(Op::POP_TOP);
        CG_TRY(PushFBlock(FType::kHandlerCleanup, nullptr, nullptr, nullptr, {}, h0));
        CG_TRY(Stmts(SeqOf(h, 2)));
        PopFBlock();
        UnsetLoc();
        Cur() = h0;
        Emit(Op::POP_EXCEPT);
        Jump(kJump, end);
      }
      Use(next);
      Cur() = h2;
    }
    UnsetLoc();
    PopFBlock();
    Emit(Op::RERAISE, 0);
    Use(cleanup);
    Cur() = h0;
    PopExceptAndReraise();
    Use(end);
    return true;
  }

  bool TryFinally(const Node* s, bool star) {
    SetLoc(s);
    Emit(Op::NOP);
    Block* end = NewBlock();
    Block* exit = NewBlock();
    Block* cleanup = NewBlock();
    Handler* h0 = Cur();
    u_->as.Setup(u_->as.NewHandler(end, false, 0));
    CG_TRY(PushFBlock(FType::kFinallyTry, nullptr, end, s, {}, h0));
    if (!SeqOf(s, 1).empty()) {
      CG_TRY(star ? TryStarExcept(s) : TryExcept(s));
    } else {
      CG_TRY(Stmts(SeqOf(s, 0)));
    }
    PopFBlock();
    Cur() = h0;
    CG_TRY(Stmts(SeqOf(s, 3)));
    UnsetLoc();
    Jump(kJump, exit);
    Use(end);
    u_->as.Setup(u_->as.NewHandler(cleanup, true, 0));
    Emit(Op::PUSH_EXC_INFO);
    CG_TRY(PushFBlock(FType::kFinallyEnd, end, nullptr, nullptr, {}, h0));
    CG_TRY(Stmts(SeqOf(s, 3)));
    PopFBlock();
    UnsetLoc();
    Emit(Op::RERAISE, 0);
    Use(cleanup);
    Cur() = h0;
    PopExceptAndReraise();
    Use(exit);
    return true;
  }

  // try / except* (compiler_try_star_except of 3.11).
  bool TryStarExcept(const Node* s) {
    SetLoc(s);
    Emit(Op::NOP);
    Block* except = NewBlock();
    Block* end = NewBlock();
    Block* cleanup = NewBlock();
    Block* reraise_star = NewBlock();
    Handler* h0 = Cur();
    u_->as.Setup(u_->as.NewHandler(except, false, 0));
    CG_TRY(PushFBlock(FType::kTryExcept, nullptr, nullptr, nullptr, {}, h0));
    CG_TRY(Stmts(SeqOf(s, 0)));
    PopFBlock();
    Cur() = h0;
    UnsetLoc();
    CG_TRY(Stmts(SeqOf(s, 2)));
    UnsetLoc();
    Jump(kJump, end);
    Use(except);
    Handler* h2 = u_->as.NewHandler(cleanup, true, 0);
    u_->as.Setup(h2);
    Emit(Op::PUSH_EXC_INFO);  // (prev, eg)
    CG_TRY(PushFBlock(FType::kExceptionGroupHandler, nullptr, nullptr, nullptr, {}, h0));
    Seq handlers = SeqOf(s, 1);
    uint32_t n = handlers.size();
    for (uint32_t i = 0; i < n; ++i) {
      const Node* h = handlers[i];
      SetLoc(h);
      const Node* type = Child(h, 0);
      Block* next = NewBlock();
      Block* except_with_error = NewBlock();
      Block* no_match = NewBlock();
      if (i == 0) {
        // (prev, eg) -> (prev, orig, list, rest): orig is kept for PREP_RERAISE_STAR
        Emit(Op::COPY, 1);
        Emit(Op::BUILD_LIST, 0);
        Emit(Op::SWAP, 2);
      }
      if (type) {
        CG_TRY(Expr(type));
        Emit(Op::CHECK_EG_MATCH);  // (.., rest, type) -> (.., rest, match)
        Emit(Op::COPY, 1);
        Jump(static_cast<int>(Op::POP_JUMP_IF_NONE), no_match);
      } else {
        return Error("expected an exception type in except*", h);
      }
      Block* cleanup_end = NewBlock();
      Block* cleanup_body = NewBlock();
      (void)cleanup_body;
      if (HasIdent(h, 1)) {
        CG_TRY(NameOp(Ident(h, 1), Ctx::kStore));
      } else {
        Emit(Op::POP_TOP);
      }
      // stack: (prev, orig, list, rest)
      Handler* hb = u_->as.NewHandler(cleanup_end, true, 0);
      u_->as.Setup(hb);
      CG_TRY(PushFBlock(FType::kHandlerCleanup, nullptr, nullptr, nullptr, Ident(h, 1), h0));
      CG_TRY(Stmts(SeqOf(h, 2)));
      PopFBlock();
      UnsetLoc();
      Cur() = h2;
      if (HasIdent(h, 1)) {
        LoadConst(ConstValue::None());
        CG_TRY(NameOp(Ident(h, 1), Ctx::kStore));
        CG_TRY(NameOp(Ident(h, 1), Ctx::kDel));
      }
      Jump(kJump, except_with_error);
      // an exception raised in the handler body: (prev, orig, list, rest, lasti, exc)
      Use(cleanup_end);
      Cur() = h2;
      if (HasIdent(h, 1)) {
        LoadConst(ConstValue::None());
        CG_TRY(NameOp(Ident(h, 1), Ctx::kStore));
        CG_TRY(NameOp(Ident(h, 1), Ctx::kDel));
      }
      // append exc to the list, drop lasti
      Emit(Op::LIST_APPEND, 3);  // (.., list, rest, lasti) after popping exc
      Emit(Op::POP_TOP);         // lasti
      Jump(kJump, except_with_error);
      Use(no_match);
      Emit(Op::POP_TOP);  // None match
      Use(except_with_error);
      if (i + 1 == n) {
        // the unhandled rest (or None) joins the list: (prev, orig, list)
        Emit(Op::LIST_APPEND, 1);
        Jump(kJump, reraise_star);
      }
      Use(next);
    }
    PopFBlock();
    Use(reraise_star);
    Cur() = h2;
    UnsetLoc();
    Emit(Op::PREP_RERAISE_STAR);  // (prev, orig, list) -> (prev, exc_or_None)
    Emit(Op::COPY, 1);
    Block* reraise = NewBlock();
    Jump(static_cast<int>(Op::POP_JUMP_IF_NOT_NONE), reraise);
    Emit(Op::POP_TOP);
    Cur() = h0;
    Emit(Op::POP_EXCEPT);
    Jump(kJump, end);
    Use(reraise);
    Cur() = h0;
    Emit(Op::SWAP, 2);
    Emit(Op::POP_EXCEPT);
    Emit(Op::RERAISE, 0);
    Use(cleanup);
    Cur() = h0;
    PopExceptAndReraise();
    Use(end);
    return true;
  }

  bool Assert(const Node* s) {
    if (opts_.optimize_level > 0) return true;
    Block* end = NewBlock();
    CG_TRY(JumpIf(Child(s, 0), end, true));
    SetLoc(s);
    Emit(Op::LOAD_ASSERTION_ERROR);
    if (const Node* m = Child(s, 1)) {
      CG_TRY(Expr(m));
      SetLoc(s);
      Emit(Op::CALL, 0);
    }
    Emit(Op::RAISE_VARARGS, 1);
    Use(end);
    return true;
  }

  bool Import(const Node* s) {
    for (const Node* a : SeqOf(s, 0)) {
      SetLoc(s);
      std::string_view name = Ident(a, 0);
      LoadConst(ConstValue::Int(0));
      LoadConst(ConstValue::None());
      Emit(Op::IMPORT_NAME, Name(name));
      if (HasIdent(a, 1)) {
        size_t dot = name.find('.');
        if (dot != std::string_view::npos) {
          while (true) {
            size_t pos = dot + 1;
            dot = name.find('.', pos);
            std::string_view attr = name.substr(pos, dot == std::string_view::npos ? name.size() - pos : dot - pos);
            Emit(Op::IMPORT_FROM, Name(attr));
            if (dot == std::string_view::npos) break;
            Emit(Op::SWAP, 2);
            Emit(Op::POP_TOP);
          }
          CG_TRY(NameOp(Ident(a, 1), Ctx::kStore));
          Emit(Op::POP_TOP);
        } else {
          CG_TRY(NameOp(Ident(a, 1), Ctx::kStore));
        }
      } else {
        size_t dot = name.find('.');
        CG_TRY(NameOp(name.substr(0, dot), Ctx::kStore));
      }
    }
    return true;
  }

  bool ImportFrom(const Node* s) {
    Seq names = SeqOf(s, 1);
    int64_t level = s->f[2].tag == Slot::kInt ? s->f[2].num : 0;
    LoadConst(ConstValue::Int(level));
    ConstValue t;
    t.kind = ConstValue::kTuple;
    for (const Node* a : names) t.items.push_back(ConstValue::Str(std::string(Ident(a, 0))));
    std::string_view module = HasIdent(s, 0) ? Ident(s, 0) : std::string_view();
    if (module == "__future__") {
      if (s->lineno > future_lineno_) {
        return ErrorHere("from __future__ imports must occur at the beginning of the file");
      }
      for (const Node* a : names) {
        if (Ident(a, 0) == "braces") return ErrorHere("not a chance");
      }
    }
    LoadConst(t);
    Emit(Op::IMPORT_NAME, Name(module));
    for (const Node* a : names) {
      std::string_view n = Ident(a, 0);
      if (n == "*") {
        Emit(Op::IMPORT_STAR);
        return true;
      }
      Emit(Op::IMPORT_FROM, Name(n));
      CG_TRY(NameOp(HasIdent(a, 1) ? Ident(a, 1) : n, Ctx::kStore));
    }
    Emit(Op::POP_TOP);
    return true;
  }

  bool AugAssign(const Node* s) {
    const Node* t = Child(s, 0);
    uint32_t op = static_cast<uint32_t>(InplaceOf(BinOpOf(Child(s, 1)->kind)));
    switch (t->kind) {
      case Kind::Attribute: {
        {
          LocScope l(this, t);
          CG_TRY(Expr(Child(t, 0)));
          Emit(Op::COPY, 1);
          Emit(Op::LOAD_ATTR, MangledName(Ident(t, 1)));
        }
        CG_TRY(Expr(Child(s, 2)));
        Emit(Op::BINARY_OP, op);
        SetLoc(t);
        Emit(Op::SWAP, 2);
        Emit(Op::STORE_ATTR, MangledName(Ident(t, 1)));
        return true;
      }
      case Kind::Subscript: {
        {
          LocScope l(this, t);
          CG_TRY(Expr(Child(t, 0)));
          CG_TRY(Expr(Child(t, 1)));
          Emit(Op::COPY, 2);
          Emit(Op::COPY, 2);
          Emit(Op::BINARY_SUBSCR);
        }
        CG_TRY(Expr(Child(s, 2)));
        Emit(Op::BINARY_OP, op);
        SetLoc(t);
        Emit(Op::SWAP, 3);
        Emit(Op::SWAP, 2);
        Emit(Op::STORE_SUBSCR);
        return true;
      }
      case Kind::Name: {
        {
          LocScope l(this, t);
          CG_TRY(NameOp(Ident(t, 0), Ctx::kLoad));
        }
        CG_TRY(Expr(Child(s, 2)));
        Emit(Op::BINARY_OP, op);
        SetLoc(t);
        return NameOp(Ident(t, 0), Ctx::kStore);
      }
      default:
        return Error("illegal expression for augmented assignment", t);
    }
  }

  bool AnnotationValue(const Node* a) {
    if (future_annotations_) {
      LoadConst(ConstValue::Str(Unparse(a)));
      return true;
    }
    return Expr(a);
  }

  bool AnnAssign(const Node* s) {
    const Node* t = Child(s, 0);
    const Node* value = Child(s, 2);
    if (value) {
      CG_TRY(Expr(value));
      CG_TRY(Expr(t));
    }
    bool module_or_class = u_->type == UnitType::kModule || u_->type == UnitType::kClass;
    switch (t->kind) {
      case Kind::Name:
        if (s->f[3].num && module_or_class) {
          SetLoc(s);
          CG_TRY(AnnotationValue(Child(s, 1)));
          Emit(Op::LOAD_NAME, Name("__annotations__"));
          LoadConst(ConstValue::Str(Mangle(Ident(t, 0))));
          Emit(Op::STORE_SUBSCR);
        }
        break;
      case Kind::Attribute:
        if (!value) {
          CG_TRY(Expr(Child(t, 0)));
          Emit(Op::POP_TOP);
        }
        break;
      case Kind::Subscript:
        if (!value) {
          CG_TRY(Expr(Child(t, 0)));
          Emit(Op::POP_TOP);
          CG_TRY(Expr(Child(t, 1)));
          Emit(Op::POP_TOP);
        }
        break;
      default:
        return Error("invalid node type for annotated assignment", t);
    }
    if (!s->f[3].num || !module_or_class) {
      if (!future_annotations_ && module_or_class) {
        CG_TRY(Expr(Child(s, 1)));
        Emit(Op::POP_TOP);
      }
    }
    return true;
  }

  // --- functions and classes ---
  std::vector<std::string> ParamNames(const Node* args) {
    std::vector<std::string> out;
    for (int i : {0, 1}) {
      for (const Node* a : SeqOf(args, i)) out.push_back(Mangle(Ident(a, 0)));
    }
    for (const Node* a : SeqOf(args, 3)) out.push_back(Mangle(Ident(a, 0)));
    if (const Node* v = Child(args, 2)) out.push_back(Mangle(Ident(v, 0)));
    if (const Node* k = Child(args, 5)) out.push_back(Mangle(Ident(k, 0)));
    return out;
  }

  // Pushes defaults / kw-defaults; returns MAKE_FUNCTION flags.
  bool Defaults(const Node* args, uint32_t* flags) {
    Seq defaults = SeqOf(args, 6);
    ConstValue folded;
    if (opts_.optimize && !defaults.empty() && AllConst(defaults, &folded)) {
      // CPython folds the BUILD_TUPLE of constants, leaving a NOP (and so a line)
      // per element.
      Position saved = u_->as.pos;
      for (const Node* d : defaults) {
        SetLoc(d);
        Emit(Op::NOP);
      }
      u_->as.pos = saved;
      LoadConst(folded);
      *flags |= kMakeFunctionDefaults;
    } else if (!defaults.empty()) {
      CG_TRY(SequenceLoad(defaults, Op::BUILD_TUPLE, true));
      *flags |= kMakeFunctionDefaults;
    }
    Seq kwonly = SeqOf(args, 3), kwd = SeqOf(args, 4);
    uint32_t n = 0;
    for (uint32_t i = 0; i < kwonly.size() && i < kwd.size(); ++i) {
      if (!kwd[i]) continue;
      LoadConst(ConstValue::Str(Mangle(Ident(kwonly[i], 0))));
      CG_TRY(Expr(kwd[i]));
      ++n;
    }
    if (n) {
      Emit(Op::BUILD_MAP, n);
      *flags |= kMakeFunctionKwDefaults;
    }
    return true;
  }

  bool ArgAnnotation(const Node* a, uint32_t* n) {
    const Node* ann = Child(a, 1);
    if (!ann) return true;
    LoadConst(ConstValue::Str(Mangle(Ident(a, 0))));
    if (ann->kind == Kind::Starred && !future_annotations_) {
      CG_TRY(Expr(Child(ann, 0)));
      Emit(Op::UNPACK_SEQUENCE, 1);
    } else {
      CG_TRY(AnnotationValue(ann));
    }
    *n += 2;
    return true;
  }

  bool Annotations(const Node* args, const Node* returns, uint32_t* flags) {
    uint32_t n = 0;
    for (const Node* a : SeqOf(args, 1)) CG_TRY(ArgAnnotation(a, &n));
    for (const Node* a : SeqOf(args, 0)) CG_TRY(ArgAnnotation(a, &n));
    if (const Node* v = Child(args, 2)) CG_TRY(ArgAnnotation(v, &n));
    for (const Node* a : SeqOf(args, 3)) CG_TRY(ArgAnnotation(a, &n));
    if (const Node* k = Child(args, 5)) CG_TRY(ArgAnnotation(k, &n));
    if (returns) {
      LoadConst(ConstValue::Str("return"));
      CG_TRY(AnnotationValue(returns));
      n += 2;
    }
    if (n) {
      Emit(Op::BUILD_TUPLE, n);
      *flags |= kMakeFunctionAnnotations;
    }
    return true;
  }

  // Pushes the closure (if the code has free variables), the code, MAKE_FUNCTION.
  bool MakeClosure(const std::shared_ptr<CodeUnit>& code, uint32_t flags) {
    if (!code->freevars.empty()) {
      for (const std::string& name : code->freevars) {
        uint32_t arg;
        auto c = u_->cells.find(name);
        if (c != u_->cells.end()) {
          arg = c->second;
        } else {
          auto f = u_->frees.find(name);
          if (f == u_->frees.end()) {
            err_.type = "SystemError";
            err_.msg = "pyrt code generator: no cell for free variable '" + name + "' of " +
                       code->qualname + " in " + u_->code->qualname;
            return false;
          }
          arg = static_cast<uint32_t>(u_->code->cellvars.size()) + f->second;
        }
        Emit(Op::LOAD_CLOSURE, arg);
      }
      Emit(Op::BUILD_TUPLE, static_cast<uint32_t>(code->freevars.size()));
      flags |= kMakeFunctionClosure;
    }
    ConstValue cv;
    cv.kind = ConstValue::kCode;
    cv.code = code;
    LoadConst(cv);
    Emit(Op::MAKE_FUNCTION, flags);
    return true;
  }

  const Scope* ScopeFor(const Node* n) {
    auto it = scope_of_.find(n);
    return it == scope_of_.end() ? nullptr : it->second;
  }

  bool FunctionDef(const Node* s, bool is_async) {
    const Node* args = Child(s, 1);
    Seq decos = SeqOf(s, 3);
    for (const Node* d : decos) {
      CG_TRY(Expr(d));
      SetLoc(d);
      Emit(Op::PUSH_NULL);
    }
    int firstlineno = decos.empty() ? s->lineno : decos[0]->lineno;
    SetLoc(s);
    uint32_t flags = 0;
    CG_TRY(Defaults(args, &flags));
    CG_TRY(Annotations(args, Child(s, 4), &flags));
    const Scope* ste = ScopeFor(s);
    if (!ste) return Error("no symbol table for function", s);
    std::string name(Ident(s, 0));
    Enter(name, is_async ? UnitType::kAsyncFunction : UnitType::kFunction, ste, firstlineno,
          ParamNames(args));
    SetArgCounts(args);
    Seq body = SeqOf(s, 2);
    const Node* doc = DocString(body);
    LoadConstIndexOnly(doc && opts_.optimize_level < 2 ? FromAst(doc->f[0].cst) : ConstValue::None());
    for (uint32_t i = doc ? 1 : 0; i < body.size(); ++i) CG_TRY(Stmt(body[i]));
    std::shared_ptr<CodeUnit> code;
    CG_TRY(Exit(&code));
    SetLoc(s);
    CG_TRY(MakeClosure(code, flags));
    for (uint32_t i = decos.size(); i-- > 0;) {
      SetLoc(decos[i]);
      Emit(Op::CALL, 1);
    }
    SetLoc(s);
    return NameOp(name, Ctx::kStore);
  }

  void LoadConstIndexOnly(const ConstValue& v) { Const(v); }

  void SetArgCounts(const Node* args) {
    CodeUnit& c = *u_->code;
    c.posonlyargcount = static_cast<int32_t>(SeqOf(args, 0).size());
    c.argcount = c.posonlyargcount + static_cast<int32_t>(SeqOf(args, 1).size());
    c.kwonlyargcount = static_cast<int32_t>(SeqOf(args, 3).size());
    if (Child(args, 2)) c.flags |= CO_VARARGS;
    if (Child(args, 5)) c.flags |= CO_VARKEYWORDS;
  }

  bool ClassDef(const Node* s) {
    Seq decos = SeqOf(s, 4);
    for (const Node* d : decos) {
      CG_TRY(Expr(d));
      SetLoc(d);
      Emit(Op::PUSH_NULL);
    }
    int firstlineno = decos.empty() ? s->lineno : decos[0]->lineno;
    const Scope* ste = ScopeFor(s);
    if (!ste) return Error("no symbol table for class", s);
    std::string name(Ident(s, 0));
    Enter(name, UnitType::kClass, ste, firstlineno);
    // (the __module__/__qualname__ stores keep the first line, as in 3.11)
    CG_TRY(NameOp("__name__", Ctx::kLoad));
    CG_TRY(NameOp("__module__", Ctx::kStore));
    LoadConst(ConstValue::Str(u_->code->qualname));
    CG_TRY(NameOp("__qualname__", Ctx::kStore));
    CG_TRY(Body(SeqOf(s, 3)));
    UnsetLoc();
    if (ste->needs_class_closure) {
      Emit(Op::LOAD_CLOSURE, u_->cells["__class__"]);
      Emit(Op::COPY, 1);
      CG_TRY(NameOp("__classcell__", Ctx::kStore));
    } else {
      LoadConst(ConstValue::None());
    }
    Emit(Op::RETURN_VALUE);
    std::shared_ptr<CodeUnit> code;
    CG_TRY(Exit(&code));
    SetLoc(s);
    Emit(Op::LOAD_BUILD_CLASS);
    Emit(Op::PUSH_NULL);
    CG_TRY(MakeClosure(code, 0));
    LoadConst(ConstValue::Str(name));
    CG_TRY(CallHelper(2, SeqOf(s, 1), SeqOf(s, 2), s));
    for (uint32_t i = decos.size(); i-- > 0;) {
      SetLoc(decos[i]);
      Emit(Op::CALL, 1);
    }
    SetLoc(s);
    return NameOp(name, Ctx::kStore);
  }

  bool Lambda(const Node* e) {
    const Node* args = Child(e, 0);
    uint32_t flags = 0;
    CG_TRY(Defaults(args, &flags));
    const Scope* ste = ScopeFor(e);
    if (!ste) return Error("no symbol table for lambda", e);
    Enter("<lambda>", UnitType::kLambda, ste, e->lineno, ParamNames(args));
    SetArgCounts(args);
    LoadConstIndexOnly(ConstValue::None());
    SetLoc(Child(e, 1));
    CG_TRY(Expr(Child(e, 1)));
    Emit(Op::RETURN_VALUE);
    std::shared_ptr<CodeUnit> code;
    CG_TRY(Exit(&code));
    SetLoc(e);
    return MakeClosure(code, flags);
  }

  // --- comprehensions ---
  bool Comprehension(const Node* e) {
    Kind k = e->kind;
    const char* name = k == Kind::ListComp ? "<listcomp>"
                       : k == Kind::SetComp ? "<setcomp>"
                       : k == Kind::DictComp ? "<dictcomp>"
                                             : "<genexpr>";
    int gens_field = k == Kind::DictComp ? 2 : 1;
    Seq gens = SeqOf(e, gens_field);
    const Node* outermost = gens[0];
    const Scope* ste = ScopeFor(e);
    if (!ste) return Error("no symbol table for comprehension", e);
    UnitType parent_type = u_->type;
    Enter(name, UnitType::kComprehension, ste, e->lineno, {".0"});
    u_->code->argcount = 1;
    SetLoc(e);
    bool is_async = IsAsyncComprehension(ste);
    if (is_async && k != Kind::GeneratorExp && parent_type != UnitType::kAsyncFunction &&
        parent_type != UnitType::kComprehension) {
      return ErrorHere("asynchronous comprehension outside of an asynchronous function");
    }
    if (k == Kind::ListComp) Emit(Op::BUILD_LIST, 0);
    if (k == Kind::SetComp) Emit(Op::BUILD_SET, 0);
    if (k == Kind::DictComp) Emit(Op::BUILD_MAP, 0);
    CG_TRY(ComprehensionGenerator(e, gens, 0, 0));
    if (k != Kind::GeneratorExp) {
      SetLoc(e);
      Emit(Op::RETURN_VALUE);
    }
    std::shared_ptr<CodeUnit> code;
    CG_TRY(Exit(&code));
    SetLoc(e);
    CG_TRY(MakeClosure(code, 0));
    CG_TRY(Expr(Child(outermost, 1)));
    SetLoc(e);
    Emit(outermost->f[3].num ? Op::GET_AITER : Op::GET_ITER);
    Emit(Op::CALL, 0);
    if (is_async && k != Kind::GeneratorExp) {
      Emit(Op::GET_AWAITABLE, 0);
      LoadConst(ConstValue::None());
      YieldFrom(true);
    }
    return true;
  }

  // `depth`: how many iterators are on the stack above the result container.
  bool ComprehensionGenerator(const Node* e, Seq gens, uint32_t index, uint32_t depth) {
    const Node* gen = gens[index];
    bool is_async = gen->f[3].num != 0;
    Block* start = NewBlock();
    Block* if_cleanup = NewBlock();
    Block* anchor = NewBlock();
    Block* except = NewBlock();
    if (index == 0) {
      Emit(Op::LOAD_FAST, 0);
    } else {
      CG_TRY(Expr(Child(gen, 1)));
      SetLoc(e);
      Emit(is_async ? Op::GET_AITER : Op::GET_ITER);
    }
    ++depth;
    Use(start);
    Handler* outer = Cur();
    if (is_async) {
      CG_TRY(PushFBlock(FType::kAsyncComprehension, start, nullptr));
      u_->as.Setup(u_->as.NewHandler(except, false, 0));
      Emit(Op::GET_ANEXT);
      LoadConst(ConstValue::None());
      YieldFrom(true);
      Cur() = outer;
    } else {
      Jump(static_cast<int>(Op::FOR_ITER), anchor);
    }
    CG_TRY(Expr(Child(gen, 0)));
    for (const Node* cond : SeqOf(gen, 2)) CG_TRY(JumpIf(cond, if_cleanup, false));
    if (index + 1 < gens.size()) {
      CG_TRY(ComprehensionGenerator(e, gens, index + 1, depth));
    } else {
      SetLoc(e);
      switch (e->kind) {
        case Kind::GeneratorExp:
          CG_TRY(Expr(Child(e, 0)));
          SetLoc(e);
          EmitYield();
          Emit(Op::POP_TOP);
          break;
        case Kind::ListComp:
          CG_TRY(Expr(Child(e, 0)));
          Emit(Op::LIST_APPEND, depth + 1);
          break;
        case Kind::SetComp:
          CG_TRY(Expr(Child(e, 0)));
          Emit(Op::SET_ADD, depth + 1);
          break;
        default:  // DictComp
          CG_TRY(Expr(Child(e, 0)));
          CG_TRY(Expr(Child(e, 1)));
          SetLoc(e);
          Emit(Op::MAP_ADD, depth + 1);
          break;
      }
    }
    Use(if_cleanup);
    UnsetLoc();
    Jump(kJump, start);
    if (is_async) {
      PopFBlock();
      Use(except);
      SetLoc(e);
      Emit(Op::END_ASYNC_FOR);
    } else {
      Use(anchor);
    }
    return true;
  }

  void EmitYield() {
    if (u_->code->flags & CO_ASYNC_GENERATOR) Emit(Op::ASYNC_GEN_WRAP);
    Emit(Op::YIELD_VALUE, static_cast<uint32_t>(YieldKind::kPlain));
    Emit(Op::RESUME, static_cast<uint32_t>(ResumeWhere::kAfterYield));
  }

  // --- calls ---
  bool ValidateKeywords(Seq kws) {
    for (uint32_t i = 0; i < kws.size(); ++i) {
      if (!HasIdent(kws[i], 0)) continue;
      for (uint32_t j = i + 1; j < kws.size(); ++j) {
        if (HasIdent(kws[j], 0) && Ident(kws[i], 0) == Ident(kws[j], 0)) {
          return Error("keyword argument repeated: " + std::string(Ident(kws[i], 0)), kws[j]);
        }
      }
    }
    return true;
  }

  void KwNames(Seq kws, uint32_t from, uint32_t to) {
    ConstValue t;
    t.kind = ConstValue::kTuple;
    for (uint32_t i = from; i < to; ++i) t.items.push_back(ConstValue::Str(std::string(Ident(kws[i], 0))));
    Emit(Op::KW_NAMES, Const(t));
  }

  bool Call(const Node* e) {
    Seq args = SeqOf(e, 1), kws = SeqOf(e, 2);
    CG_TRY(ValidateKeywords(kws));
    const Node* f = Child(e, 0);
    // method call: obj.name(args) without * / ** and not too many arguments
    if (f->kind == Kind::Attribute && IsLoad(f) &&
        args.size() + kws.size() + (kws.empty() ? 0 : 1) < static_cast<uint32_t>(kStackUseGuideline)) {
      bool simple = true;
      for (const Node* a : args) simple = simple && a->kind != Kind::Starred;
      for (const Node* k : kws) simple = simple && HasIdent(k, 0);
      if (simple) {
        CG_TRY(Expr(Child(f, 0)));
        SetLoc(f);
        MatchAttrStart(f);
        Emit(Op::LOAD_METHOD, MangledName(Ident(f, 1)));
        for (const Node* a : args) CG_TRY(Expr(a));
        for (const Node* k : kws) CG_TRY(Expr(Child(k, 1)));
        SetLoc(e);
        MatchAttrStart(f);
        if (!kws.empty()) KwNames(kws, 0, kws.size());
        Emit(Op::CALL, args.size() + kws.size());
        return true;
      }
    }
    if (f->kind == Kind::Name && IsLoad(f)) {
      // LOAD_GLOBAL with the NULL bit when the name is a global
      std::string m = Mangle(Ident(f, 0));
      int sc = ScopeOf(u_->ste, m);
      bool fn = u_->ste->type == BlockType::kFunction;
      if (Ident(f, 0) != "__debug__" &&
          (sc == kGlobalExplicit || (sc == kGlobalImplicit && fn))) {
        SetLoc(f);
        Emit(Op::LOAD_GLOBAL, Name(m) << 1 | 1);
        return CallHelper(0, args, kws, e);
      }
    }
    CG_TRY(Expr(f));
    SetLoc(e);
    Emit(Op::PUSH_NULL);
    return CallHelper(0, args, kws, e);
  }

  // Keyword arguments kws[from, to) as a dict (compiler_subkwargs).
  bool SubKwargs(Seq kws, uint32_t from, uint32_t to) {
    uint32_t n = to - from;
    if (n > 1) {
      for (uint32_t i = from; i < to; ++i) CG_TRY(Expr(Child(kws[i], 1)));
      ConstValue t;
      t.kind = ConstValue::kTuple;
      for (uint32_t i = from; i < to; ++i) t.items.push_back(ConstValue::Str(std::string(Ident(kws[i], 0))));
      LoadConst(t);
      Emit(Op::BUILD_CONST_KEY_MAP, n);
      return true;
    }
    for (uint32_t i = from; i < to; ++i) {
      LoadConst(ConstValue::Str(std::string(Ident(kws[i], 0))));
      CG_TRY(Expr(Child(kws[i], 1)));
    }
    Emit(Op::BUILD_MAP, n);
    return true;
  }

  // Stack: (callable, NULL, n already-pushed positional args).
  bool CallHelper(uint32_t n, Seq args, Seq kws, const Node* e) {
    CG_TRY(ValidateKeywords(kws));
    bool ex = args.size() + kws.size() * 2 > static_cast<uint32_t>(kStackUseGuideline);
    for (const Node* a : args) ex = ex || a->kind == Kind::Starred;
    for (const Node* k : kws) ex = ex || !HasIdent(k, 0);
    if (!ex) {
      for (const Node* a : args) CG_TRY(Expr(a));
      for (const Node* k : kws) CG_TRY(Expr(Child(k, 1)));
      SetLoc(e);
      if (!kws.empty()) KwNames(kws, 0, kws.size());
      Emit(Op::CALL, n + args.size() + kws.size());
      return true;
    }
    if (n == 0 && args.size() == 1 && args[0]->kind == Kind::Starred) {
      CG_TRY(Expr(Child(args[0], 0)));
    } else {
      CG_TRY(StarUnpack(args, n, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true));
    }
    if (!kws.empty()) {
      bool have_dict = false;
      uint32_t nseen = 0;
      for (uint32_t i = 0; i < kws.size(); ++i) {
        if (!HasIdent(kws[i], 0)) {
          if (nseen) {
            CG_TRY(SubKwargs(kws, i - nseen, i));
            if (have_dict) Emit(Op::DICT_MERGE, 1);
            have_dict = true;
            nseen = 0;
          }
          if (!have_dict) {
            Emit(Op::BUILD_MAP, 0);
            have_dict = true;
          }
          CG_TRY(Expr(Child(kws[i], 1)));
          Emit(Op::DICT_MERGE, 1);
        } else {
          ++nseen;
        }
      }
      if (nseen) {
        CG_TRY(SubKwargs(kws, kws.size() - nseen, kws.size()));
        if (have_dict) Emit(Op::DICT_MERGE, 1);
      }
    }
    SetLoc(e);
    Emit(Op::CALL_FUNCTION_EX, kws.empty() ? 0 : 1);
    return true;
  }

  // --- displays ---
  bool AllConst(Seq elts, ConstValue* folded) {
    folded->kind = ConstValue::kTuple;
    folded->items.clear();
    for (const Node* x : elts) {
      if (x->kind == Kind::Starred) return false;
      ConstValue v;
      if (!Fold(x, &v)) return false;
      folded->items.push_back(std::move(v));
    }
    return true;
  }

  // starunpack_helper: builds a list/set (or tuple via a list) from `elts`,
  // after `pushed` values already on the stack.
  bool StarUnpack(Seq elts, uint32_t pushed, Op build, Op add, Op extend, bool tuple) {
    uint32_t n = elts.size();
    ConstValue folded;
    if (opts_.optimize && pushed == 0 && n > 2 && AllConst(elts, &folded)) {
      if (tuple) {
        LoadConst(folded);
      } else {
        if (build == Op::BUILD_SET) folded.kind = ConstValue::kFrozenset;
        Emit(build, 0);
        LoadConst(folded);
        Emit(extend, 1);
      }
      return true;
    }
    bool big = n + pushed > static_cast<uint32_t>(kStackUseGuideline);
    bool star = false;
    for (const Node* x : elts) star = star || x->kind == Kind::Starred;
    if (!star && !big) {
      for (const Node* x : elts) CG_TRY(Expr(x));
      Emit(tuple ? Op::BUILD_TUPLE : build, n + pushed);
      return true;
    }
    bool built = false;
    if (big) {
      Emit(build, pushed);
      built = true;
    }
    for (uint32_t i = 0; i < n; ++i) {
      const Node* x = elts[i];
      if (x->kind == Kind::Starred) {
        if (!built) {
          Emit(build, i + pushed);
          built = true;
        }
        CG_TRY(Expr(Child(x, 0)));
        Emit(extend, 1);
      } else {
        CG_TRY(Expr(x));
        if (built) Emit(add, 1);
      }
    }
    if (tuple) Emit(Op::LIST_TO_TUPLE);
    return true;
  }

  bool SequenceLoad(Seq elts, Op build, bool tuple) {
    if (tuple) return StarUnpack(elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
    if (build == Op::BUILD_SET) return StarUnpack(elts, 0, Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE, false);
    return StarUnpack(elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, false);
  }

  bool Unpack(Seq elts, const Node* at) {
    uint32_t n = elts.size();
    bool seen = false;
    for (uint32_t i = 0; i < n; ++i) {
      if (elts[i]->kind != Kind::Starred) continue;
      if (seen) return Error("multiple starred expressions in assignment", at);
      uint32_t after = n - i - 1;
      if (i >= 256 || after >= (std::numeric_limits<int32_t>::max() >> 8)) {
        return Error("too many expressions in star-unpacking assignment", at);
      }
      Emit(Op::UNPACK_EX, i + (after << 8));
      seen = true;
    }
    if (!seen) Emit(Op::UNPACK_SEQUENCE, n);
    for (const Node* x : elts) {
      CG_TRY(Expr(x->kind == Kind::Starred ? Child(x, 0) : x));
    }
    return true;
  }

  // A dict display (compiler_dict): runs of pairs built by SubDict and merged
  // with DICT_UPDATE, a run closing once it would exceed the stack guideline.
  bool Dict(const Node* e) {
    Seq keys = SeqOf(e, 0), values = SeqOf(e, 1);
    uint32_t n = values.size();
    bool have = false;
    uint32_t elements = 0;
    for (uint32_t i = 0; i < n; ++i) {
      if (!keys[i]) {
        if (elements) {
          CG_TRY(SubDict(keys, values, i - elements, i));
          if (have) Emit(Op::DICT_UPDATE, 1);
          have = true;
          elements = 0;
        }
        if (!have) {
          Emit(Op::BUILD_MAP, 0);
          have = true;
        }
        CG_TRY(Expr(values[i]));
        Emit(Op::DICT_UPDATE, 1);
      } else if (elements * 2 > static_cast<uint32_t>(kStackUseGuideline)) {
        CG_TRY(SubDict(keys, values, i - elements, i + 1));
        if (have) Emit(Op::DICT_UPDATE, 1);
        have = true;
        elements = 0;
      } else {
        ++elements;
      }
    }
    if (elements) {
      CG_TRY(SubDict(keys, values, n - elements, n));
      if (have) Emit(Op::DICT_UPDATE, 1);
      have = true;
    }
    if (!have) Emit(Op::BUILD_MAP, 0);
    return true;
  }

  bool SubDict(Seq keys, Seq values, uint32_t from, uint32_t to) {
    uint32_t n = to - from;
    if (n > 1) {
      ConstValue t;
      t.kind = ConstValue::kTuple;
      bool all = true;
      for (uint32_t i = from; i < to && all; ++i) {
        ConstValue v;
        all = opts_.optimize && Fold(keys[i], &v);
        if (all) t.items.push_back(std::move(v));
      }
      if (all) {
        for (uint32_t i = from; i < to; ++i) CG_TRY(Expr(values[i]));
        LoadConst(t);
        Emit(Op::BUILD_CONST_KEY_MAP, n);
        return true;
      }
    }
    bool big = n * 2 > static_cast<uint32_t>(kStackUseGuideline);
    if (big) Emit(Op::BUILD_MAP, 0);
    for (uint32_t i = from; i < to; ++i) {
      CG_TRY(Expr(keys[i]));
      CG_TRY(Expr(values[i]));
      if (big) Emit(Op::MAP_ADD, 1);
    }
    if (!big) Emit(Op::BUILD_MAP, n);
    return true;
  }

  // --- expressions ---
  static BinaryOp BinOpOf(Kind k) {
    switch (k) {
      case Kind::Add: return BinaryOp::kAdd;
      case Kind::Sub: return BinaryOp::kSubtract;
      case Kind::Mult: return BinaryOp::kMultiply;
      case Kind::MatMult: return BinaryOp::kMatrixMultiply;
      case Kind::Div: return BinaryOp::kTrueDivide;
      case Kind::Mod: return BinaryOp::kRemainder;
      case Kind::Pow: return BinaryOp::kPower;
      case Kind::LShift: return BinaryOp::kLshift;
      case Kind::RShift: return BinaryOp::kRshift;
      case Kind::BitOr: return BinaryOp::kOr;
      case Kind::BitXor: return BinaryOp::kXor;
      case Kind::BitAnd: return BinaryOp::kAnd;
      default: return BinaryOp::kFloorDivide;
    }
  }

  void EmitCompare(Kind k) {
    switch (k) {
      case Kind::Eq: Emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::kEq)); break;
      case Kind::NotEq: Emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::kNe)); break;
      case Kind::Lt: Emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::kLt)); break;
      case Kind::LtE: Emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::kLe)); break;
      case Kind::Gt: Emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::kGt)); break;
      case Kind::GtE: Emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::kGe)); break;
      case Kind::Is: Emit(Op::IS_OP, 0); break;
      case Kind::IsNot: Emit(Op::IS_OP, 1); break;
      case Kind::In: Emit(Op::CONTAINS_OP, 0); break;
      default: Emit(Op::CONTAINS_OP, 1); break;  // NotIn
    }
  }

  bool Compare(const Node* e) {
    Seq ops = SeqOf(e, 1), cmps = SeqOf(e, 2);
    CG_TRY(Expr(Child(e, 0)));
    uint32_t n = ops.size();
    if (n == 1) {
      CG_TRY(Expr(cmps[0]));
      SetLoc(e);
      EmitCompare(ops[0]->kind);
      return true;
    }
    Block* cleanup = NewBlock();
    Block* end = NewBlock();
    for (uint32_t i = 0; i + 1 < n; ++i) {
      CG_TRY(Expr(cmps[i]));
      SetLoc(e);
      Emit(Op::SWAP, 2);
      Emit(Op::COPY, 2);
      EmitCompare(ops[i]->kind);
      Jump(static_cast<int>(Op::JUMP_IF_FALSE_OR_POP), cleanup);
    }
    CG_TRY(Expr(cmps[n - 1]));
    SetLoc(e);
    EmitCompare(ops[n - 1]->kind);
    Jump(kJump, end);
    Use(cleanup);
    Emit(Op::SWAP, 2);
    Emit(Op::POP_TOP);
    Use(end);
    return true;
  }

  bool Expr(const Node* e) {
    LocScope loc(this, e);
    return Expr1(e);
  }

  bool Expr1(const Node* e) {
    switch (e->kind) {
      case Kind::Constant:
        LoadConst(FromAst(e->f[0].cst));
        return true;
      case Kind::Name: {
        const Node* ctx = Child(e, 1);
        return NameOp(Ident(e, 0), ctx->kind == Kind::Load ? Ctx::kLoad
                                   : ctx->kind == Kind::Store ? Ctx::kStore
                                                              : Ctx::kDel);
      }
      case Kind::NamedExpr:
        CG_TRY(Expr(Child(e, 1)));
        Emit(Op::COPY, 1);
        return Expr(Child(e, 0));
      case Kind::BoolOp: {
        Seq vals = SeqOf(e, 1);
        Block* end = NewBlock();
        Op op = Child(e, 0)->kind == Kind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
        for (uint32_t i = 0; i + 1 < vals.size(); ++i) {
          CG_TRY(Expr(vals[i]));
          Jump(static_cast<int>(op), end);
        }
        CG_TRY(Expr(vals[vals.size() - 1]));
        Use(end);
        return true;
      }
      case Kind::BinOp: {
        ConstValue v;
        if (opts_.optimize && Fold(e, &v)) {
          LoadConst(v);
          return true;
        }
        CG_TRY(Expr(Child(e, 0)));
        CG_TRY(Expr(Child(e, 2)));
        Emit(Op::BINARY_OP, static_cast<uint32_t>(BinOpOf(Child(e, 1)->kind)));
        return true;
      }
      case Kind::UnaryOp: {
        ConstValue v;
        if (opts_.optimize && Fold(e, &v)) {
          LoadConst(v);
          return true;
        }
        CG_TRY(Expr(Child(e, 1)));
        switch (Child(e, 0)->kind) {
          case Kind::Invert: Emit(Op::UNARY_INVERT); break;
          case Kind::Not: Emit(Op::UNARY_NOT); break;
          case Kind::UAdd: Emit(Op::UNARY_POSITIVE); break;
          default: Emit(Op::UNARY_NEGATIVE); break;
        }
        return true;
      }
      case Kind::Lambda: return Lambda(e);
      case Kind::IfExp: {
        Block* end = NewBlock();
        Block* next = NewBlock();
        CG_TRY(JumpIf(Child(e, 0), next, false));
        CG_TRY(Expr(Child(e, 1)));
        Jump(kJump, end);
        Use(next);
        CG_TRY(Expr(Child(e, 2)));
        Use(end);
        return true;
      }
      case Kind::Dict: return Dict(e);
      case Kind::Set: return SequenceLoad(SeqOf(e, 0), Op::BUILD_SET, false);
      case Kind::ListComp:
      case Kind::SetComp:
      case Kind::DictComp:
      case Kind::GeneratorExp:
        return Comprehension(e);
      case Kind::Yield:
        if (u_->ste->type != BlockType::kFunction) return ErrorHere("'yield' outside function");
        if (u_->type == UnitType::kComprehension) return YieldInComprehension(e);
        if (const Node* v = Child(e, 0)) {
          CG_TRY(Expr(v));
        } else {
          LoadConst(ConstValue::None());
        }
        EmitYield();
        return true;
      case Kind::YieldFrom:
        if (u_->ste->type != BlockType::kFunction) return ErrorHere("'yield' outside function");
        if (u_->type == UnitType::kComprehension) return YieldInComprehension(e);
        if (u_->type == UnitType::kAsyncFunction) return ErrorHere("'yield from' inside async function");
        CG_TRY(Expr(Child(e, 0)));
        Emit(Op::GET_YIELD_FROM_ITER);
        LoadConst(ConstValue::None());
        YieldFrom(false);
        return true;
      case Kind::Await:
        if (u_->ste->type != BlockType::kFunction) return ErrorHere("'await' outside function");
        if (u_->type != UnitType::kAsyncFunction && u_->type != UnitType::kComprehension) {
          return ErrorHere("'await' outside async function");
        }
        CG_TRY(Expr(Child(e, 0)));
        Emit(Op::GET_AWAITABLE, 0);
        LoadConst(ConstValue::None());
        YieldFrom(true);
        return true;
      case Kind::Compare: return Compare(e);
      case Kind::Call: return Call(e);
      case Kind::FormattedValue: {
        CG_TRY(Expr(Child(e, 0)));
        int64_t conv = e->f[1].num;
        uint32_t arg = conv == 's' ? kFormatConvStr : conv == 'r' ? kFormatConvRepr
                       : conv == 'a' ? kFormatConvAscii : kFormatConvNone;
        if (const Node* spec = Child(e, 2)) {
          CG_TRY(Expr(spec));
          arg |= kFormatHasSpec;
        }
        Emit(Op::FORMAT_VALUE, arg);
        return true;
      }
      case Kind::JoinedStr: {
        Seq vals = SeqOf(e, 0);
        if (vals.size() > static_cast<uint32_t>(kStackUseGuideline)) {
          LoadConst(ConstValue::Str(""));
          Emit(Op::LOAD_METHOD, Name("join"));
          Emit(Op::BUILD_LIST, 0);
          for (const Node* v : vals) {
            CG_TRY(Expr(v));
            Emit(Op::LIST_APPEND, 1);
          }
          Emit(Op::CALL, 1);
          return true;
        }
        for (const Node* v : vals) CG_TRY(Expr(v));
        if (vals.size() != 1) Emit(Op::BUILD_STRING, vals.size());
        return true;
      }
      case Kind::Attribute: {
        const Node* ctx = Child(e, 2);
        CG_TRY(Expr(Child(e, 0)));
        SetLoc(e);
        MatchAttrStart(e);
        uint32_t n = MangledName(Ident(e, 1));
        if (ctx->kind == Kind::Load) {
          Emit(Op::LOAD_ATTR, n);
        } else if (ctx->kind == Kind::Store) {
          Emit(Op::STORE_ATTR, n);
        } else {
          Emit(Op::DELETE_ATTR, n);
        }
        return true;
      }
      case Kind::Subscript: {
        const Node* ctx = Child(e, 2);
        CG_TRY(Expr(Child(e, 0)));
        CG_TRY(Expr(Child(e, 1)));
        SetLoc(e);
        Emit(ctx->kind == Kind::Load ? Op::BINARY_SUBSCR
             : ctx->kind == Kind::Store ? Op::STORE_SUBSCR
                                        : Op::DELETE_SUBSCR);
        return true;
      }
      case Kind::Starred:
        if (Child(e, 1)->kind == Kind::Store) {
          return ErrorHere("starred assignment target must be in a list or tuple");
        }
        return ErrorHere("can't use starred expression here");
      case Kind::Slice: {
        uint32_t n = 2;
        if (const Node* x = Child(e, 0)) {
          CG_TRY(Expr(x));
        } else {
          LoadConst(ConstValue::None());
        }
        if (const Node* x = Child(e, 1)) {
          CG_TRY(Expr(x));
        } else {
          LoadConst(ConstValue::None());
        }
        if (const Node* x = Child(e, 2)) {
          CG_TRY(Expr(x));
          n = 3;
        }
        Emit(Op::BUILD_SLICE, n);
        return true;
      }
      case Kind::List:
      case Kind::Tuple: {
        const Node* ctx = Child(e, 1);
        bool tuple = e->kind == Kind::Tuple;
        if (ctx->kind == Kind::Store) return Unpack(SeqOf(e, 0), e);
        if (ctx->kind == Kind::Del) {
          for (const Node* x : SeqOf(e, 0)) CG_TRY(Expr(x));
          return true;
        }
        if (tuple && opts_.optimize) {
          ConstValue v;
          if (Fold(e, &v)) {
            LoadConst(v);
            return true;
          }
        }
        return SequenceLoad(SeqOf(e, 0), Op::BUILD_LIST, tuple);
      }
      default:
        return ErrorHere("unsupported expression");
    }
  }

  bool YieldInComprehension(const Node* e) {
    (void)e;
    return ErrorHere("'yield' inside " + std::string(u_->code->name == "<listcomp>"  ? "list comprehension"
                                                    : u_->code->name == "<setcomp>" ? "set comprehension"
                                                    : u_->code->name == "<dictcomp>" ? "dict comprehension"
                                                                                     : "generator expression"));
  }

  // --- pattern matching ---
  bool Match(const Node* s);

  // --- annotations as strings (from __future__ import annotations) ---
  std::string Unparse(const Node* e);

  std::string filename_;
  CompileOptions opts_;
  const Scope& top_;
  bool future_annotations_ = false;
  int future_lineno_ = -1;
  std::unordered_map<std::string, int> code_intern_;
  std::unordered_map<const CodeUnit*, int> code_id_;
  std::unordered_map<const Node*, const Scope*> scope_of_;
  std::vector<std::unique_ptr<Unit>> units_;
  Unit* u_ = nullptr;
  SyntaxErrorInfo err_;
  const std::string empty_;
  friend class PatternCompiler;
};

#include "compiler/internal/codegen_match.inc"
#include "compiler/internal/codegen_unparse.inc"

}  // namespace

CompileResult CompileModule(const Node* module, const Scope& top, std::string_view filename,
                            const CompileOptions& options) {
  Compiler c(filename, options, top);
  return c.Run(module, Compiler::Mode::kExec);
}

CompileResult CompileExpression(const Node* expression, const Scope& top, std::string_view filename,
                                const CompileOptions& options) {
  Compiler c(filename, options, top);
  return c.Run(expression, Compiler::Mode::kEval);
}

CompileResult CompileInteractive(const Node* interactive, const Scope& top, std::string_view filename,
                                 const CompileOptions& options) {
  Compiler c(filename, options, top);
  return c.Run(interactive, Compiler::Mode::kSingle);
}

}  // namespace pyrt::compiler

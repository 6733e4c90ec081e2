#include "compiler/symtable.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "compiler/internal/utf8.h"

namespace pyrt::compiler {

int Scope::Get(const std::string& n) const {
  auto it = index.find(n);
  return it == index.end() ? 0 : symbols[it->second].second;
}

int* Scope::Find(const std::string& n) {
  auto it = index.find(n);
  return it == index.end() ? nullptr : &symbols[it->second].second;
}

namespace {

using NameSet = std::unordered_set<std::string>;

class Builder {
 public:
  explicit Builder(SyntaxErrorInfo* err) : err_(err) {}

  bool Run(const Node* module, std::unique_ptr<Scope>* out) {
    auto top = std::make_unique<Scope>();
    top->type = BlockType::kModule;
    top->name = "top";
    top_ = top.get();
    cur_ = top_;
    stack_.push_back(top_);
    top->node = module;
    if (module->kind == Kind::Expression) {
      // "eval" mode: one expression, no statements (and no future imports).
      if (!Expr(module->f[0].node)) return false;
    } else {
      if (!Future(module)) return false;
      top->future_annotations = future_annotations_;
      for (Node** it = module->begin(0); it != module->end(0); ++it) {
        if (!Stmt(*it)) return false;
      }
    }
    NameSet free, global;
    if (!Analyze(top_, nullptr, &free, &global)) return false;
    *out = std::move(top);
    return true;
  }

 private:
  // --- errors ---
  bool Error(const std::string& msg, const Node* at) {
    err_->type = "SyntaxError";
    err_->msg = msg;
    if (at) {
      err_->lineno = at->lineno;
      err_->offset = at->col_offset + 1;
      err_->end_lineno = at->end_lineno;
      err_->end_offset = at->end_col_offset + 1;
    }
    return false;
  }
  static std::string Fmt(const char* f, const std::string& name) {
    char buf[256];
    std::snprintf(buf, sizeof(buf), f, name.c_str());
    return buf;
  }

  // future.c: future statements may follow only a docstring and each other;
  // checked statements stop at the first other one (except on the same line).
  bool Future(const Node* m) {
    bool done = false, found_docstring = false;
    int prev_line = 0;
    for (Node** it = m->begin(0); it != m->end(0); ++it) {
      const Node* s = *it;
      if (done && s->lineno > prev_line) return true;
      prev_line = s->lineno;
      auto fail = [&](const std::string& msg, int plus = 1) {
        err_->type = "SyntaxError";
        err_->msg = msg;
        err_->lineno = err_->end_lineno = s->lineno;
        err_->offset = s->col_offset + plus;  // future.c omits the +1 for one message
        err_->end_offset = kNoPosition;
        return false;
      };
      if (s->kind == Kind::ImportFrom) {
        if (s->f[0].tag == Slot::kIdent && s->f[0].ident() == "__future__") {
          if (done) return fail("from __future__ imports must occur at the beginning of the file", 0);
          for (Node** a = s->begin(1); a != s->end(1); ++a) {
            std::string_view f = (*a)->f[0].ident();
            if (f == "annotations") {
              future_annotations_ = true;
            } else if (f == "braces") {
              return fail("not a chance");
            } else if (!(f == "nested_scopes" || f == "generators" || f == "division" ||
                         f == "absolute_import" || f == "with_statement" || f == "print_function" ||
                         f == "unicode_literals" || f == "barry_as_FLUFL" || f == "generator_stop")) {
              return fail("future feature " + std::string(f) + " is not defined");
            }
          }
        } else {
          done = true;
        }
      } else if (s->kind == Kind::Expr && !found_docstring) {
        const Node* e = s->f[0].node;
        if (e->kind != Kind::Constant || e->f[0].cst->type != Constant::kStr) {
          done = true;
        } else {
          found_docstring = true;
        }
      } else {
        done = true;
      }
    }
    return true;
  }

  // --- names ---
  std::string Mangle(std::string_view name) const {
    if (private_.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') {
      return std::string(name);
    }
    if ((name.size() >= 2 && name.substr(name.size() - 2) == "__") ||
        name.find('.') != std::string_view::npos) {
      return std::string(name);
    }
    size_t k = private_.find_first_not_of('_');
    if (k == std::string::npos) return std::string(name);
    return "_" + private_.substr(k) + std::string(name);
  }

  bool AddDefIn(Scope* ste, std::string_view raw, int flag, const Node* loc) {
    std::string name = Mangle(raw);
    int* cur = ste->Find(name);
    int val;
    if (cur) {
      val = *cur;
      if ((flag & kDefParam) && (val & kDefParam)) {
        return Error(Fmt("duplicate argument '%s' in function definition", name), loc);
      }
      val |= flag;
    } else {
      val = flag;
    }
    if (ste == cur_ && comp_iter_target_) {
      if (val & (kDefGlobal | kDefNonlocal)) {
        return Error(Fmt("comprehension inner loop cannot rebind assignment expression target '%s'",
                         name), loc);
      }
      val |= kDefCompIter;
    }
    if (cur) {
      *cur = val;
    } else {
      ste->index.emplace(name, ste->symbols.size());
      ste->symbols.emplace_back(name, val);
    }
    if (flag & kDefGlobal) {
      int* g = top_->Find(name);
      if (g) {
        *g |= flag;
      } else {
        top_->index.emplace(name, top_->symbols.size());
        top_->symbols.emplace_back(name, flag);
      }
    }
    return true;
  }
  bool AddDef(std::string_view name, int flag, const Node* loc) {
    return AddDefIn(cur_, name, flag, loc);
  }

  // --- blocks ---
  Scope* Enter(BlockType type, std::string name, int lineno) {
    auto s = std::make_unique<Scope>();
    s->type = type;
    s->name = std::move(name);
    s->lineno = lineno;
    Scope* prev = cur_;
    s->nested = prev && (prev->nested || prev->type == BlockType::kFunction);
    Scope* raw = s.get();
    if (type == BlockType::kAnnotation) {
      detached_.push_back(std::move(s));
    } else {
      prev->children.push_back(std::move(s));
    }
    stack_.push_back(raw);
    comp_iter_stack_.push_back(comp_iter_expr_);
    cur_ = raw;
    return raw;
  }
  void Exit() {
    stack_.pop_back();
    cur_ = stack_.back();
    comp_iter_expr_ = comp_iter_stack_.back();
    comp_iter_stack_.pop_back();
  }

  // --- visitors ---
  bool Seq(const Node* n, int i, bool stmts) {
    for (Node** it = n->begin(i); it != n->end(i); ++it) {
      if (!*it) continue;
      if (stmts ? !Stmt(*it) : !Expr(*it)) return false;
    }
    return true;
  }
  bool Opt(const Node* n, int i) {
    if (n->f[i].tag == Slot::kNode && n->f[i].node) return Expr(n->f[i].node);
    return true;
  }

  bool Annotation(const Node* ann) {
    if (future_annotations_) Enter(BlockType::kAnnotation, "_annotation", ann->lineno);
    bool ok = Expr(ann);
    if (future_annotations_) Exit();
    return ok;
  }
  bool ArgAnnotations(const Node* a, int i) {
    for (Node** it = a->begin(i); it != a->end(i); ++it) {
      if (!Opt(*it, 1)) return false;
    }
    return true;
  }
  bool Annotations(const Node* s, const Node* args, const Node* returns) {
    if (future_annotations_) Enter(BlockType::kAnnotation, "_annotation", s->lineno);
    bool ok = ArgAnnotations(args, 0) && ArgAnnotations(args, 1) &&
              (args->f[2].tag != Slot::kNode || !args->f[2].node || Opt(args->f[2].node, 1)) &&
              (args->f[5].tag != Slot::kNode || !args->f[5].node || Opt(args->f[5].node, 1)) &&
              ArgAnnotations(args, 3);
    if (future_annotations_) Exit();
    if (!ok) return false;
    if (returns) return Annotation(returns);
    return true;
  }
  bool Params(const Node* args) {
    for (int i : {0, 1, 3}) {
      for (Node** it = args->begin(i); it != args->end(i); ++it) {
        if (!AddDef((*it)->f[0].ident(), kDefParam, *it)) return false;
      }
    }
    for (int i : {2, 5}) {
      if (args->f[i].tag == Slot::kNode && args->f[i].node) {
        if (!AddDef(args->f[i].node->f[0].ident(), kDefParam, args->f[i].node)) return false;
      }
    }
    return true;
  }

  bool Stmt(const Node* s) {
    switch (s->kind) {
      case Kind::FunctionDef:
      case Kind::AsyncFunctionDef: {
        if (!AddDef(s->f[0].ident(), kDefLocal, s)) return false;
        const Node* args = s->f[1].node;
        if (!Seq(args, 6, false) || !Seq(args, 4, false)) return false;
        const Node* returns = s->f[4].tag == Slot::kNode ? s->f[4].node : nullptr;
        if (!Annotations(s, args, returns)) return false;
        if (!Seq(s, 3, false)) return false;
        Enter(BlockType::kFunction, std::string(s->f[0].ident()), s->lineno)->node = s;
        if (!Params(args) || !Seq(s, 2, true)) return false;
        Exit();
        return true;
      }
      case Kind::ClassDef: {
        if (!AddDef(s->f[0].ident(), kDefLocal, s)) return false;
        if (!Seq(s, 1, false)) return false;
        for (Node** it = s->begin(2); it != s->end(2); ++it) {
          if (!Expr((*it)->f[1].node)) return false;
        }
        if (!Seq(s, 4, false)) return false;
        Enter(BlockType::kClass, std::string(s->f[0].ident()), s->lineno)->node = s;
        std::string saved = private_;
        private_ = std::string(s->f[0].ident());
        if (!Seq(s, 3, true)) return false;
        private_ = saved;
        Exit();
        return true;
      }
      case Kind::Return: return Opt(s, 0);
      case Kind::Delete: return Seq(s, 0, false);
      case Kind::Assign: return Seq(s, 0, false) && Expr(s->f[1].node);
      case Kind::AnnAssign: {
        const Node* t = s->f[0].node;
        if (t->kind == Kind::Name) {
          std::string id(t->f[0].ident());
          int cur = cur_->Get(Mangle(id));
          if ((cur & (kDefGlobal | kDefNonlocal)) && cur_ != top_ && s->f[3].num) {
            return Error(Fmt(cur & kDefGlobal ? "annotated name '%s' can't be global"
                                              : "annotated name '%s' can't be nonlocal",
                             id),
                         s);
          }
          if (s->f[3].num) {
            if (!AddDef(id, kDefAnnot | kDefLocal, t)) return false;
          } else if (s->f[2].tag == Slot::kNode && s->f[2].node) {
            if (!AddDef(id, kDefLocal, t)) return false;
          }
        } else if (!Expr(t)) {
          return false;
        }
        if (!Annotation(s->f[1].node)) return false;
        return Opt(s, 2);
      }
      case Kind::AugAssign: return Expr(s->f[0].node) && Expr(s->f[2].node);
      case Kind::For:
      case Kind::AsyncFor:
        return Expr(s->f[0].node) && Expr(s->f[1].node) && Seq(s, 2, true) && Seq(s, 3, true);
      case Kind::While:
      case Kind::If:
        return Expr(s->f[0].node) && Seq(s, 1, true) && Seq(s, 2, true);
      case Kind::Match: {
        if (!Expr(s->f[0].node)) return false;
        for (Node** it = s->begin(1); it != s->end(1); ++it) {
          const Node* mc = *it;
          if (!Pattern(mc->f[0].node) || !Opt(mc, 1) || !Seq(mc, 2, true)) return false;
        }
        return true;
      }
      case Kind::Raise: return Opt(s, 0) && Opt(s, 1);
      case Kind::Try:
      case Kind::TryStar: {
        if (!Seq(s, 0, true) || !Seq(s, 2, true)) return false;
        for (Node** it = s->begin(1); it != s->end(1); ++it) {
          const Node* h = *it;
          if (!Opt(h, 0)) return false;
          if (h->f[1].tag == Slot::kIdent && !AddDef(h->f[1].ident(), kDefLocal, h)) return false;
          if (!Seq(h, 2, true)) return false;
        }
        return Seq(s, 3, true);
      }
      case Kind::Assert: return Expr(s->f[0].node) && Opt(s, 1);
      case Kind::Import:
      case Kind::ImportFrom: {
        int i = s->kind == Kind::Import ? 0 : 1;
        for (Node** it = s->begin(i); it != s->end(i); ++it) {
          const Node* a = *it;
          std::string_view name = a->f[1].tag == Slot::kIdent ? a->f[1].ident() : a->f[0].ident();
          if (a->f[1].tag != Slot::kIdent) {
            size_t dot = name.find('.');
            if (dot != std::string_view::npos) name = name.substr(0, dot);
          }
          if (name == "*") {
            if (cur_->type != BlockType::kModule) {
              return Error("import * only allowed at module level", a);
            }
            continue;
          }
          if (!AddDef(name, kDefImport, a)) return false;
        }
        return true;
      }
      case Kind::Global:
      case Kind::Nonlocal: {
        bool g = s->kind == Kind::Global;
        for (Node** it = s->begin(0); it != s->end(0); ++it) {
          std::string name((*it)->f[0].ident());
          int cur = cur_->Get(Mangle(name));
          if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
            const char* msg;
            if (cur & kDefParam) {
              msg = g ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal";
            } else if (cur & kUse) {
              msg = g ? "name '%s' is used prior to global declaration"
                      : "name '%s' is used prior to nonlocal declaration";
            } else if (cur & kDefAnnot) {
              msg = g ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal";
            } else {
              msg = g ? "name '%s' is assigned to before global declaration"
                      : "name '%s' is assigned to before nonlocal declaration";
            }
            return Error(Fmt(msg, name), s);
          }
          if (!g && cur_->type == BlockType::kModule) {
            return Error("nonlocal declaration not allowed at module level", s);
          }
          if (!AddDef(name, g ? kDefGlobal : kDefNonlocal, s)) return false;
          directives_[cur_].emplace(Mangle(name), s);
        }
        return true;
      }
      case Kind::Expr: return Expr(s->f[0].node);
      case Kind::With:
      case Kind::AsyncWith: {
        for (Node** it = s->begin(0); it != s->end(0); ++it) {
          if (!Expr((*it)->f[0].node) || !Opt(*it, 1)) return false;
        }
        return Seq(s, 1, true);
      }
      default:
        return true;
    }
  }

  bool Pattern(const Node* p) {
    switch (p->kind) {
      case Kind::MatchValue: return Expr(p->f[0].node);
      case Kind::MatchSingleton: return true;
      case Kind::MatchSequence:
      case Kind::MatchOr:
        for (Node** it = p->begin(0); it != p->end(0); ++it) {
          if (!Pattern(*it)) return false;
        }
        return true;
      case Kind::MatchStar:
        return p->f[0].tag != Slot::kIdent || AddDef(p->f[0].ident(), kDefLocal, p);
      case Kind::MatchMapping:
        if (!Seq(p, 0, false)) return false;
        for (Node** it = p->begin(1); it != p->end(1); ++it) {
          if (!Pattern(*it)) return false;
        }
        return p->f[2].tag != Slot::kIdent || AddDef(p->f[2].ident(), kDefLocal, p);
      case Kind::MatchClass:
        if (!Expr(p->f[0].node)) return false;
        for (int i : {1, 3}) {
          for (Node** it = p->begin(i); it != p->end(i); ++it) {
            if (!Pattern(*it)) return false;
          }
        }
        return true;
      case Kind::MatchAs:
        if (p->f[0].tag == Slot::kNode && p->f[0].node && !Pattern(p->f[0].node)) return false;
        return p->f[1].tag != Slot::kIdent || AddDef(p->f[1].ident(), kDefLocal, p);
      default:
        return true;
    }
  }

  bool NamedExprScope(const Node* e, const Node* target) {
    std::string name = Mangle(target->f[0].ident());
    for (size_t i = stack_.size(); i-- > 0;) {
      Scope* ste = stack_[i];
      if (ste->is_comprehension) {
        if (ste->Get(name) & kDefCompIter) {
          return Error(Fmt("assignment expression cannot rebind comprehension iteration variable '%s'",
                           name), e);
        }
        continue;
      }
      if (ste->type == BlockType::kFunction) {
        int in_scope = ste->Get(name);
        if (!AddDef(target->f[0].ident(), (in_scope & kDefGlobal) ? kDefGlobal : kDefNonlocal, e)) {
          return false;
        }
        directives_[cur_].emplace(name, e);
        return AddDefIn(ste, target->f[0].ident(), kDefLocal, e);
      }
      if (ste->type == BlockType::kModule) {
        if (!AddDef(target->f[0].ident(), kDefGlobal, e)) return false;
        directives_[cur_].emplace(name, e);
        return AddDefIn(ste, target->f[0].ident(), kDefGlobal, e);
      }
      if (ste->type == BlockType::kClass) {
        return Error("assignment expression within a comprehension cannot be used in a class body", e);
      }
    }
    return true;
  }

  bool Comprehension(const Node* e, const char* name, int gens_field, const Node* elt,
                     const Node* value) {
    const Node* outer = e->f[gens_field].items[0];
    ++comp_iter_expr_;
    if (!Expr(outer->f[1].node)) return false;
    --comp_iter_expr_;
    Scope* s = Enter(BlockType::kFunction, name, e->lineno);
    s->is_comprehension = true;
    s->node = e;
    if (e->kind == Kind::GeneratorExp) s->generator = true;
    for (uint32_t i = 0; i < e->f[gens_field].n; ++i) {
      if (e->f[gens_field].items[i]->f[3].num) s->coroutine = true;
    }
    if (!AddDef(".0", kDefParam, e)) return false;
    comp_iter_target_ = true;
    if (!Expr(outer->f[0].node)) return false;
    comp_iter_target_ = false;
    if (!Seq(outer, 2, false)) return false;
    for (uint32_t i = 1; i < e->f[gens_field].n; ++i) {
      const Node* c = e->f[gens_field].items[i];
      comp_iter_target_ = true;
      if (!Expr(c->f[0].node)) return false;
      comp_iter_target_ = false;
      ++comp_iter_expr_;
      if (!Expr(c->f[1].node)) return false;
      --comp_iter_expr_;
      if (!Seq(c, 2, false)) return false;
    }
    if (value && !Expr(value)) return false;
    if (!Expr(elt)) return false;
    Exit();
    return true;
  }

  bool Expr(const Node* e) {
    switch (e->kind) {
      case Kind::NamedExpr: {
        if (comp_iter_expr_ > 0) {
          return Error("assignment expression cannot be used in a comprehension iterable expression", e);
        }
        if (cur_->is_comprehension && !NamedExprScope(e, e->f[0].node)) return false;
        return Expr(e->f[1].node) && Expr(e->f[0].node);
      }
      case Kind::BoolOp: return Seq(e, 1, false);
      case Kind::BinOp: return Expr(e->f[0].node) && Expr(e->f[2].node);
      case Kind::UnaryOp: return Expr(e->f[1].node);
      case Kind::Lambda: {
        const Node* args = e->f[0].node;
        if (!Seq(args, 6, false) || !Seq(args, 4, false)) return false;
        Enter(BlockType::kFunction, "lambda", e->lineno)->node = e;
        if (!Params(args) || !Expr(e->f[1].node)) return false;
        Exit();
        return true;
      }
      case Kind::IfExp: return Expr(e->f[0].node) && Expr(e->f[1].node) && Expr(e->f[2].node);
      case Kind::Dict: return Seq(e, 0, false) && Seq(e, 1, false);
      case Kind::Set: return Seq(e, 0, false);
      case Kind::GeneratorExp: return Comprehension(e, "genexpr", 1, e->f[0].node, nullptr);
      case Kind::ListComp: return Comprehension(e, "listcomp", 1, e->f[0].node, nullptr);
      case Kind::SetComp: return Comprehension(e, "setcomp", 1, e->f[0].node, nullptr);
      case Kind::DictComp: return Comprehension(e, "dictcomp", 2, e->f[0].node, e->f[1].node);
      case Kind::Yield: cur_->generator = true; return Opt(e, 0);
      case Kind::YieldFrom: cur_->generator = true; return Expr(e->f[0].node);
      case Kind::Await: cur_->coroutine = true; return Expr(e->f[0].node);
      case Kind::Compare: return Expr(e->f[0].node) && Seq(e, 2, false);
      case Kind::Call: {
        if (!Expr(e->f[0].node) || !Seq(e, 1, false)) return false;
        for (Node** it = e->begin(2); it != e->end(2); ++it) {
          if (!Expr((*it)->f[1].node)) return false;
        }
        return true;
      }
      case Kind::FormattedValue: return Expr(e->f[0].node) && Opt(e, 2);
      case Kind::JoinedStr: return Seq(e, 0, false);
      case Kind::Attribute: return Expr(e->f[0].node);
      case Kind::Subscript: return Expr(e->f[0].node) && Expr(e->f[1].node);
      case Kind::Starred: return Expr(e->f[0].node);
      case Kind::Slice: return Opt(e, 0) && Opt(e, 1) && Opt(e, 2);
      case Kind::Name: {
        bool load = e->f[1].node->kind == Kind::Load;
        if (!AddDef(e->f[0].ident(), load ? kUse : kDefLocal, e)) return false;
        if (load && cur_->type == BlockType::kFunction && e->f[0].ident() == "super") {
          return AddDef("__class__", kUse, e);
        }
        return true;
      }
      case Kind::List:
      case Kind::Tuple: return Seq(e, 0, false);
      default: return true;
    }
  }

  // --- analysis (analyze_block and friends) ---
  bool AnalyzeName(Scope* ste, std::unordered_map<std::string, int>* scopes, const std::string& name,
                   int flags, const NameSet* bound, NameSet* local, NameSet* free, NameSet* global) {
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal) {
        return Error(Fmt("name '%s' is nonlocal and global", name), Directive(ste, name));
      }
      (*scopes)[name] = kGlobalExplicit;
      global->insert(name);
      if (bound) const_cast<NameSet*>(bound)->erase(name);
      return true;
    }
    if (flags & kDefNonlocal) {
      if (!bound) {
        return Error("nonlocal declaration not allowed at module level", Directive(ste, name));
      }
      if (!bound->count(name)) {
        return Error(Fmt("no binding for nonlocal '%s' found", name), Directive(ste, name));
      }
      (*scopes)[name] = kFree;
      ste->has_free = true;
      free->insert(name);
      return true;
    }
    if (flags & kDefBound) {
      (*scopes)[name] = kLocal;
      local->insert(name);
      global->erase(name);
      return true;
    }
    if (bound && bound->count(name)) {
      (*scopes)[name] = kFree;
      ste->has_free = true;
      free->insert(name);
      return true;
    }
    if (global->count(name)) {
      (*scopes)[name] = kGlobalImplicit;
      return true;
    }
    if (ste->nested) ste->has_free = true;
    (*scopes)[name] = kGlobalImplicit;
    return true;
  }

  const Node* Directive(Scope* ste, const std::string& name) {
    auto it = directives_.find(ste);
    if (it == directives_.end()) return nullptr;
    auto jt = it->second.find(name);
    return jt == it->second.end() ? nullptr : jt->second;
  }

  bool Analyze(Scope* ste, NameSet* bound, NameSet* free, NameSet* global) {
    NameSet local, newglobal, newfree, newbound;
    std::unordered_map<std::string, int> scopes;
    if (ste->type == BlockType::kClass) {
      newglobal = *global;
      if (bound) newbound = *bound;
    }
    for (auto& [name, flags] : ste->symbols) {
      if (!AnalyzeName(ste, &scopes, name, flags, bound, &local, free, global)) return false;
    }
    if (ste->type != BlockType::kClass) {
      if (ste->type == BlockType::kFunction) newbound.insert(local.begin(), local.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
      newglobal.insert(global->begin(), global->end());
    } else {
      newbound.insert("__class__");
    }
    NameSet allfree;
    for (auto& c : ste->children) {
      NameSet tb = newbound, tf = newfree, tg = newglobal;
      if (!Analyze(c.get(), &tb, &tf, &tg)) return false;
      allfree.insert(tf.begin(), tf.end());
      if (c->has_free || c->child_free) ste->child_free = true;
    }
    newfree.insert(allfree.begin(), allfree.end());
    if (ste->type == BlockType::kFunction) {
      for (auto& [name, sc] : scopes) {
        if (sc != kLocal || !newfree.count(name)) continue;
        sc = kCell;
        newfree.erase(name);
      }
    } else if (ste->type == BlockType::kClass) {
      if (newfree.erase("__class__")) ste->needs_class_closure = true;
    }
    // update_symbols
    for (auto& [name, flags] : ste->symbols) flags |= scopes[name] << kScopeOffset;
    std::vector<std::string> sorted_free(newfree.begin(), newfree.end());
    std::sort(sorted_free.begin(), sorted_free.end());
    for (const std::string& name : sorted_free) {
      int* v = ste->Find(name);
      if (v) {
        if (ste->type == BlockType::kClass && (*v & (kDefBound | kDefGlobal))) *v |= kDefFreeClass;
        continue;
      }
      if (bound && !bound->count(name)) continue;
      ste->index.emplace(name, ste->symbols.size());
      ste->symbols.emplace_back(name, kFree << kScopeOffset);
    }
    free->insert(newfree.begin(), newfree.end());
    return true;
  }

  SyntaxErrorInfo* err_;
  Scope* top_ = nullptr;
  Scope* cur_ = nullptr;
  std::vector<Scope*> stack_;
  std::vector<int> comp_iter_stack_;
  std::vector<std::unique_ptr<Scope>> detached_;
  std::unordered_map<Scope*, std::unordered_map<std::string, const Node*>> directives_;
  std::string private_;
  bool future_annotations_ = false;
  bool comp_iter_target_ = false;
  int comp_iter_expr_ = 0;
};

void DumpScope(const Scope& s, std::string* out) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "scope %d ", static_cast<int>(s.type));
  out->append(buf);
  out->append(s.name);
  out->append(" " + std::to_string(s.lineno) + "\n");
  std::vector<std::pair<std::string, int>> syms = s.symbols;
  std::sort(syms.begin(), syms.end());
  for (auto& [n, f] : syms) out->append("  " + n + " " + std::to_string(f) + "\n");
  for (auto& c : s.children) DumpScope(*c, out);
}

}  // namespace

bool BuildSymtable(const Node* module, std::unique_ptr<Scope>* out, SyntaxErrorInfo* error) {
  Builder b(error);
  return b.Run(module, out);
}

std::string DumpSymtable(const Scope& top) {
  std::string out;
  DumpScope(top, &out);
  return out;
}

}  // namespace pyrt::compiler

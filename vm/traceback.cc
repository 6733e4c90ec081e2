// Traceback and frame objects, and printing an uncaught exception as CPython 3.11 does.

#include <cstdio>
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/ast.h"
#include "compiler/parser.h"
#include "vm/internal/vm_internal.h"

namespace pyrt::vm_internal {

TypeObject kTracebackType;
TypeObject kFrameType;

namespace {

int VisitValue(Value v, gc::VisitFn visit, void* arg) {
  if (Object* o = v.object_or_null()) return visit(o, arg);
  return 0;
}
void ClearSlot(Value* s) {
  Value v = *s;
  *s = Value();
  Decref(v);
}

// --- traceback type ------------------------------------------------------------------

TracebackObject* TB(Value v) { return reinterpret_cast<TracebackObject*>(v.object()); }

int TbTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* t = reinterpret_cast<TracebackObject*>(o);
  for (Value v : {t->next, t->frame, t->code}) {
    if (int r = VisitValue(v, visit, arg)) return r;
  }
  return 0;
}
void TbClear(Object* o) {
  auto* t = reinterpret_cast<TracebackObject*>(o);
  ClearSlot(&t->next);
  ClearSlot(&t->frame);
}
void TbDealloc(Object* o) {
  TbClear(o);
  ClearSlot(&reinterpret_cast<TracebackObject*>(o)->code);
  FreeInstance(o);
}
Value TbGetNext(Value self, void*) {
  Value n = TB(self)->next;
  if (!n) return NewNone();
  Incref(n);
  return n;
}
int TbSetNext(Value self, Value v, void*) {
  if (!v) {
    RaiseMessage(&kTypeErrorType, "can't delete tb_next attribute");
    return -1;
  }
  if (IsNone(v)) v = Value();
  if (v && TypeOf(v) != &kTracebackType) {
    RaiseNew(&kTypeErrorType, "expected traceback object or None, got '%s'", TypeName(TypeOf(v)));
    return -1;
  }
  for (Value c = v; c; c = TB(c)->next) {
    if (c == self) {
      RaiseMessage(&kValueErrorType, "traceback loop detected");
      return -1;
    }
  }
  Incref(v);
  Value old = TB(self)->next;
  TB(self)->next = v;
  Decref(old);
  return 0;
}
Value TbGetFrame(Value self, void*) {
  Value f = TB(self)->frame;
  if (!f) return NewNone();
  Incref(f);
  return f;
}
Value TbGetLasti(Value self, void*) { return NewInt(TB(self)->lasti * 2); }
Value TbGetLineno(Value self, void*) { return NewInt(TB(self)->lineno); }

const GetSetDef kTbGetSets[] = {
    {"tb_next", TbGetNext, TbSetNext, nullptr, nullptr},
    {"tb_frame", TbGetFrame, nullptr, nullptr, nullptr},
    {"tb_lasti", TbGetLasti, nullptr, nullptr, nullptr},
    {"tb_lineno", TbGetLineno, nullptr, nullptr, nullptr},
    {},
};

// --- frame type ----------------------------------------------------------------------

FrameObject* FO(Value v) { return reinterpret_cast<FrameObject*>(v.object()); }

int FrameTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* f = reinterpret_cast<FrameObject*>(o);
  for (Value v : {f->code, f->globals, f->locals, f->back}) {
    if (int r = VisitValue(v, visit, arg)) return r;
  }
  return 0;
}
void FrameClear(Object* o) {
  auto* f = reinterpret_cast<FrameObject*>(o);
  ClearSlot(&f->globals);
  ClearSlot(&f->locals);
  ClearSlot(&f->back);
}
void FrameDealloc(Object* o) {
  auto* f = reinterpret_cast<FrameObject*>(o);
  if (f->live) f->live->frame_obj = Value();
  FrameClear(o);
  ClearSlot(&f->code);
  FreeInstance(o);
}
Value FrameGetCode(Value self, void*) {
  Incref(FO(self)->code);
  return FO(self)->code;
}
Value FrameGetGlobals(Value self, void*) {
  Value g = FO(self)->globals;
  if (!g) return NewNone();
  Incref(g);
  return g;
}
Value FrameGetLineno(Value self, void*) {
  FrameObject* f = FO(self);
  if (f->live) return NewInt(CodeLine(f->live->code, FrameLasti(f->live)));
  return NewInt(f->lineno);
}
Value FrameGetLasti(Value self, void*) {
  FrameObject* f = FO(self);
  return NewInt((f->live ? FrameLasti(f->live) : f->lasti) * 2);
}
Value FrameGetBack(Value self, void*) {
  FrameObject* f = FO(self);
  if (f->live && f->live->previous) return FrameObjectFor(f->live->previous);
  if (f->back) {
    Incref(f->back);
    return f->back;
  }
  return NewNone();
}
Value FrameGetLocals(Value self, void*) {
  FrameObject* fo = FO(self);
  Frame* f = fo->live;
  if (!f) {
    if (fo->locals) {
      Incref(fo->locals);
      return fo->locals;
    }
    return NewDict();
  }
  if (f->locals) {
    Incref(f->locals);
    return f->locals;
  }
  // The fast locals and cells, merged into the frame object's one dict (CPython's
  // PyFrame_FastToLocals): names bound elsewhere (exec("x = 1") in a function) stay, and
  // unbound locals are removed.
  Value d = fo->locals;
  if (!d) {
    d = NewDict();
    if (!d) return Value();
    fo->locals = d;
  }
  CodeObject* co = f->code;
  int n = co->nlocals + co->ncells + co->nfree;
  for (int i = 0; i < n; ++i) {
    Value v = f->localsplus[i];
    if (i >= co->nlocals && v) v = AsCell(v)->ref;
    Value name = co->localsplus_names[i];
    if (!v) {
      if (DictGetStr(d, name) && DictDelItem(d, name) < 0) return Value();
      if (ErrorOccurred()) return Value();
      continue;
    }
    if (DictSetItem(d, name, v) < 0) return Value();
  }
  Incref(d);
  return d;
}

const GetSetDef kFrameGetSets[] = {
    {"f_code", FrameGetCode, nullptr, nullptr, nullptr},
    {"f_globals", FrameGetGlobals, nullptr, nullptr, nullptr},
    {"f_lineno", FrameGetLineno, nullptr, nullptr, nullptr},
    {"f_lasti", FrameGetLasti, nullptr, nullptr, nullptr},
    {"f_back", FrameGetBack, nullptr, nullptr, nullptr},
    {"f_locals", FrameGetLocals, nullptr, nullptr, nullptr},
    {},
};

Value FrameRepr(Value self) {
  FrameObject* f = FO(self);
  CodeObject* co = AsCode(f->code);
  int line = f->live ? CodeLine(f->live->code, FrameLasti(f->live)) : f->lineno;
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(f));
  return NewStr(std::string("<frame at ") + addr + ", file '" + StrToUtf8Lossless(co->filename) +
                "', line " + std::to_string(line) + ", code " + StrToUtf8Lossless(co->name) + ">");
}

void InitTracebackTypes() {
  {
    TypeInit t(&kTracebackType, "traceback", sizeof(TracebackObject));
    t.gc().final();
    t.type->hooks.traverse = TbTraverse;
    t.type->hooks.clear = TbClear;
    t.type->hooks.dealloc = TbDealloc;
    t.getsets(kTbGetSets);
    t.Ready();
    RegisterTracebackType(&kTracebackType);
  }
  {
    TypeInit t(&kFrameType, "frame", sizeof(FrameObject));
    t.gc().final();
    t.type->hooks.traverse = FrameTraverse;
    t.type->hooks.clear = FrameClear;
    t.type->hooks.dealloc = FrameDealloc;
    t.type->repr = FrameRepr;
    t.getsets(kFrameGetSets);
    t.Ready();
  }
}
InitRegistration g_tb_reg(InitPhase::kBuiltinTypes, InitTracebackTypes);

// --- source lines --------------------------------------------------------------------

const std::vector<std::string>* SourceLines(const std::string& filename) {
  static std::unordered_map<std::string, std::vector<std::string>> cache;
  auto it = cache.find(filename);
  if (it != cache.end()) return &it->second;
  std::vector<std::string> lines;
  if (!filename.empty() && filename[0] != '<') {
    std::ifstream in(filename, std::ios::binary);
    if (in) {
      std::string line;
      while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
      }
    }
  }
  return &cache.emplace(filename, std::move(lines)).first->second;
}

// Characters (code points) in the first `byte_offset` bytes of the UTF-8 `s`.
int CharOffset(const std::string& s, int byte_offset) {
  int n = 0;
  for (int i = 0; i < byte_offset && i < static_cast<int>(s.size()); ++i) {
    if ((static_cast<unsigned char>(s[static_cast<size_t>(i)]) & 0xC0) != 0x80) ++n;
  }
  if (byte_offset > static_cast<int>(s.size())) n += byte_offset - static_cast<int>(s.size());
  return n;
}

bool IsSpaceChar(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string Strip(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && IsSpaceChar(s[a])) ++a;
  while (b > a && IsSpaceChar(s[b - 1])) --b;
  return s.substr(a, b - a);
}

struct Anchors {
  int left_end, right_start;  // character offsets within the segment
};

// CPython 3.11's caret anchors: a binary operator or a subscript in the segment.
bool ExtractAnchors(const std::string& segment, Anchors* out) {
  compiler::ParseResult r = compiler::ParseFile(segment);
  if (!r.module) return false;
  const compiler::Node* mod = r.module;
  if (mod->f[0].tag != compiler::Slot::kSeq || mod->f[0].n != 1) return false;
  const compiler::Node* stmt = mod->f[0].items[0];
  if (!stmt || stmt->kind != compiler::Kind::Expr) return false;
  const compiler::Node* expr = stmt->f[0].node;
  if (!expr) return false;
  auto normalize = [&](int byte_off) { return CharOffset(segment, byte_off); };
  if (expr->kind == compiler::Kind::BinOp) {
    const compiler::Node* left = expr->f[0].node;
    const compiler::Node* right = expr->f[2].node;
    // The text between the operands, as bytes (operators are ASCII).
    int ls = left->end_col_offset, rs = right->col_offset;
    if (ls < 0 || rs < ls || rs > static_cast<int>(segment.size())) return false;
    std::string op_str = segment.substr(static_cast<size_t>(ls), static_cast<size_t>(rs - ls));
    int op_off = 0;
    while (op_off < static_cast<int>(op_str.size()) && IsSpaceChar(op_str[static_cast<size_t>(op_off)])) ++op_off;
    int left_anchor = ls + op_off;
    int right_anchor = left_anchor + 1;
    if (op_off + 1 < static_cast<int>(op_str.size()) && !IsSpaceChar(op_str[static_cast<size_t>(op_off + 1)])) {
      ++right_anchor;
    }
    out->left_end = normalize(left_anchor);
    out->right_start = normalize(right_anchor);
    return true;
  }
  if (expr->kind == compiler::Kind::Subscript) {
    const compiler::Node* value = expr->f[0].node;
    const compiler::Node* slice = expr->f[1].node;
    out->left_end = normalize(value->end_col_offset);
    out->right_start = normalize(slice->end_col_offset + 1);
    return true;
  }
  return false;
}

struct Entry {
  std::string filename, name;
  int lineno;
  compiler::Position pos;
};

std::string FormatEntry(const Entry& e) {
  std::string out = "  File \"" + e.filename + "\", line " + std::to_string(e.lineno) + ", in " +
                    e.name + "\n";
  const std::vector<std::string>* lines = SourceLines(e.filename);
  if (e.lineno < 1 || static_cast<size_t>(e.lineno) > lines->size()) return out;
  const std::string& orig = (*lines)[static_cast<size_t>(e.lineno - 1)];
  std::string stripped = Strip(orig);
  if (stripped.empty()) return out;
  out += "    " + stripped + "\n";
  if (e.pos.col < 0 || e.pos.end_col < 0) return out;
  size_t lead = 0;
  while (lead < orig.size() && IsSpaceChar(orig[lead])) ++lead;
  int stripped_chars = CharOffset(orig, static_cast<int>(lead));
  int start = CharOffset(orig, e.pos.col) + 1;
  int end = CharOffset(orig, e.pos.end_col) + 1;
  Anchors anchors{};
  bool have_anchors = false;
  if (e.pos.lineno == e.pos.end_lineno) {
    if (e.pos.col <= e.pos.end_col && e.pos.end_col <= static_cast<int>(orig.size())) {
      std::string seg = orig.substr(static_cast<size_t>(e.pos.col),
                                    static_cast<size_t>(e.pos.end_col - e.pos.col));
      have_anchors = ExtractAnchors(seg, &anchors);
    }
  } else {
    // A span running past this line ends at the end of the (stripped) line; 1-based like
    // `start`, so a span starting at the first character covers the whole line (no carets).
    end = stripped_chars + CharOffset(stripped, static_cast<int>(stripped.size())) + 1;
  }
  int stripped_len = CharOffset(stripped, static_cast<int>(stripped.size()));
  if (end - start < stripped_len || (have_anchors && anchors.right_start - anchors.left_end > 0)) {
    out += "    ";
    out += std::string(static_cast<size_t>(std::max(0, start - 1 - stripped_chars)), ' ');
    if (have_anchors) {
      out += std::string(static_cast<size_t>(std::max(0, anchors.left_end)), '~');
      out += std::string(static_cast<size_t>(std::max(0, anchors.right_start - anchors.left_end)), '^');
      out += std::string(static_cast<size_t>(std::max(0, end - start - anchors.right_start)), '~');
    } else {
      out += std::string(static_cast<size_t>(std::max(0, end - start)), '^');
    }
    out += "\n";
  }
  return out;
}

std::string FormatTraceback(Value tb) {
  std::vector<Entry> entries;
  for (Value t = tb; t && !IsNone(t); t = TB(t)->next) {
    TracebackObject* o = TB(t);
    CodeObject* co = AsCode(o->code);
    Entry e;
    e.filename = StrToUtf8Lossless(co->filename);
    e.name = StrToUtf8Lossless(co->name);
    e.lineno = o->lineno;
    const auto& positions = (*co->unit)->positions;
    if (o->lasti >= 0 && static_cast<size_t>(o->lasti) < positions.size()) {
      e.pos = positions[static_cast<size_t>(o->lasti)];
    }
    entries.push_back(e);
  }
  constexpr int kRecursiveCutoff = 3;
  std::string out;
  const Entry* last = nullptr;
  int count = 0;
  auto flush_repeats = [&]() {
    if (count > kRecursiveCutoff) {
      int n = count - kRecursiveCutoff;
      out += "  [Previous line repeated " + std::to_string(n) + " more time" + (n > 1 ? "s" : "") + "]\n";
    }
  };
  for (const Entry& e : entries) {
    if (!last || last->filename != e.filename || last->lineno != e.lineno || last->name != e.name) {
      flush_repeats();
      last = &e;
      count = 0;
    }
    ++count;
    if (count > kRecursiveCutoff) continue;
    out += FormatEntry(e);
  }
  flush_repeats();
  return out;
}


// --- "Did you mean" suggestions (CPython 3.11's offer_suggestions) ---------------------

constexpr size_t kMoveCost = 2, kCaseCost = 1, kMaxStringSize = 40, kMaxCandidates = 750;

size_t SubstitutionCost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
  if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

// Weighted Levenshtein distance; anything above max_cost is reported as max_cost + 1.
size_t EditDistance(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  std::vector<size_t> row(a.size());
  for (size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t ai = 0; ai < a.size(); ++ai) {
      size_t substitute = distance + SubstitutionCost(b[bi], a[ai]);
      distance = row[ai];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      row[ai] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

// The closest candidate to `name`, or "".
std::string BestSuggestion(const std::string& name, const std::vector<std::string>& candidates) {
  if (candidates.size() > kMaxCandidates) return "";
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (const std::string& item : candidates) {
    if (item == name) continue;
    size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = EditDistance(name, item, max_distance);
    if (d > max_distance) continue;
    if (best.empty() || d < best_distance) {
      best = item;
      best_distance = d;
    }
  }
  return best;
}

void AppendStrings(Value iterable, std::vector<std::string>* out) {
  if (!iterable) return;
  Ref it = Ref::Steal(GetIter(iterable));
  if (!it) {
    ClearError();
    return;
  }
  for (;;) {
    Value x;
    IterResult r = IterNext(it.get(), &x);
    if (r != IterResult::kItem) break;
    if (IsStr(x)) out->push_back(StrToUtf8Lossless(x));
    Decref(x);
  }
  ClearError();
}

std::string Suggestion(Value exc) {
  Value saved = FetchError();
  std::string result;
  if (TypeCheck(exc, &kAttributeErrorType)) {
    auto* ae = reinterpret_cast<AttributeErrorObject*>(exc.object());
    if (ae->name && IsStr(ae->name) && ae->obj) {
      std::vector<std::string> cands;
      Ref d = Ref::Steal(Dir(ae->obj));
      if (d && (!ErrorOccurred())) AppendStrings(d.get(), &cands);
      ClearError();
      result = BestSuggestion(StrToUtf8Lossless(ae->name), cands);
    }
  } else if (TypeCheck(exc, &kNameErrorType) && !TypeCheck(exc, &kUnboundLocalErrorType)) {
    auto* ne = reinterpret_cast<NameErrorObject*>(exc.object());
    Value tb = ExceptionTraceback(exc);
    if (ne->name && IsStr(ne->name) && tb && !IsNone(tb)) {
      while (TB(tb)->next && !IsNone(TB(tb)->next)) tb = TB(tb)->next;
      TracebackObject* last = TB(tb);
      std::vector<std::string> cands;
      CodeObject* co = AsCode(last->code);
      AppendStrings(co->varnames, &cands);
      Value globals = last->frame ? FO(last->frame)->globals : Value();
      std::string name = StrToUtf8Lossless(ne->name);
      result = BestSuggestion(name, cands);
      if (result.empty() && globals) {
        cands.clear();
        AppendStrings(globals, &cands);
        result = BestSuggestion(name, cands);
      }
      if (result.empty()) {
        cands.clear();
        Value b = globals ? DictGetStr(globals, N().__builtins__) : Value();
        if (b && IsModule(b)) b = ModuleDict(b);
        if (!b || !IsDict(b)) b = BuiltinsDict();
        AppendStrings(b, &cands);
        result = BestSuggestion(name, cands);
      }
    }
  }
  ClearError();
  RestoreError(saved);
  return result;
}

std::string FormatSyntaxErrorLines(Value exc) {
  auto* se = reinterpret_cast<SyntaxErrorObject*>(exc.object());
  std::string out;
  if (se->filename && IsStr(se->filename)) {
    out += "  File \"" + StrToUtf8Lossless(se->filename) + "\", line ";
    int64_t line = 0;
    if (se->lineno && IsInt(se->lineno)) (void)IntToInt64(se->lineno, &line);
    out += std::to_string(line) + "\n";
  }
  if (se->text && IsStr(se->text)) {
    std::string text = StrToUtf8Lossless(se->text);
    // Only the first line of the text, stripped of leading whitespace and the newline.
    size_t nl = text.find('\n');
    std::string first = nl == std::string::npos ? text : text.substr(0, nl);
    size_t lead = 0;
    while (lead < first.size() && (first[lead] == ' ' || first[lead] == '\t' || first[lead] == '\f')) ++lead;
    std::string shown = first.substr(lead);
    while (!shown.empty() && IsSpaceChar(shown.back())) shown.pop_back();
    out += "    " + shown + "\n";
    int64_t offset = 0, end_offset = 0;
    if (se->offset && IsInt(se->offset)) (void)IntToInt64(se->offset, &offset);
    if (se->end_offset && IsInt(se->end_offset)) (void)IntToInt64(se->end_offset, &end_offset);
    int64_t end_line = 0, line = 0;
    if (se->end_lineno && IsInt(se->end_lineno)) (void)IntToInt64(se->end_lineno, &end_line);
    if (se->lineno && IsInt(se->lineno)) (void)IntToInt64(se->lineno, &line);
    if (offset > 0) {
      int64_t col = CharOffset(first, 0) + offset - 1 - CharOffset(first, static_cast<int>(lead));
      if (end_line != line || end_offset <= offset) end_offset = offset + 1;
      // CPython's printer ignores end_offset for SyntaxError subclasses (one caret).
      if (TypeOf(exc) != &kSyntaxErrorType) end_offset = offset + 1;
      int64_t width = end_offset - offset;
      int64_t shown_len = CharOffset(shown, static_cast<int>(shown.size()));
      if (col > shown_len) col = shown_len;
      if (col < 0) return out;  // points into the stripped indentation: no caret
      if (col + width > shown_len + 1) width = std::max<int64_t>(1, shown_len + 1 - col);
      out += "    " + std::string(static_cast<size_t>(col), ' ') + std::string(static_cast<size_t>(width), '^') + "\n";
    }
  }
  return out;
}

std::string ExceptionLastLine(Value exc) {
  if (TypeCheck(exc, &kSyntaxErrorType)) {
    auto* se = reinterpret_cast<SyntaxErrorObject*>(exc.object());
    std::string name = TypeName(TypeOf(exc));
    std::string msg = se->msg && IsStr(se->msg) ? StrToUtf8Lossless(se->msg) : "";
    std::string s = FormatSyntaxErrorLines(exc) + name;
    if (!msg.empty()) s += ": " + msg;
    return s + "\n";
  }
  std::string s = FormatExceptionOnly(exc);
  if (TypeCheck(exc, &kNameErrorType) || TypeCheck(exc, &kAttributeErrorType)) {
    std::string sugg = Suggestion(exc);
    if (!sugg.empty()) s += ". Did you mean: '" + sugg + "'?";
  }
  s += "\n";
  // __notes__
  Ref notes = Ref::Steal(LookupAttr(exc, Intern("__notes__")));
  if (!notes) {
    ClearError();
    return s;
  }
  Ref it = Ref::Steal(GetIter(notes.get()));
  if (!it) {
    ClearError();
    return s;
  }
  for (;;) {
    Value n;
    IterResult r = IterNext(it.get(), &n);
    if (r != IterResult::kItem) break;
    Ref owned = Ref::Steal(n);
    if (IsStr(n)) {
      s += StrToUtf8Lossless(n) + "\n";
    } else {
      std::string rep = ReprUtf8(n);
      if (ErrorOccurred()) {
        ClearError();
        rep = "<note str() failed>";
      }
      s += rep + "\n";
    }
  }
  ClearError();
  return s;
}

// The printing context of CPython's TracebackException.format (exception groups are
// drawn as nested boxes).
struct PrintCtx {
  std::unordered_set<uint64_t> seen;
  int depth = 0;
  bool need_close = false;
  std::string Indent() const { return std::string(static_cast<size_t>(2 * depth), ' '); }
  void Emit(const std::string& text, std::string* out, char margin = '|') const {
    std::string prefix = Indent();
    if (depth) prefix += std::string(1, margin) + " ";
    size_t start = 0;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      size_t end = nl == std::string::npos ? text.size() : nl + 1;
      *out += prefix + text.substr(start, end - start);
      start = end;
    }
  }
};

constexpr int kMaxGroupWidth = 15, kMaxGroupDepth = 10;

bool IsGroup(Value exc) { return TypeCheck(exc, &kBaseExceptionGroupType); }

void FormatExc(Value exc, PrintCtx* ctx, std::string* out) {
  std::vector<std::pair<const char*, Value>> chain;
  for (Value e = exc; e;) {
    ctx->seen.insert(e.bits());
    Value cause = ExceptionCause(e);
    Value context = ExceptionContext(e);
    auto* be = reinterpret_cast<BaseExceptionObject*>(e.object());
    const char* msg = nullptr;
    Value next;
    if (cause && !IsNone(cause) && IsException(cause)) {
      if (!ctx->seen.count(cause.bits())) {
        msg = "\nThe above exception was the direct cause of the following exception:\n\n";
        next = cause;
      }
    } else if (context && !IsNone(context) && IsException(context) && !be->suppress_context) {
      if (!ctx->seen.count(context.bits())) {
        msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
        next = context;
      }
    }
    chain.emplace_back(msg, e);
    e = next;
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (it->first) ctx->Emit(it->first, out);
    Value e = it->second;
    Value tb = ExceptionTraceback(e);
    bool has_tb = tb && !IsNone(tb);
    if (!IsGroup(e)) {
      if (has_tb) {
        ctx->Emit("Traceback (most recent call last):\n", out);
        ctx->Emit(FormatTraceback(tb), out);
      }
      ctx->Emit(ExceptionLastLine(e), out);
      continue;
    }
    if (ctx->depth > kMaxGroupDepth) {
      ctx->Emit("... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n", out);
      continue;
    }
    bool toplevel = ctx->depth == 0;
    if (toplevel) ++ctx->depth;
    if (has_tb) {
      ctx->Emit("Exception Group Traceback (most recent call last):\n", out, toplevel ? '+' : '|');
      ctx->Emit(FormatTraceback(tb), out);
    }
    ctx->Emit(ExceptionLastLine(e), out);
    Value excs = reinterpret_cast<ExceptionGroupObject*>(e.object())->excs;
    int64_t num = excs && IsTuple(excs) ? TupleSize(excs) : 0;
    int64_t n = num <= kMaxGroupWidth ? num : kMaxGroupWidth + 1;
    ctx->need_close = false;
    for (int64_t i = 0; i < n; ++i) {
      bool last = i == n - 1;
      if (last) ctx->need_close = true;
      bool truncated = i >= kMaxGroupWidth;
      std::string title = truncated ? "..." : std::to_string(i + 1);
      *out += ctx->Indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
      ++ctx->depth;
      if (!truncated) {
        FormatExc(TupleItem(excs, i), ctx, out);
      } else {
        int64_t remaining = num - kMaxGroupWidth;
        ctx->Emit("and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n", out);
      }
      if (last && ctx->need_close) {
        *out += ctx->Indent() + "+------------------------------------\n";
        ctx->need_close = false;
      }
      --ctx->depth;
    }
    if (toplevel) ctx->depth = 0;
  }
}

}  // namespace

Value FrameObjectFor(Frame* f) {
  if (f->frame_obj) {
    Incref(f->frame_obj);
    return f->frame_obj;
  }
  Value v = AllocInstance(&kFrameType);
  if (!v) return Value();
  FrameObject* fo = FO(v);
  fo->live = f;
  Incref(f->code_ref);
  fo->code = f->code_ref;
  Incref(f->globals);
  fo->globals = f->globals;
  fo->lasti = FrameLasti(f);
  fo->lineno = CodeLine(f->code, FrameLasti(f));
  TrackObject(v);
  Incref(v);
  f->frame_obj = v;
  return v;
}

void AddTraceback(Frame* f) {
  Value exc = CurrentError();
  if (!exc) return;
  Value saved = FetchError();
  Value tb = AllocInstance(&kTracebackType);
  if (!tb) {
    ClearError();
    RestoreError(saved);
    return;
  }
  TracebackObject* t = TB(tb);
  Value prev = ExceptionTraceback(saved);
  if (prev && !IsNone(prev)) {
    Incref(prev);
    t->next = prev;
  }
  t->frame = FrameObjectFor(f);
  if (!t->frame) ClearError();
  Incref(f->code_ref);
  t->code = f->code_ref;
  t->lasti = FrameLasti(f);
  t->lineno = CodeLine(f->code, FrameLasti(f));
  TrackObject(tb);
  SetExceptionTraceback(saved, tb);
  Decref(tb);
  RestoreError(saved);
}

std::string FormatException(Value exc) {
  PrintCtx ctx;
  std::string out;
  FormatExc(exc, &ctx, &out);
  return out;
}

void PrintException(Value exc) {
  FlushStdStreams();
  std::string text = FormatException(exc);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace pyrt::vm_internal

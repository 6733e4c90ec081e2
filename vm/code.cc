// Code objects: a compiler::CodeUnit materialised as a Python `code` object.

#include <cstring>
#include <new>

#include "vm/internal/vm_internal.h"

namespace pyrt::vm_internal {

TypeObject kCodeType;

namespace {

using compiler::CodeUnit;
using compiler::ConstValue;

// CPython interns string constants that look like identifiers (all name characters).
bool LooksLikeName(const std::string& s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      return false;
    }
  }
  return true;
}

Value CallBuiltin(const char* name, const Value* args, size_t nargs) {
  Value b = BuiltinsDict();
  Value fn = b ? DictGetUtf8(b, name) : Value();
  if (!fn) {
    RaiseNew(&kSystemErrorType, "builtin '%s' is not available for a code constant", name);
    return Value();
  }
  return Call(fn, args, nargs);
}

Value ConstToValue(const ConstValue& c) {
  switch (c.kind) {
    case ConstValue::kNone: return NewNone();
    case ConstValue::kTrue: return NewBool(true);
    case ConstValue::kFalse: return NewBool(false);
    case ConstValue::kEllipsis: Incref(Ellipsis()); return Ellipsis();
    case ConstValue::kInt:
      if (c.big.empty()) return NewInt(c.i);
      return IntFromString(c.big, 10);
    case ConstValue::kFloat: return NewFloat(c.d);
    case ConstValue::kComplex: {
      Ref re = Ref::Steal(NewFloat(c.re));
      Ref im = Ref::Steal(NewFloat(c.d));
      if (!re || !im) return Value();
      Value args[2] = {re.get(), im.get()};
      return CallBuiltin("complex", args, 2);
    }
    case ConstValue::kStr: {
      if (LooksLikeName(c.s)) {
        Value s = Intern(c.s);
        Incref(s);
        return s;
      }
      return NewStrSurrogatePass(c.s);
    }
    case ConstValue::kBytes: {
      Ref s = Ref::Steal(NewStrLatin1(c.s));
      if (!s) return Value();
      Ref enc = Ref::Steal(NewStr("latin-1"));
      if (!enc) return Value();
      Value arg = enc.get();
      return CallMethod(s.get(), "encode", &arg, 1);
    }
    case ConstValue::kTuple:
    case ConstValue::kFrozenset: {
      Ref t = Ref::Steal(NewTuple(static_cast<int64_t>(c.items.size())));
      if (!t) return Value();
      for (size_t i = 0; i < c.items.size(); ++i) {
        Value item = ConstToValue(c.items[i]);
        if (!item) return Value();
        TupleSetItem(t.get(), static_cast<int64_t>(i), item);
      }
      if (c.kind == ConstValue::kTuple) return t.release();
      Value arg = t.get();
      return CallBuiltin("frozenset", &arg, 1);
    }
    case ConstValue::kCode:
      return NewCode(c.code);
  }
  RaiseBadInternalCall();
  return Value();
}

Value NamesTuple(const std::vector<std::string>& names) {
  Value t = NewTuple(static_cast<int64_t>(names.size()));
  if (!t) return Value();
  for (size_t i = 0; i < names.size(); ++i) {
    Value s = Intern(names[i]);
    Incref(s);
    TupleSetItem(t, static_cast<int64_t>(i), s);
  }
  return t;
}

void CodeDealloc(Object* o) {
  auto* c = reinterpret_cast<CodeObject*>(o);
  for (uint32_t i = 0; i < c->nconsts; ++i) Decref(c->consts[i]);
  delete[] c->consts;
  delete[] c->names;
  delete[] c->localsplus_names;
  delete[] c->words;
  delete c->unit;
  delete c->caches;
  Decref(c->varnames);
  Decref(c->cellvars);
  Decref(c->freevars);
  Decref(c->name);
  Decref(c->qualname);
  Decref(c->filename);
  FreeInstance(o);
}

Value CodeRepr(Value self) {
  CodeObject* c = AsCode(self);
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(c));
  std::string s = "<code object " + StrToUtf8Lossless(c->name) + " at " + addr + ", file \"" +
                  StrToUtf8Lossless(c->filename) + "\", line " + std::to_string(c->firstlineno) + ">";
  return NewStr(s);
}

Value GetConsts(Value self, void*) {
  CodeObject* c = AsCode(self);
  return TupleFromArray(c->consts, c->nconsts);
}
Value GetNames(Value self, void*) {
  CodeObject* c = AsCode(self);
  return TupleFromArray(c->names, c->nnames);
}
Value GetCodeBytes(Value self, void*) {
  CodeObject* c = AsCode(self);
  // The compiler's words: the private copy holds quickened instructions and filled caches.
  const std::vector<uint32_t>& words = (*c->unit)->words;
  std::string raw(reinterpret_cast<const char*>(words.data()), words.size() * 4u);
  Ref s = Ref::Steal(NewStrLatin1(raw));
  if (!s) return Value();
  Ref enc = Ref::Steal(NewStr("latin-1"));
  Value arg = enc.get();
  return CallMethod(s.get(), "encode", &arg, 1);
}
Value GetNlocals(Value self, void*) { return NewInt(AsCode(self)->nlocals); }

const MemberDef kCodeMembers[] = {
    {"co_name", MemberKind::kObject, offsetof(CodeObject, name), true, nullptr},
    {"co_qualname", MemberKind::kObject, offsetof(CodeObject, qualname), true, nullptr},
    {"co_filename", MemberKind::kObject, offsetof(CodeObject, filename), true, nullptr},
    {"co_varnames", MemberKind::kObject, offsetof(CodeObject, varnames), true, nullptr},
    {"co_cellvars", MemberKind::kObject, offsetof(CodeObject, cellvars), true, nullptr},
    {"co_freevars", MemberKind::kObject, offsetof(CodeObject, freevars), true, nullptr},
    {"co_argcount", MemberKind::kInt32, offsetof(CodeObject, argcount), true, nullptr},
    {"co_posonlyargcount", MemberKind::kInt32, offsetof(CodeObject, posonlyargcount), true, nullptr},
    {"co_kwonlyargcount", MemberKind::kInt32, offsetof(CodeObject, kwonlyargcount), true, nullptr},
    {"co_firstlineno", MemberKind::kInt32, offsetof(CodeObject, firstlineno), true, nullptr},
    {"co_flags", MemberKind::kInt32, offsetof(CodeObject, flags), true, nullptr},
    {"co_stacksize", MemberKind::kInt32, offsetof(CodeObject, framesize), true, nullptr},
    {},
};
const GetSetDef kCodeGetSets[] = {
    {"co_consts", GetConsts, nullptr, nullptr, nullptr},
    {"co_names", GetNames, nullptr, nullptr, nullptr},
    {"co_code", GetCodeBytes, nullptr, nullptr, nullptr},
    {"co_nlocals", GetNlocals, nullptr, nullptr, nullptr},
    {},
};

void InitCode() {
  TypeInit t(&kCodeType, "code", sizeof(CodeObject));
  t.type->hooks.dealloc = CodeDealloc;
  t.type->repr = CodeRepr;
  t.members(kCodeMembers).getsets(kCodeGetSets).final();
  t.Ready();
}
InitRegistration g_code_reg(InitPhase::kBuiltinTypes, InitCode);

}  // namespace

Value NewCode(std::shared_ptr<const CodeUnit> unit) {
  Value v = AllocInstance(&kCodeType);
  if (!v) return Value();
  auto* c = AsCode(v);
  // AllocInstance zeroes the payload; fill every field before anything can fail so that
  // dealloc sees a consistent object.
  const CodeUnit& u = *unit;
  c->unit = new std::shared_ptr<const CodeUnit>(unit);
  c->nwords = static_cast<uint32_t>(u.words.size());
  c->words = new uint32_t[c->nwords ? c->nwords : 1];
  if (c->nwords) std::memcpy(c->words, u.words.data(), c->nwords * sizeof(uint32_t));
  c->nconsts = static_cast<uint32_t>(u.consts.size());
  c->consts = new Value[c->nconsts ? c->nconsts : 1]();
  c->nnames = static_cast<uint32_t>(u.names.size());
  c->names = new Value[c->nnames ? c->nnames : 1]();
  for (uint32_t i = 0; i < c->nnames; ++i) c->names[i] = Intern(u.names[i]);
  c->nlocals = static_cast<int32_t>(u.varnames.size());
  c->ncells = static_cast<int32_t>(u.cellvars.size());
  c->nfree = static_cast<int32_t>(u.freevars.size());
  size_t nplus = u.varnames.size() + u.cellvars.size() + u.freevars.size();
  c->localsplus_names = new Value[nplus ? nplus : 1]();
  size_t k = 0;
  for (const auto& n : u.varnames) c->localsplus_names[k++] = Intern(n);
  for (const auto& n : u.cellvars) c->localsplus_names[k++] = Intern(n);
  for (const auto& n : u.freevars) c->localsplus_names[k++] = Intern(n);
  c->framesize = u.FrameSize();
  c->argcount = u.argcount;
  c->posonlyargcount = u.posonlyargcount;
  c->kwonlyargcount = u.kwonlyargcount;
  c->firstlineno = u.firstlineno;
  c->flags = u.flags;
  c->cell2arg = u.cell2arg.size() >= u.cellvars.size() && !u.cell2arg.empty() ? u.cell2arg.data() : nullptr;
  c->hash = -1;
  c->varnames = NamesTuple(u.varnames);
  c->cellvars = NamesTuple(u.cellvars);
  c->freevars = NamesTuple(u.freevars);
  c->name = Intern(u.name);
  Incref(c->name);
  c->qualname = NewStr(u.qualname.empty() ? u.name : u.qualname);
  c->filename = NewStrSurrogatePass(u.filename);
  if (!c->varnames || !c->cellvars || !c->freevars || !c->qualname || !c->filename) {
    Decref(v);
    return Value();
  }
  for (uint32_t i = 0; i < c->nconsts; ++i) {
    Value cv = ConstToValue(u.consts[i]);
    if (!cv) {
      Decref(v);
      return Value();
    }
    c->consts[i] = cv;
  }
  return v;
}

int CodeLine(const CodeObject* code, int64_t lasti) {
  if (lasti < 0) return code->firstlineno;
  const CodeUnit& u = **code->unit;
  if (static_cast<size_t>(lasti) >= u.positions.size()) return -1;
  return u.positions[static_cast<size_t>(lasti)].lineno;
}

}  // namespace pyrt::vm_internal

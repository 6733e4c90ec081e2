// Function objects (`def`, `lambda`) and cells (closure variables).

#include <cstdio>

#include "vm/internal/vm_internal.h"

namespace pyrt::vm_internal {

TypeObject kCellType;
TypeObject kFunctionType;

namespace {

int Visit(Value v, gc::VisitFn visit, void* arg) {
  if (Object* o = v.object_or_null()) return visit(o, arg);
  return 0;
}

void Clear(Value* slot) {
  Value v = *slot;
  *slot = Value();
  Decref(v);
}

// --- cell ----------------------------------------------------------------------------

int CellTraverse(Object* o, gc::VisitFn visit, void* arg) {
  return Visit(reinterpret_cast<CellObject*>(o)->ref, visit, arg);
}
void CellClear(Object* o) { Clear(&reinterpret_cast<CellObject*>(o)->ref); }
void CellDealloc(Object* o) {
  CellClear(o);
  FreeInstance(o);
}
Value CellRepr(Value self) {
  char buf[96];
  CellObject* c = AsCell(self);
  if (!c->ref) {
    std::snprintf(buf, sizeof buf, "<cell at %p: empty>", static_cast<void*>(c));
    return NewStr(buf);
  }
  std::snprintf(buf, sizeof buf, "<cell at %p: %s object at %p>", static_cast<void*>(c),
                TypeName(TypeOf(c->ref)), reinterpret_cast<void*>(c->ref.bits()));  // tagged ints too
  return NewStr(buf);
}
Value CellGetContents(Value self, void*) {
  CellObject* c = AsCell(self);
  if (!c->ref) return Error(&kValueErrorType, "Cell is empty");
  Incref(c->ref);
  return c->ref;
}
int CellSetContents(Value self, Value v, void*) {
  CellObject* c = AsCell(self);
  Incref(v);
  Value old = c->ref;
  c->ref = v;
  Decref(old);
  return 0;
}
const GetSetDef kCellGetSets[] = {
    {"cell_contents", CellGetContents, CellSetContents, nullptr, nullptr},
    {},
};

void InitCell() {
  TypeInit t(&kCellType, "cell", sizeof(CellObject));
  t.gc().final();
  t.type->hooks.traverse = CellTraverse;
  t.type->hooks.clear = CellClear;
  t.type->hooks.dealloc = CellDealloc;
  t.type->repr = CellRepr;
  t.getsets(kCellGetSets);
  t.Ready();
}
InitRegistration g_cell_reg(InitPhase::kBuiltinTypes, InitCell);

// --- function ------------------------------------------------------------------------

FunctionObject* F(Value v) { return AsFunction(v); }

int FunctionTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* f = reinterpret_cast<FunctionObject*>(o);
  for (Value v : {f->code, f->globals, f->builtins, f->name, f->qualname, f->doc, f->dict,
                  f->module, f->defaults, f->kwdefaults, f->closure, f->annotations}) {
    if (int r = Visit(v, visit, arg)) return r;
  }
  return 0;
}
void FunctionClear(Object* o) {
  auto* f = reinterpret_cast<FunctionObject*>(o);
  Clear(&f->globals);
  Clear(&f->builtins);
  Clear(&f->doc);
  Clear(&f->dict);
  Clear(&f->module);
  Clear(&f->defaults);
  Clear(&f->kwdefaults);
  Clear(&f->closure);
  Clear(&f->annotations);
}
void FunctionDealloc(Object* o) {
  auto* f = reinterpret_cast<FunctionObject*>(o);
  FunctionClear(o);
  Clear(&f->code);
  Clear(&f->name);
  Clear(&f->qualname);
  FreeInstance(o);
}

Value FunctionRepr(Value self) {
  char buf[48];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(self.object()));
  std::string s = "<function " + StrToUtf8Lossless(F(self)->qualname) + buf;
  return NewStr(s);
}

Value FunctionDescrGet(Value self, Value obj, Value) {
  if (!obj || IsNone(obj)) {
    Incref(self);
    return self;
  }
  return NewBoundMethod(self, obj);
}

Value FunctionCallSlot(Value callable, const Value* args, size_t nargs, Value kwnames) {
  return CallFunction(callable, args, nargs, kwnames);
}

Value GetOrNone(Value v) {
  if (!v) return NewNone();
  Incref(v);
  return v;
}
void Replace(Value* slot, Value v) {
  Incref(v);
  Value old = *slot;
  *slot = v;
  Decref(old);
}

Value GetName(Value self, void*) { return GetOrNone(F(self)->name); }
int SetName(Value self, Value v, void*) {
  if (!v || !IsStr(v)) {
    RaiseMessage(&kTypeErrorType, "__name__ must be set to a string object");
    return -1;
  }
  Replace(&F(self)->name, v);
  return 0;
}
Value GetQualname(Value self, void*) { return GetOrNone(F(self)->qualname); }
int SetQualname(Value self, Value v, void*) {
  if (!v || !IsStr(v)) {
    RaiseMessage(&kTypeErrorType, "__qualname__ must be set to a string object");
    return -1;
  }
  Replace(&F(self)->qualname, v);
  return 0;
}
Value GetCode(Value self, void*) { return GetOrNone(F(self)->code); }
int SetCode(Value self, Value v, void*) {
  if (!v || !IsCode(v)) {
    RaiseMessage(&kTypeErrorType, "__code__ must be set to a code object");
    return -1;
  }
  Replace(&F(self)->code, v);
  return 0;
}
Value GetDefaults(Value self, void*) { return GetOrNone(F(self)->defaults); }
int SetDefaults(Value self, Value v, void*) {
  if (v && IsNone(v)) v = Value();
  if (v && !IsTuple(v)) {
    RaiseMessage(&kTypeErrorType, "__defaults__ must be set to a tuple object");
    return -1;
  }
  Replace(&F(self)->defaults, v);
  return 0;
}
Value GetKwdefaults(Value self, void*) { return GetOrNone(F(self)->kwdefaults); }
int SetKwdefaults(Value self, Value v, void*) {
  if (v && IsNone(v)) v = Value();
  if (v && !IsDict(v)) {
    RaiseMessage(&kTypeErrorType, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  Replace(&F(self)->kwdefaults, v);
  return 0;
}
Value GetGlobals(Value self, void*) { return GetOrNone(F(self)->globals); }
Value GetBuiltins(Value self, void*) { return GetOrNone(F(self)->builtins); }
Value GetClosure(Value self, void*) { return GetOrNone(F(self)->closure); }
Value GetAnnotations(Value self, void*) {
  FunctionObject* f = F(self);
  if (!f->annotations) {
    f->annotations = NewDict();
    if (!f->annotations) return Value();
  }
  Incref(f->annotations);
  return f->annotations;
}
int SetAnnotations(Value self, Value v, void*) {
  if (v && IsNone(v)) v = Value();
  if (v && !IsDict(v)) {
    RaiseMessage(&kTypeErrorType, "__annotations__ must be set to a dict object");
    return -1;
  }
  Replace(&F(self)->annotations, v);
  return 0;
}
Value GetDict(Value self, void*) {
  FunctionObject* f = F(self);
  if (!f->dict) {
    f->dict = NewDict();
    if (!f->dict) return Value();
  }
  Incref(f->dict);
  return f->dict;
}
int SetDict(Value self, Value v, void*) {
  if (!v) {
    RaiseMessage(&kTypeErrorType, "cannot delete __dict__");
    return -1;
  }
  if (!IsDict(v)) {
    RaiseMessage(&kTypeErrorType, "__dict__ must be set to a dictionary");
    return -1;
  }
  Replace(&F(self)->dict, v);
  return 0;
}

const MemberDef kFunctionMembers[] = {
    {"__doc__", MemberKind::kObject, offsetof(FunctionObject, doc), false, nullptr},
    {"__module__", MemberKind::kObject, offsetof(FunctionObject, module), false, nullptr},
    {},
};
const GetSetDef kFunctionGetSets[] = {
    {"__name__", GetName, SetName, nullptr, nullptr},
    {"__qualname__", GetQualname, SetQualname, nullptr, nullptr},
    {"__code__", GetCode, SetCode, nullptr, nullptr},
    {"__defaults__", GetDefaults, SetDefaults, nullptr, nullptr},
    {"__kwdefaults__", GetKwdefaults, SetKwdefaults, nullptr, nullptr},
    {"__globals__", GetGlobals, nullptr, nullptr, nullptr},
    {"__builtins__", GetBuiltins, nullptr, nullptr, nullptr},
    {"__closure__", GetClosure, nullptr, nullptr, nullptr},
    {"__annotations__", GetAnnotations, SetAnnotations, nullptr, nullptr},
    {"__dict__", GetDict, SetDict, nullptr, nullptr},
    {},
};

void InitFunction() {
  TypeInit t(&kFunctionType, "function", sizeof(FunctionObject));
  t.gc().final().flags(kTypeMethodDescriptor);
  t.type->hooks.traverse = FunctionTraverse;
  t.type->hooks.clear = FunctionClear;
  t.type->hooks.dealloc = FunctionDealloc;
  t.type->repr = FunctionRepr;
  t.type->descr_get = FunctionDescrGet;
  t.type->call = FunctionCallSlot;
  t.type->dict_offset = offsetof(FunctionObject, dict);
  t.type->weaklist_offset = offsetof(FunctionObject, weakrefs);
  t.members(kFunctionMembers).getsets(kFunctionGetSets);
  t.Ready();
}
InitRegistration g_function_reg(InitPhase::kBuiltinTypes, InitFunction);

}  // namespace

Value NewCell(Value contents) {
  Value v = AllocInstance(&kCellType);
  if (!v) return Value();
  Incref(contents);
  AsCell(v)->ref = contents;
  TrackObject(v);
  return v;
}

Value NewFunction(Value code, Value globals) {
  Value v = AllocInstance(&kFunctionType);
  if (!v) return Value();
  FunctionObject* f = F(v);
  CodeObject* c = AsCode(code);
  Incref(code);
  f->code = code;
  Incref(globals);
  f->globals = globals;
  // __builtins__: globals['__builtins__'] (a module or dict) or the interpreter's.
  Value b = DictGetStr(globals, N().__builtins__);
  if (b && IsModule(b)) b = ModuleDict(b);
  if (!b || !IsDict(b)) b = BuiltinsDict();
  Incref(b);
  f->builtins = b;
  Incref(c->name);
  f->name = c->name;
  Incref(c->qualname);
  f->qualname = c->qualname;
  Value doc = c->nconsts > 0 && IsStr(c->consts[0])
                  ? c->consts[0]
                  : None();
  Incref(doc);
  f->doc = doc;
  Value mod = DictGetStr(globals, N().__name__);
  if (mod) {
    Incref(mod);
    f->module = mod;
  }
  TrackObject(v);
  return v;
}

}  // namespace pyrt::vm_internal

// builtin_function.cc — builtin_function_or_method.
#include "objects/core/builtin_function.h"

#include <string>

#include "objects/core/core.h"
#include "objects/core/core_internal.h"

namespace pyrt {

TypeObject kBuiltinFunctionType;

namespace {

BuiltinFunctionObject* F(Value v) { return reinterpret_cast<BuiltinFunctionObject*>(v.object()); }

bool IsMethodOfObject(Value self) {
  // Bound to an object (a method), not to a module or nothing (a function).
  return F(self)->self && !IsModule(F(self)->self);
}

std::string QualName(Value self) {
  BuiltinFunctionObject* f = F(self);
  std::string name = f->def->name;
  if (!f->self || IsModule(f->self)) return name;
  if (IsType(f->self) && (f->def->flags & kMethClass)) return std::string(TypeName(AsType(f->self))) + "." + name;
  if (f->owner != nullptr) return std::string(f->owner) + "." + name;
  return std::string(TypeName(TypeOf(f->self))) + "." + name;
}

int Traverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* f = reinterpret_cast<BuiltinFunctionObject*>(o);
  for (Value v : {f->self, f->module}) {
    if (Object* p = v.object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}
void Dealloc(Object* o) {
  auto* f = reinterpret_cast<BuiltinFunctionObject*>(o);
  gc::Collector::Untrack(o);
  Decref(f->self);
  Decref(f->module);
  FreeInstance(o);
}

// The owner name for a builtin's argument-error messages ("owner.name()"), or null.
const char* MessageOwner(BuiltinFunctionObject* f) {
  const char* owner = nullptr;
  if (f->self && !IsModule(f->self)) {
    owner = IsType(f->self) && (f->def->flags & kMethClass) ? TypeName(AsType(f->self))
            : f->owner != nullptr                          ? f->owner
                                                           : TypeName(TypeOf(f->self));
  } else if (IsStr(f->module) && !(f->def->flags & kMethVarArgs)) {
    // A module's function names itself "module.name()" in argument errors, as CPython
    // (but the builtins': "len() takes exactly one argument").
    const char* mod = AsUtf8(f->module);
    if (mod != nullptr && std::string_view(mod) != "builtins") owner = mod;
    if (mod == nullptr) ClearError();
  }
  return owner;
}

Value CallSlot(Value self, const Value* args, size_t nargs, Value kwnames) {
  BuiltinFunctionObject* f = F(self);
  Ref keep = Ref::Borrow(self);
  const MethodDef& def = *f->def;
  // Arguments that fit the calling convention need no owner name (only messages do).
  const bool has_kw = kwnames && TupleSize(kwnames) > 0;
  switch (def.conv) {
    case CallConv::kNoArgs:
      if (!has_kw && nargs == 0) return def.noargs(f->self);
      break;
    case CallConv::kOneArg:
      if (!has_kw && nargs == 1) return def.onearg(f->self, args[0]);
      break;
    case CallConv::kFast:
      if (!has_kw) return def.fast(f->self, args, nargs);
      break;
    case CallConv::kFastKw:
      return def.fastkw(f->self, args, nargs, has_kw ? kwnames : Value());
  }
  return CallMethodDefOwned(def, MessageOwner(f), f->self, args, nargs, kwnames);
}

Value ReprSlot(Value self) {
  BuiltinFunctionObject* f = F(self);
  if (!IsMethodOfObject(self)) {
    return core_internal::NewStrFormat("<built-in function %s>", f->def->name);
  }
  return core_internal::NewStrFormat("<built-in method %s of %s object at %s>", f->def->name,
                                     TypeName(TypeOf(f->self)),
                                     core_internal::PointerText(f->self).c_str());
}

Value GetName(Value self, void*) {
  Incref(F(self)->name);
  return F(self)->name;
}
Value GetQualname(Value self, void*) { return NewStr(QualName(self)); }
Value GetSelf(Value self, void*) {
  Value s = F(self)->self ? F(self)->self : None();
  Incref(s);
  return s;
}
Value GetDoc(Value self, void*) {
  const char* d = F(self)->def->doc;
  return d ? NewStr(d) : NewNone();
}
Value GetTextSignature(Value, void*) { return NewNone(); }

const GetSetDef kGetSets[] = {
    {"__name__", GetName, nullptr},
    {"__qualname__", GetQualname, nullptr},
    {"__self__", GetSelf, nullptr},
    {"__doc__", GetDoc, nullptr},
    {"__text_signature__", GetTextSignature, nullptr},
    {},
};
const MemberDef kMembers[] = {
    {"__module__", MemberKind::kObject, offsetof(BuiltinFunctionObject, module), false},
    {},
};

Value RichCompareSlot(Value a, Value b, CompareOp op) {
  if (!IsBuiltinFunction(a) || !IsBuiltinFunction(b) ||
      (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NewNotImplemented();
  }
  bool eq = F(a)->def == F(b)->def && F(a)->self == F(b)->self;
  return NewBool(op == CompareOp::kEq ? eq : !eq);
}
int64_t HashSlot(Value self) {
  int64_t x = hash::HashPointer(F(self)->self.object_or_null());
  int64_t y = hash::HashPointer(F(self)->def);
  int64_t h = x ^ y;
  return h == -1 ? -2 : h;
}

}  // namespace

Value NewBuiltinFunction(const MethodDef* def, Value self, Value module, const char* owner) {
  Value v = AllocInstance(&kBuiltinFunctionType);
  if (!v) return v;
  BuiltinFunctionObject* f = F(v);
  f->def = def;
  Incref(self);
  f->self = self;
  if (!module) module = None();
  Incref(module);
  f->module = module;
  f->name = Intern(def->name);
  f->owner = owner;
  TrackObject(v);
  return v;
}

namespace core_internal {
void SetupBuiltinFunctionType() {
  TypeInit t(&kBuiltinFunctionType, "builtin_function_or_method", sizeof(BuiltinFunctionObject));
  t.final().gc();
  TypeObject* ty = t.type;
  ty->flags |= kTypeDisallowInstantiation;
  ty->hooks.traverse = Traverse;
  ty->hooks.dealloc = Dealloc;
  ty->call = CallSlot;
  ty->repr = ReprSlot;
  ty->richcompare = RichCompareSlot;
  ty->hash = HashSlot;
  ty->getsets = kGetSets;
  ty->members = kMembers;
}
}  // namespace core_internal

}  // namespace pyrt

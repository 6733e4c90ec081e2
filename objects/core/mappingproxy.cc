// mappingproxy.cc — types.MappingProxyType.
#include "objects/core/mappingproxy.h"

#include "objects/core/core.h"
#include "objects/core/core_internal.h"

namespace pyrt {

TypeObject kMappingProxyType;

namespace {

Value M(Value v) { return reinterpret_cast<MappingProxyObject*>(v.object())->mapping; }

int Traverse(Object* o, gc::VisitFn visit, void* arg) {
  if (Object* p = reinterpret_cast<MappingProxyObject*>(o)->mapping.object_or_null())
    return visit(p, arg);
  return 0;
}
void Dealloc(Object* o) {
  gc::Collector::Untrack(o);
  Decref(reinterpret_cast<MappingProxyObject*>(o)->mapping);
  FreeInstance(o);
}

Value Repr(Value self) {
  Ref r = Ref::Steal(pyrt::Repr(M(self)));
  if (!r) return Value();
  StrBuilder b;
  b.Append("mappingproxy(");
  b.AppendStr(r.get());
  b.Append(")");
  return b.Finish();
}
Value Str(Value self) { return pyrt::Str(M(self)); }
Value Subscript(Value self, Value key) { return GetItem(M(self), key); }
int64_t Len(Value self) { return Length(M(self)); }
int ContainsSlot(Value self, Value key) {
  if (IsExactDict(M(self))) return DictContains(M(self), key);
  return Contains(M(self), key);
}
Value Iter(Value self) { return GetIter(M(self)); }
Value RichCompareSlot(Value a, Value b, CompareOp op) {
  return RichCompare(M(a), b, op);
}
Value Or(Value a, Value b) {
  Value x = TypeOf(a) == &kMappingProxyType ? M(a) : a;
  Value y = TypeOf(b) == &kMappingProxyType ? M(b) : b;
  return pyrt::Or(x, y);
}

Value Get(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("get", nargs, 1, 2)) return Value();
  return CallMethod(M(self), "get", args, nargs);
}
Value Keys(Value self) { return CallMethod(M(self), "keys", nullptr, 0); }
Value Values(Value self) { return CallMethod(M(self), "values", nullptr, 0); }
Value Items(Value self) { return CallMethod(M(self), "items", nullptr, 0); }
Value Copy(Value self) { return CallMethod(M(self), "copy", nullptr, 0); }
Value Reversed(Value self) { return CallMethod(M(self), "__reversed__", nullptr, 0); }

const MethodDef kMethods[] = {
    MethodDef::Fast("get", Get,
                    "D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."),
    MethodDef::NoArgs("keys", Keys, "D.keys() -> a set-like object providing a view on D's keys"),
    MethodDef::NoArgs("values", Values, "D.values() -> an object providing a view on D's values"),
    MethodDef::NoArgs("items", Items, "D.items() -> a set-like object providing a view on D's items"),
    MethodDef::NoArgs("copy", Copy, "D.copy() -> a shallow copy of D"),
    MethodDef::NoArgs("__reversed__", Reversed, "D.__reversed__() -> reverse iterator"),
    MethodDef(),
};

Value New(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  Value out[1];
  static const ArgSpec spec{"mappingproxy", {"mapping"}, 0, 1};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  Value m = out[0];
  TypeObject* t = TypeOf(m);
  if (t->subscript == nullptr || IsTuple(m) || IsStr(m) || HasFlag(t, kTypeListSubclass)) {
    RaiseNew(&kTypeErrorType, "mappingproxy() argument must be a mapping, not %s", TypeName(t));
    return Value();
  }
  return NewMappingProxy(m);
}

InitRegistration g_init(InitPhase::kCoreTypes, [] {
  TypeInit t(&kMappingProxyType, "mappingproxy", sizeof(MappingProxyObject));
  t.final().gc().flags(kTypeMapping);
  TypeObject* ty = t.type;
  ty->hooks.traverse = Traverse;
  ty->hooks.dealloc = Dealloc;
  ty->repr = Repr;
  ty->str = Str;
  ty->subscript = Subscript;
  ty->length = Len;
  ty->contains = ContainsSlot;
  ty->iter = Iter;
  ty->richcompare = RichCompareSlot;
  ty->or_ = Or;
  ty->new_ = New;
  t.methods(kMethods);
  t.Ready();
});

}  // namespace

Value NewMappingProxy(Value mapping) {
  Value v = AllocInstance(&kMappingProxyType);
  if (!v) return v;
  Incref(mapping);
  reinterpret_cast<MappingProxyObject*>(v.object())->mapping = mapping;
  TrackObject(v);
  return v;
}

}  // namespace pyrt

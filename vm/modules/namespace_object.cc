// namespace_object.cc — types.SimpleNamespace (see module_util.h).
#include <cstddef>

#include "vm/modules/module_util.h"

namespace pyrt {

TypeObject kSimpleNamespaceType;

namespace {

struct NamespaceObject {
  Object head;
  Value dict;  // the instance __dict__ (owned) or Value{} until first use
};

NamespaceObject* AsNs(Value v) { return reinterpret_cast<NamespaceObject*>(v.object()); }

int NsTraverse(Object* o, gc::VisitFn visit, void* arg) {
  if (Object* d = reinterpret_cast<NamespaceObject*>(o)->dict.object_or_null()) {
    return visit(d, arg);
  }
  return 0;
}

void NsClear(Object* o) {
  auto* ns = reinterpret_cast<NamespaceObject*>(o);
  Value d = ns->dict;
  ns->dict = Value();
  Decref(d);
}

void NsDealloc(Object* o) {
  if (gc::Collector::IsTracked(o)) gc::Collector::Untrack(o);
  NsClear(o);
  FreeInstance(o);
}

Value NsNew(TypeObject* type, const Value*, size_t, Value) {
  Value v = AllocInstance(type);
  if (!v) return Value();
  AsNs(v)->dict = NewDict();
  if (!AsNs(v)->dict) {
    Decref(v);
    return Value();
  }
  TrackObject(v);
  return v;
}

int NsInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 0) {
    RaiseNew(&kTypeErrorType, "no positional arguments expected");
    return -1;
  }
  Value d = InstanceDict(self);
  if (!d) {
    RaiseBadInternalCall();
    return -1;
  }
  const int64_t nkw = kwnames ? TupleSize(kwnames) : 0;
  for (int64_t i = 0; i < nkw; ++i) {
    if (DictSetItem(d, TupleItem(kwnames, i), args[i]) < 0) return -1;
  }
  return 0;
}

Value NsRepr(Value self) {
  const char* name = TypeOf(self) == &kSimpleNamespaceType ? "namespace" : TypeName(TypeOf(self));
  const int entered = ReprEnter(self);
  if (entered < 0) return Value();
  StrBuilder b;
  b.Append(name);
  if (entered > 0) {
    b.Append("(...)");
    return b.Finish();
  }
  b.Append("(");
  Value d = InstanceDict(self);
  bool ok = true;
  if (d) {
    Ref hold = Ref::Borrow(d);
    size_t pos = 0;
    Value key, value;
    bool first = true;
    while (DictNext(d, &pos, &key, &value)) {
      if (!IsStr(key)) continue;
      Ref k = Ref::Borrow(key), v = Ref::Borrow(value);
      if (!first) b.Append(", ");
      first = false;
      b.AppendStr(k.get());
      b.Append("=");
      Ref r = Ref::Steal(Repr(v.get()));
      if (!r) {
        ok = false;
        break;
      }
      b.AppendStr(r.get());
    }
  }
  ReprLeave(self);
  if (!ok) return Value();
  b.Append(")");
  return b.Finish();
}

Value NsRichCompare(Value a, Value b, CompareOp op) {
  if ((op == CompareOp::kEq || op == CompareOp::kNe) && TypeCheck(a, &kSimpleNamespaceType) &&
      TypeCheck(b, &kSimpleNamespaceType)) {
    Value da = InstanceDict(a), db = InstanceDict(b);
    if (da && db) return RichCompare(da, db, op);
  }
  return NewNotImplemented();
}

void InitSimpleNamespace() {
  TypeInit t(&kSimpleNamespaceType, "types.SimpleNamespace", sizeof(NamespaceObject));
  t.gc().doc("A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)");
  kSimpleNamespaceType.dict_offset = offsetof(NamespaceObject, dict);
  kSimpleNamespaceType.hooks.traverse = NsTraverse;
  kSimpleNamespaceType.hooks.clear = NsClear;
  kSimpleNamespaceType.hooks.dealloc = NsDealloc;
  kSimpleNamespaceType.new_ = NsNew;
  kSimpleNamespaceType.init = NsInit;
  kSimpleNamespaceType.repr = NsRepr;
  kSimpleNamespaceType.richcompare = NsRichCompare;
  t.Ready();
}

InitRegistration g_init_namespace(InitPhase::kBuiltinTypes, InitSimpleNamespace);

}  // namespace

namespace modules_internal {
Value NewSimpleNamespace() { return NsNew(&kSimpleNamespaceType, nullptr, 0, Value()); }
}  // namespace modules_internal

}  // namespace pyrt

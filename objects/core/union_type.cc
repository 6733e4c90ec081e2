// union_type.cc — types.UnionType (see union_type.h).
#include "objects/core/union_type.h"

#include <string>
#include <vector>

#include "objects/core/core.h"
#include "objects/core/core_internal.h"
#include "objects/core/set.h"

namespace pyrt {

TypeObject kUnionType;

namespace {

struct UnionObject {
  Object head;
  Value args;  // tuple, owned
};

UnionObject* U(Value v) { return reinterpret_cast<UnionObject*>(v.object()); }

bool IsGenericAliasValue(Value v) {
  return v.is_object() && std::string_view(TypeOf(v)->name ? TypeOf(v)->name : "") == "types.GenericAlias";
}

// Whether v may be a member of a union.
bool Unionable(Value v) { return IsNone(v) || IsType(v) || IsGenericAliasValue(v) || IsUnion(v); }

int UnionTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* u = reinterpret_cast<UnionObject*>(o);
  if (Object* p = u->args.object_or_null()) return visit(p, arg);
  return 0;
}

void UnionDealloc(Object* o) {
  auto* u = reinterpret_cast<UnionObject*>(o);
  gc::Collector::Untrack(o);
  Decref(u->args);
  FreeInstance(o);
}

// Appends the members of v (flattening unions, None -> NoneType) to *out unless already
// there. false on error.
bool AddMembers(Value v, std::vector<Ref>* out) {
  if (IsUnion(v)) {
    Value args = U(v)->args;
    for (int64_t i = 0; i < TupleSize(args); ++i) {
      if (!AddMembers(TupleItem(args, i), out)) return false;
    }
    return true;
  }
  if (IsNone(v)) v = TypeValue(&kNoneType);
  for (const Ref& r : *out) {
    if (r.get() == v) return true;
    if (IsGenericAliasValue(r.get()) && IsGenericAliasValue(v)) {
      int eq = RichCompareBool(r.get(), v, CompareOp::kEq);
      if (eq < 0) return false;
      if (eq) return true;
    }
  }
  out->push_back(Ref::Borrow(v));
  return true;
}

Value ReprMember(Value p, std::string* out) {
  if (p == TypeValue(&kNoneType)) {
    *out += "None";
    return None();
  }
  if (!IsGenericAliasValue(p)) {
    Ref qual = Ref::Steal(LookupAttr(p, core_internal::N().__qualname__));
    if (!qual && ErrorOccurred()) return Value();
    Ref mod = Ref::Steal(LookupAttr(p, core_internal::N().__module__));
    if (!mod && ErrorOccurred()) return Value();
    if (qual && mod && IsStr(qual.get()) && IsStr(mod.get())) {
      if (!StrEqualsUtf8(mod.get(), "builtins")) *out += StrToUtf8Lossless(mod.get()) + ".";
      *out += StrToUtf8Lossless(qual.get());
      return None();
    }
  }
  Ref r = Ref::Steal(Repr(p));
  if (!r) return Value();
  *out += StrToUtf8Lossless(r.get());
  return None();
}

Value UnionRepr(Value self) {
  std::string s;
  Value args = U(self)->args;
  for (int64_t i = 0; i < TupleSize(args); ++i) {
    if (i > 0) s += " | ";
    if (!ReprMember(TupleItem(args, i), &s)) return Value();
  }
  return NewStr(s);
}

Value ArgsSet(Value self) { return NewFrozenSet(U(self)->args); }

Value UnionRichCompare(Value a, Value b, CompareOp op) {
  if (!IsUnion(b) || (op != CompareOp::kEq && op != CompareOp::kNe)) return NewNotImplemented();
  Ref sa = Ref::Steal(ArgsSet(a));
  Ref sb = Ref::Steal(ArgsSet(b));
  if (!sa || !sb) return Value();
  return RichCompare(sa.get(), sb.get(), op);
}

int64_t UnionHash(Value self) {
  Ref s = Ref::Steal(ArgsSet(self));
  if (!s) return -1;
  return Hash(s.get());
}

Value UnionArgs(Value self, void*) { return Ref::Borrow(U(self)->args).release(); }
Value UnionParameters(Value, void*) { return TuplePack({}); }

Value UnionInstanceCheck(Value self, Value obj) {
  int r = IsInstance(obj, U(self)->args);
  return r < 0 ? Value() : NewBool(r != 0);
}
Value UnionSubclassCheck(Value self, Value cls) {
  int r = IsSubclass(cls, U(self)->args);
  return r < 0 ? Value() : NewBool(r != 0);
}

const GetSetDef kUnionGetSets[] = {
    {"__args__", UnionArgs, nullptr, nullptr},
    {"__parameters__", UnionParameters, nullptr, "Type variables in the types.UnionType."},
    {},
};

const MethodDef kUnionMethods[] = {
    MethodDef::OneArg("__instancecheck__", UnionInstanceCheck),
    MethodDef::OneArg("__subclasscheck__", UnionSubclassCheck),
    MethodDef(),
};

void InitUnion() {
  TypeInit t(&kUnionType, "types.UnionType", sizeof(UnionObject));
  t.gc().final();
  TypeObject* ty = t.type;
  ty->flags |= kTypeDisallowInstantiation;
  ty->hooks.traverse = UnionTraverse;
  ty->hooks.dealloc = UnionDealloc;
  ty->repr = UnionRepr;
  ty->richcompare = UnionRichCompare;
  ty->hash = UnionHash;
  ty->or_ = UnionOr;
  t.getsets(kUnionGetSets);
  t.methods(kUnionMethods);
  t.doc("Represent a PEP 604 union type\n\nE.g. for int | str");
  t.Ready();
}

InitRegistration g_union_init(InitPhase::kBuiltinTypes, InitUnion);

}  // namespace

Value UnionOr(Value a, Value b) {
  if (!Unionable(a) || !Unionable(b)) return NewNotImplemented();
  std::vector<Ref> members;
  if (!AddMembers(a, &members) || !AddMembers(b, &members)) return Value();
  if (members.size() == 1) return members[0].release();
  std::vector<Value> raw;
  for (const Ref& r : members) raw.push_back(r.get());
  Ref args = Ref::Steal(TupleFromArray(raw.data(), raw.size()));
  if (!args) return Value();
  Value v = AllocInstance(&kUnionType);
  if (!v) return v;
  U(v)->args = args.release();
  TrackObject(v);
  return v;
}

}  // namespace pyrt

// generic_alias.cc — types.GenericAlias (list[int], dict[str, int], ...) and the
// __class_getitem__ classmethod of the builtin container types that create it.
//
// An alias keeps __origin__ (the subscripted class), __args__ (always a tuple) and
// __parameters__ (the parameters of nested aliases); calling it calls the origin,
// comparing compares origin and args, and other attributes come from the origin.
#include "objects/core/generic_alias.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "objects/core/core.h"
#include "objects/core/core_internal.h"
#include "objects/core/iterators.h"
#include "objects/core/list.h"
#include "objects/core/set.h"
#include "objects/core/union_type.h"

namespace pyrt {

namespace {

TypeObject kGenericAliasType;

struct GenericAliasObject {
  Object head;
  Value origin;
  Value args;    // tuple
  Value params;  // tuple
};

GenericAliasObject* GA(Value v) { return reinterpret_cast<GenericAliasObject*>(v.object()); }
bool IsGenericAlias(Value v) { return v.is_object() && TypeOf(v) == &kGenericAliasType; }

int GATraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* g = reinterpret_cast<GenericAliasObject*>(o);
  for (Value v : {g->origin, g->args, g->params}) {
    if (Object* p = v.object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}

void GADealloc(Object* o) {
  auto* g = reinterpret_cast<GenericAliasObject*>(o);
  gc::Collector::Untrack(o);
  Decref(g->origin);
  Decref(g->args);
  Decref(g->params);
  FreeInstance(o);
}

// __parameters__: the parameters of nested aliases, in order, without duplicates.
Value CollectParameters(Value args) {
  std::vector<Value> out;
  for (int64_t i = 0; i < TupleSize(args); ++i) {
    Value a = TupleItems(args)[i];
    if (!IsGenericAlias(a)) continue;
    Value ps = GA(a)->params;
    for (int64_t j = 0; j < TupleSize(ps); ++j) {
      Value p = TupleItems(ps)[j];
      bool seen = false;
      for (Value q : out) seen = seen || q == p;
      if (!seen) out.push_back(p);
    }
  }
  Value t = NewTuple(static_cast<int64_t>(out.size()));
  if (!t) return t;
  for (size_t i = 0; i < out.size(); ++i) {
    Incref(out[i]);
    TupleSetItem(t, static_cast<int64_t>(i), out[i]);
  }
  return t;
}

}  // namespace

Value NewGenericAlias(Value origin, Value args) {
  Ref tuple;
  if (IsTuple(args)) {
    tuple = Ref::Borrow(args);
  } else {
    tuple = Ref::Steal(TuplePack({args}));
    if (!tuple) return Value();
  }
  Ref params = Ref::Steal(CollectParameters(tuple.get()));
  if (!params) return Value();
  Value v = AllocInstance(&kGenericAliasType);
  if (!v) return v;
  Incref(origin);
  GA(v)->origin = origin;
  GA(v)->args = tuple.release();
  GA(v)->params = params.release();
  TrackObject(v);
  return v;
}

namespace {

// One item of the repr: "..." for Ellipsis, a class as module.qualname (just the
// qualname for builtins), anything else by repr().
bool ReprItem(Value item, std::string* out) {
  if (item == Ellipsis()) {
    *out += "...";
    return true;
  }
  if (!IsGenericAlias(item)) {
    Ref qual = Ref::Steal(LookupAttr(item, core_internal::N().__qualname__));
    if (!qual && ErrorOccurred()) return false;
    Ref mod = Ref::Steal(LookupAttr(item, core_internal::N().__module__));
    if (!mod && ErrorOccurred()) return false;
    if (qual && mod && IsStr(qual.get()) && IsStr(mod.get())) {
      if (!StrEqualsUtf8(mod.get(), "builtins")) *out += StrToUtf8Lossless(mod.get()) + ".";
      *out += StrToUtf8Lossless(qual.get());
      return true;
    }
  }
  Ref r = Ref::Steal(Repr(item));
  if (!r) return false;
  *out += StrToUtf8Lossless(r.get());
  return true;
}

Value GARepr(Value self) {
  std::string s;
  if (!ReprItem(GA(self)->origin, &s)) return Value();
  s += "[";
  Value args = GA(self)->args;
  if (TupleSize(args) == 0) s += "()";
  for (int64_t i = 0; i < TupleSize(args); ++i) {
    if (i > 0) s += ", ";
    if (!ReprItem(TupleItems(args)[i], &s)) return Value();
  }
  s += "]";
  return NewStr(s);
}

Value GACall(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value r = Call(GA(self)->origin, args, nargs, kwnames);
  if (!r) return r;
  // Like CPython, record the alias on the instance when it accepts attributes.
  if (SetAttr(r, std::string_view("__orig_class__"), self) < 0) {
    if (!ClearIfMatches(&kAttributeErrorType) && !ClearIfMatches(&kTypeErrorType)) {
      Decref(r);
      return Value();
    }
  }
  return r;
}

Value GARichCompare(Value a, Value b, CompareOp op) {
  if (!IsGenericAlias(b) || (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NewNotImplemented();
  }
  int eq = RichCompareBool(GA(a)->origin, GA(b)->origin, CompareOp::kEq);
  if (eq < 0) return Value();
  if (eq) {
    eq = RichCompareBool(GA(a)->args, GA(b)->args, CompareOp::kEq);
    if (eq < 0) return Value();
  }
  return NewBool((eq != 0) == (op == CompareOp::kEq));
}

int64_t GAHash(Value self) {
  int64_t h0 = Hash(GA(self)->origin);
  if (h0 == -1) return -1;
  int64_t h1 = Hash(GA(self)->args);
  if (h1 == -1) return -1;
  int64_t h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

// Attributes not defined on the alias itself come from the origin (except dunders
// other than a few, as CPython's attr_exceptions list does the reverse).
Value GAGetattro(Value self, Value name) {
  Value r = GenericGetAttr(self, name);
  if (r || !ExceptionMatches(&kAttributeErrorType)) return r;
  std::string n = StrToUtf8Lossless(name);
  if (n.size() > 4 && n.compare(0, 2, "__") == 0 && n.compare(n.size() - 2, 2, "__") == 0) {
    return r;
  }
  ClearError();
  return GetAttr(GA(self)->origin, name);
}

Value GAOrigin(Value self, void*) { return Ref::Borrow(GA(self)->origin).release(); }
Value GAArgs(Value self, void*) { return Ref::Borrow(GA(self)->args).release(); }
Value GAParams(Value self, void*) { return Ref::Borrow(GA(self)->params).release(); }

Value GAMroEntries(Value self, Value) { return TuplePack({GA(self)->origin}); }

Value GAInstanceCheck(Value, Value) {
  RaiseNew(&kTypeErrorType, "isinstance() argument 2 cannot be a parameterized generic");
  return Value();
}
Value GASubclassCheck(Value, Value) {
  RaiseNew(&kTypeErrorType, "issubclass() argument 2 cannot be a parameterized generic");
  return Value();
}

Value GANew(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && TupleSize(kwnames) > 0) {
    RaiseNew(&kTypeErrorType, "GenericAlias() takes no keyword arguments");
    return Value();
  }
  if (!CheckPositional("GenericAlias", nargs, 2, 2)) return Value();
  return NewGenericAlias(args[0], args[1]);
}

const GetSetDef kGAGetSets[] = {
    {"__origin__", GAOrigin, nullptr, nullptr},
    {"__args__", GAArgs, nullptr, nullptr},
    {"__parameters__", GAParams, nullptr, "Type variables in the GenericAlias."},
    {},
};

const MethodDef kGAMethods[] = {
    MethodDef::OneArg("__mro_entries__", GAMroEntries),
    MethodDef::OneArg("__instancecheck__", GAInstanceCheck),
    MethodDef::OneArg("__subclasscheck__", GASubclassCheck),
    MethodDef(),
};

Value ClassGetItem(Value cls, Value item) { return NewGenericAlias(cls, item); }

const MethodDef kClassGetItemMethods[] = {
    MethodDef::OneArg("__class_getitem__", ClassGetItem,
                      "See PEP 585", kMethClass),
    MethodDef(),
};

void InitGenericAlias() {
  TypeInit t(&kGenericAliasType, "types.GenericAlias", sizeof(GenericAliasObject));
  t.gc();
  TypeObject* ty = t.type;
  ty->hooks.traverse = GATraverse;
  ty->hooks.dealloc = GADealloc;
  ty->repr = GARepr;
  ty->call = GACall;
  ty->richcompare = GARichCompare;
  ty->hash = GAHash;
  ty->getattro = GAGetattro;
  ty->or_ = UnionOr;  // list[int] | None
  ty->new_ = GANew;
  t.getsets(kGAGetSets);
  t.methods(kGAMethods);
  t.doc("Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list "
        "and t.__args__ is (int,).");
  t.Ready();
}

void AddClassGetItem() {
  for (TypeObject* t : {&kListType, &kDictType, &kTupleType, &kSetType, &kFrozenSetType, &kEnumerateType,
                        &kBaseExceptionGroupType}) {
    if (AddMethods(t, kClassGetItemMethods) < 0) {
      std::fprintf(stderr, "pyrt: cannot add __class_getitem__\n");
      std::abort();
    }
  }
}

InitRegistration g_ga_init(InitPhase::kBuiltinTypes, InitGenericAlias);
InitRegistration g_ga_extend(InitPhase::kExtendTypes, AddClassGetItem);

}  // namespace

}  // namespace pyrt

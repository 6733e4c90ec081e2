// dict_views.cc — dict views and the dict value/item/reverse iterators (see dict_views.h).
#include "objects/core/dict_views.h"

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "objects/core/abstract.h"
#include "objects/core/args.h"
#include "objects/core/dict.h"
#include "objects/core/errors.h"
#include "objects/core/int.h"
#include "objects/core/list.h"
#include "objects/core/mappingproxy.h"
#include "objects/core/none.h"
#include "objects/core/seq_util.h"
#include "objects/core/set.h"
#include "objects/core/str.h"
#include "objects/core/tuple.h"

namespace pyrt {

TypeObject kDictKeysType, kDictValuesType, kDictItemsType;
TypeObject kDictValueIteratorType, kDictItemIteratorType;
TypeObject kDictReverseKeyIteratorType, kDictReverseValueIteratorType,
    kDictReverseItemIteratorType;

namespace {

DictViewObject* V(Value v) { return reinterpret_cast<DictViewObject*>(v.object()); }
DictTable& TableOf(Value d) { return AsDictObject(d)->table; }

// --- gc hooks shared by views and iterators (one owned Value first) ----------------------

struct OneValue {
  Object head;
  Value v;
};

int OneTraverse(Object* self, gc::VisitFn visit, void* arg) {
  if (Object* o = reinterpret_cast<OneValue*>(self)->v.object_or_null()) return visit(o, arg);
  return 0;
}
void OneClear(Object* self) {
  auto* p = reinterpret_cast<OneValue*>(self);
  Value v = p->v;
  p->v = Value();
  Decref(v);
}
void OneDealloc(Object* self) {
  gc::Collector::Untrack(self);
  Decref(reinterpret_cast<OneValue*>(self)->v);
  FreeInstance(self);
}
void SetOneValueHooks(TypeObject* t) {
  t->hooks.flags |= gc::kHasGc;
  t->hooks.traverse = OneTraverse;
  t->hooks.clear = OneClear;
  t->hooks.dealloc = OneDealloc;
}

Value NewView(TypeObject* t, Value d) {
  if (!IsDict(d)) {
    RaiseBadInternalCall();
    return Value();
  }
  Value v = AllocInstance(t);
  if (!v) return Value();
  Incref(d);
  V(v)->dict = d;
  TrackObject(v);
  return v;
}

// --- iterators ---------------------------------------------------------------------------

enum class IterKind { kKeys, kValues, kItems };

struct DictIterObject {
  Object head;
  Value dict;     // Value{} once exhausted
  int64_t used;   // the dict's size at creation; -1 after a size change was reported
  int64_t pos;    // next position (forward) or current position (reverse)
  int64_t len;    // items left
};

DictIterObject* I(Value v) { return reinterpret_cast<DictIterObject*>(v.object()); }

Value NewDictIter(TypeObject* t, Value d, bool reverse) {
  Value v = AllocInstance(t);
  if (!v) return Value();
  DictIterObject* it = I(v);
  Incref(d);
  it->dict = d;
  it->used = DictSize(d);
  it->len = it->used;
  it->pos = reverse ? static_cast<int64_t>(TableOf(d).entry_count()) - 1 : 0;
  TrackObject(v);
  return v;
}

Value MakeResult(IterKind kind, Value key, Value value) {
  switch (kind) {
    case IterKind::kKeys:
      Incref(key);
      return key;
    case IterKind::kValues:
      Incref(value);
      return value;
    case IterKind::kItems:
      return TuplePack({key, value});
  }
  return Value();
}

void Exhaust(DictIterObject* it) {
  Value d = it->dict;
  it->dict = Value();
  Decref(d);
}

template <IterKind kKind>
Value ForwardNext(Value self) {
  DictIterObject* it = I(self);
  if (!it->dict) return Value();
  if (it->used != DictSize(it->dict)) {
    it->used = -1;
    return Error(&kRuntimeErrorType, "dictionary changed size during iteration");
  }
  DictTable& t = TableOf(it->dict);
  const auto n = static_cast<int64_t>(t.entry_count());
  int64_t i = it->pos;
  while (i < n && !t.is_live(static_cast<size_t>(i))) ++i;
  if (i >= n) {
    Exhaust(it);
    return Value();
  }
  if (it->len == 0) {
    Exhaust(it);
    return Error(&kRuntimeErrorType, "dictionary keys changed during iteration");
  }
  it->pos = i + 1;
  --it->len;
  auto e = t.iterator_at(static_cast<size_t>(i));
  return MakeResult(kKind, e->first, e->second);
}

template <IterKind kKind>
Value ReverseNext(Value self) {
  DictIterObject* it = I(self);
  if (!it->dict) return Value();
  if (it->used != DictSize(it->dict)) {
    it->used = -1;
    return Error(&kRuntimeErrorType, "dictionary changed size during iteration");
  }
  DictTable& t = TableOf(it->dict);
  int64_t i = it->pos;
  if (i >= static_cast<int64_t>(t.entry_count())) i = static_cast<int64_t>(t.entry_count()) - 1;
  while (i >= 0 && !t.is_live(static_cast<size_t>(i))) --i;
  if (i < 0) {
    Exhaust(it);
    return Value();
  }
  it->pos = i - 1;
  --it->len;
  auto e = t.iterator_at(static_cast<size_t>(i));
  return MakeResult(kKind, e->first, e->second);
}

Value DictIterLengthHint(Value self) {
  DictIterObject* it = I(self);
  int64_t n = 0;
  if (it->dict && it->used == DictSize(it->dict)) n = it->len;
  return NewInt(n);
}

const MethodDef kDictIterMethods[] = {
    MethodDef::NoArgs("__length_hint__", DictIterLengthHint,
                      "Private method returning an estimate of len(list(it))."),
    {},
};

void ReadyDictIter(TypeObject* t, const char* name, IterNextFn next) {
  TypeInit ti(t, name, sizeof(DictIterObject));
  ti.final().flags(kTypeDisallowInstantiation);
  SetOneValueHooks(ti.type);
  ti.type->iter = IterSelf;
  ti.type->iternext = next;
  ti.methods(kDictIterMethods);
  ti.Ready();
}

// --- views: common -------------------------------------------------------------------------

int64_t ViewLen(Value self) { return V(self)->dict ? DictSize(V(self)->dict) : 0; }

bool IsSetLikeView(Value v) {
  return v.is_object() && (IsSubtype(TypeOf(v), &kDictKeysType) ||
                           IsSubtype(TypeOf(v), &kDictItemsType));
}

Value ViewRepr(Value self) {
  int r = ReprEnter(self);
  if (r != 0) return r > 0 ? NewStr("...") : Value();
  Ref seq = Ref::Steal(ListFromIterable(self));
  Ref inner = seq ? Ref::Steal(Repr(seq.get())) : Ref();
  ReprLeave(self);
  if (!inner) return Value();
  StrBuilder b;
  b.Append(TypeName(TypeOf(self)));
  b.Append("(");
  b.AppendStr(inner.get());
  b.Append(")");
  return b.Finish();
}

Value ViewMapping(Value self, void*) { return NewMappingProxy(V(self)->dict); }

const GetSetDef kViewGetSets[] = {
    {"mapping", ViewMapping, nullptr,
     "dictionary that this view refers to", nullptr},
    {},
};

Value KeysIter(Value self) {
  Value d = V(self)->dict;
  return kDictType.iter(d);
}
Value ValuesIter(Value self) { return NewDictIter(&kDictValueIteratorType, V(self)->dict, false); }
Value ItemsIter(Value self) { return NewDictIter(&kDictItemIteratorType, V(self)->dict, false); }

Value KeysReversed(Value self) {
  return NewDictIter(&kDictReverseKeyIteratorType, V(self)->dict, true);
}
Value ValuesReversed(Value self) {
  return NewDictIter(&kDictReverseValueIteratorType, V(self)->dict, true);
}
Value ItemsReversed(Value self) {
  return NewDictIter(&kDictReverseItemIteratorType, V(self)->dict, true);
}

int KeysContains(Value self, Value key) { return DictContains(V(self)->dict, key); }

int ItemsContains(Value self, Value obj) {
  if (!IsTuple(obj) || TupleSize(obj) != 2) return 0;
  Value key = TupleItem(obj, 0), value = TupleItem(obj, 1);
  Value found = DictGetItem(V(self)->dict, key);
  if (!found) return ErrorOccurred() ? -1 : 0;
  Ref f = Ref::Borrow(found);
  return RichCompareBool(f.get(), value, CompareOp::kEq);
}

// Every item of `self` is in `other` (PySequence_Contains).
int AllContainedIn(Value self, Value other) {
  Ref it = Ref::Steal(GetIter(self));
  if (!it) return -1;
  while (true) {
    Value item;
    IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return -1;
    if (r == IterResult::kDone) return 1;
    int ok = Contains(other, item);
    Decref(item);
    if (ok <= 0) return ok;
  }
}

Value ViewRichCompare(Value self, Value other, CompareOp op) {
  if (!IsAnySet(other) && !IsSetLikeView(other)) return NewNotImplemented();
  const int64_t len_self = Length(self);
  if (len_self < 0) return Value();
  const int64_t len_other = Length(other);
  if (len_other < 0) return Value();
  int ok = 0;
  switch (op) {
    case CompareOp::kNe:
    case CompareOp::kEq:
      if (len_self == len_other) ok = AllContainedIn(self, other);
      if (op == CompareOp::kNe && ok >= 0) ok = !ok;
      break;
    case CompareOp::kLt:
      if (len_self < len_other) ok = AllContainedIn(self, other);
      break;
    case CompareOp::kLe:
      if (len_self <= len_other) ok = AllContainedIn(self, other);
      break;
    case CompareOp::kGt:
      if (len_self > len_other) ok = AllContainedIn(other, self);
      break;
    case CompareOp::kGe:
      if (len_self >= len_other) ok = AllContainedIn(other, self);
      break;
  }
  if (ok < 0) return Value();
  return NewBool(ok != 0);
}

// dictviews_to_set: a keys view of an exact dict converts through the dict (fast path).
Value ViewToSet(Value self) {
  Value left = self;
  if (self.is_object() && IsSubtype(TypeOf(self), &kDictKeysType)) {
    Value d = V(self)->dict;
    if (IsExactDict(d)) left = d;
  }
  return NewSet(left);
}

Value CallMethod1(Value obj, const char* name, Value arg) {
  return CallMethod(obj, std::string_view(name), &arg, 1);
}

Value ViewSub(Value self, Value other) {
  Ref result = Ref::Steal(ViewToSet(self));
  if (!result) return Value();
  Ref tmp = Ref::Steal(CallMethod1(result.get(), "difference_update", other));
  if (!tmp) return Value();
  return result.release();
}

Value ViewOr(Value self, Value other) {
  Ref result = Ref::Steal(ViewToSet(self));
  if (!result) return Value();
  if (SetUpdate(result.get(), other) < 0) return Value();
  return result.release();
}

Value ViewAnd(Value self, Value other) {
  // The interpreter passes the view second for `x & view`.
  if (!IsSetLikeView(self)) std::swap(self, other);
  const int64_t len_self = ViewLen(self);
  if (other.is_object() && TypeOf(other) == &kSetType) {
    int64_t n = Length(other);
    if (n < 0) return Value();
    if (len_self <= n) return CallMethod1(other, "intersection", self);
  }
  if (IsSetLikeView(other) && ViewLen(other) > len_self) std::swap(self, other);
  Ref result = Ref::Steal(NewSet());
  if (!result) return Value();
  Ref it = Ref::Steal(GetIter(other));
  if (!it) return Value();
  const bool keys = IsSubtype(TypeOf(self), &kDictKeysType);
  while (true) {
    Value key;
    IterResult r = IterNext(it.get(), &key);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) break;
    Ref k = Ref::Steal(key);
    int rv = keys ? KeysContains(self, k.get()) : ItemsContains(self, k.get());
    if (rv < 0) return Value();
    if (rv && SetAdd(result.get(), k.get()) < 0) return Value();
  }
  return result.release();
}

// dictitems_xor: (self ^ other) for two items views, computed over the dicts.
Value ItemsXor(Value self, Value other) {
  Value d1 = V(self)->dict, d2 = V(other)->dict;
  Ref temp = Ref::Steal(DictCopy(d1));
  if (!temp) return Value();
  Ref result = Ref::Steal(NewSet());
  if (!result) return Value();
  size_t pos = 0;
  Value key, val2;
  int64_t hash;
  while (DictNext(d2, &pos, &key, &val2, &hash)) {
    Ref k = Ref::Borrow(key), v2 = Ref::Borrow(val2);
    Value val1 = DictGetItemHashed(temp.get(), k.get(), hash);
    int to_delete = 0;
    if (!val1) {
      if (ErrorOccurred()) return Value();
    } else {
      Ref v1 = Ref::Borrow(val1);
      to_delete = RichCompareBool(v1.get(), v2.get(), CompareOp::kEq);
      if (to_delete < 0) return Value();
    }
    if (to_delete) {
      if (DictDelItem(temp.get(), k.get()) < 0) return Value();
    } else {
      Ref pair = Ref::Steal(TuplePack({k.get(), v2.get()}));
      if (!pair || SetAdd(result.get(), pair.get()) < 0) return Value();
    }
  }
  Ref remaining = Ref::Steal(NewDictItems(temp.get()));
  if (!remaining || SetUpdate(result.get(), remaining.get()) < 0) return Value();
  return result.release();
}

Value ViewXor(Value self, Value other) {
  if (self.is_object() && other.is_object() && IsSubtype(TypeOf(self), &kDictItemsType) &&
      IsSubtype(TypeOf(other), &kDictItemsType)) {
    return ItemsXor(self, other);
  }
  Ref result = Ref::Steal(ViewToSet(self));
  if (!result) return Value();
  Ref tmp = Ref::Steal(CallMethod1(result.get(), "symmetric_difference_update", other));
  if (!tmp) return Value();
  return result.release();
}

Value ViewIsDisjoint(Value self, Value other) {
  if (self == other) return NewBool(ViewLen(self) == 0);
  if (IsAnySet(other) || IsSetLikeView(other)) {
    const int64_t len_self = Length(self);
    if (len_self < 0) return Value();
    const int64_t len_other = Length(other);
    if (len_other < 0) return Value();
    if (len_other > len_self) std::swap(self, other);
  }
  Ref it = Ref::Steal(GetIter(other));
  if (!it) return Value();
  while (true) {
    Value item;
    IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) return NewBool(true);
    int c = Contains(self, item);
    Decref(item);
    if (c < 0) return Value();
    if (c) return NewBool(false);
  }
}

const MethodDef kKeysMethods[] = {
    MethodDef::OneArg("isdisjoint", ViewIsDisjoint,
                      "Return True if the view and the given iterable have a null intersection."),
    MethodDef::NoArgs("__reversed__", KeysReversed,
                      "Return a reverse iterator over the dict keys."),
    {},
};
const MethodDef kItemsMethods[] = {
    MethodDef::OneArg("isdisjoint", ViewIsDisjoint,
                      "Return True if the view and the given iterable have a null intersection."),
    MethodDef::NoArgs("__reversed__", ItemsReversed,
                      "Return a reverse iterator over the dict items."),
    {},
};
const MethodDef kValuesMethods[] = {
    MethodDef::NoArgs("__reversed__", ValuesReversed,
                      "Return a reverse iterator over the dict values."),
    {},
};

void ReadyView(TypeObject* t, const char* name, UnaryFn iter, const MethodDef* methods,
               bool set_like, ContainsFn contains) {
  TypeInit ti(t, name, sizeof(DictViewObject));
  ti.final().flags(kTypeDisallowInstantiation);
  SetOneValueHooks(ti.type);
  ti.type->repr = ViewRepr;
  ti.type->length = ViewLen;
  ti.type->iter = iter;
  ti.type->contains = contains;
  if (set_like) {
    ti.type->richcompare = ViewRichCompare;
    ti.type->subtract = ViewSub;
    ti.type->and_ = ViewAnd;
    ti.type->or_ = ViewOr;
    ti.type->xor_ = ViewXor;
  }
  ti.methods(methods).getsets(kViewGetSets);
  ti.Ready();
}

// --- dict methods that make views and reverse iterators ---------------------------------

Value DictKeysMethod(Value self) { return NewDictKeys(self); }
Value DictValuesMethod(Value self) { return NewDictValues(self); }
Value DictItemsMethod(Value self) { return NewDictItems(self); }
Value DictReversedMethod(Value self) { return NewDictReverseKeyIter(self); }

// d | other (both dicts): a new dict; other | d through __ror__.
Value DictOrImpl(Value a, Value b) {
  if (!IsDict(a) || !IsDict(b)) return NewNotImplemented();
  Ref result = Ref::Steal(DictCopy(a));
  if (!result) return Value();
  if (DictUpdate(result.get(), b, true) < 0) return Value();
  return result.release();
}
Value DictOrMethod(Value self, Value other) { return DictOrImpl(self, other); }
Value DictROrMethod(Value self, Value other) { return DictOrImpl(other, self); }
// d |= other: any mapping or iterable of pairs.
Value DictIOrMethod(Value self, Value other) {
  if (DictUpdate(self, other, true) < 0) return Value();
  Incref(self);
  return self;
}

const MethodDef kDictViewMethods[] = {
    MethodDef::NoArgs("keys", DictKeysMethod,
                      "D.keys() -> a set-like object providing a view on D's keys"),
    MethodDef::NoArgs("items", DictItemsMethod,
                      "D.items() -> a set-like object providing a view on D's items"),
    MethodDef::NoArgs("values", DictValuesMethod,
                      "D.values() -> an object providing a view on D's values"),
    MethodDef::NoArgs("__reversed__", DictReversedMethod,
                      "Return a reverse iterator over the dict keys."),
    MethodDef::OneArg("__or__", DictOrMethod, "Return self|value."),
    MethodDef::OneArg("__ror__", DictROrMethod, "Return value|self."),
    MethodDef::OneArg("__ior__", DictIOrMethod, "Return self|=value."),
    {},
};

void InitDictViews() {
  ReadyDictIter(&kDictValueIteratorType, "dict_valueiterator", ForwardNext<IterKind::kValues>);
  ReadyDictIter(&kDictItemIteratorType, "dict_itemiterator", ForwardNext<IterKind::kItems>);
  ReadyDictIter(&kDictReverseKeyIteratorType, "dict_reversekeyiterator",
                ReverseNext<IterKind::kKeys>);
  ReadyDictIter(&kDictReverseValueIteratorType, "dict_reversevalueiterator",
                ReverseNext<IterKind::kValues>);
  ReadyDictIter(&kDictReverseItemIteratorType, "dict_reverseitemiterator",
                ReverseNext<IterKind::kItems>);
  ReadyView(&kDictKeysType, "dict_keys", KeysIter, kKeysMethods, true, KeysContains);
  ReadyView(&kDictItemsType, "dict_items", ItemsIter, kItemsMethods, true, ItemsContains);
  ReadyView(&kDictValuesType, "dict_values", ValuesIter, kValuesMethods, false, nullptr);

}

void ExtendDict() {
  if (AddMethods(&kDictType, kDictViewMethods) < 0) {
    std::fprintf(stderr, "pyrt: cannot add the dict view methods\n");
    std::abort();
  }
  // The number slots behind `|` and `|=` (AddMethods only updates heap types' slots).
  kDictType.or_ = DictOrImpl;
  kDictType.inplace_or = DictIOrMethod;
}

InitRegistration g_views_init(InitPhase::kBuiltinTypes, InitDictViews);
InitRegistration g_views_extend(InitPhase::kExtendTypes, ExtendDict);

}  // namespace

Value NewDictKeys(Value d) { return NewView(&kDictKeysType, d); }
Value NewDictValues(Value d) { return NewView(&kDictValuesType, d); }
Value NewDictItems(Value d) { return NewView(&kDictItemsType, d); }
Value NewDictValueIter(Value d) { return NewDictIter(&kDictValueIteratorType, d, false); }
Value NewDictItemIter(Value d) { return NewDictIter(&kDictItemIteratorType, d, false); }
Value NewDictReverseKeyIter(Value d) {
  return NewDictIter(&kDictReverseKeyIteratorType, d, true);
}

}  // namespace pyrt

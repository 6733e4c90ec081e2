// set.cc — set, frozenset and set_iterator (see set.h).
#include "objects/core/set.h"

#include <new>
#include <utility>
#include <vector>

#include "objects/core/abstract.h"
#include "objects/core/args.h"
#include "objects/core/dict.h"
#include "objects/core/errors.h"
#include "objects/core/int.h"
#include "objects/core/list.h"
#include "objects/core/none.h"
#include "objects/core/seq_util.h"
#include "objects/core/str.h"
#include "objects/core/tuple.h"
#include "objects/hash/hash.h"

namespace pyrt {

TypeObject kSetType;
TypeObject kFrozenSetType;
TypeObject kSetIteratorType;

bool IsSet(Value v) { return v.is_object() && IsSubtype(TypeOf(v), &kSetType); }
bool IsFrozenSet(Value v) { return v.is_object() && IsSubtype(TypeOf(v), &kFrozenSetType); }
bool IsAnySet(Value v) {
  if (!v.is_object()) return false;
  TypeObject* t = TypeOf(v);
  return t == &kSetType || t == &kFrozenSetType || IsSubtype(t, &kSetType) ||
         IsSubtype(t, &kFrozenSetType);
}

namespace {

using Table = SetTable<Value>;

SetObject* S(Value v) { return AsSetObject(v); }

// CPython's sizeof(PySetObject) (with its inline 8-entry table), for __sizeof__.
constexpr int64_t kCPythonSetBasicSize = 200;

// --- entry-level primitives --------------------------------------------------------------

int64_t HashKey(Value key) {
  if (IsExactStr(key)) return StrHash(key);
  return Hash(key);
}

// The equality callback for SetTable: stored == key, identity already checked.
auto EqFor(Value key) {
  return [key](const Value& stored) -> SetEq {
    if (IsExactStr(stored) && IsExactStr(key)) {
      return StrEquals(stored, key) ? SetEq::kEqual : SetEq::kNotEqual;
    }
    Value s = stored;
    Incref(s);
    int r = RichCompareBool(s, key, CompareOp::kEq);
    Decref(s);
    if (r < 0) return SetEq::kError;
    return r ? SetEq::kEqual : SetEq::kNotEqual;
  };
}

int AddEntry(SetObject* so, Value key, int64_t hash) {
  SetStatus st = so->table.Add(key, hash, EqFor(key));
  if (st == SetStatus::kError) return -1;
  if (st == SetStatus::kAbsent) Incref(key);
  return 0;
}

int ContainsEntry(SetObject* so, Value key, int64_t hash) {
  SetStatus st = so->table.Contains(key, hash, EqFor(key));
  if (st == SetStatus::kError) return -1;
  return st == SetStatus::kFound;
}

// 1 removed, 0 absent, -1 error.
int DiscardEntry(SetObject* so, Value key, int64_t hash) {
  Value removed;
  SetStatus st = so->table.Discard(key, hash, EqFor(key), &removed);
  if (st == SetStatus::kError) return -1;
  if (st == SetStatus::kAbsent) return 0;
  Decref(removed);
  return 1;
}

int AddKey(SetObject* so, Value key) {
  int64_t h = HashKey(key);
  if (h == -1) return -1;
  return AddEntry(so, key, h);
}

int ContainsKey(SetObject* so, Value key) {
  int64_t h = HashKey(key);
  if (h == -1) return -1;
  return ContainsEntry(so, key, h);
}

int DiscardKey(SetObject* so, Value key) {
  int64_t h = HashKey(key);
  if (h == -1) return -1;
  return DiscardEntry(so, key, h);
}

// Walks the table by position, re-reading it each step (safe against mutation).
bool NextEntry(SetObject* so, size_t* pos, Value* key, int64_t* hash) {
  while (*pos <= so->table.mask()) {
    const Table::Entry& e = so->table.slot(*pos);
    ++*pos;
    if (Table::IsActive(e)) {
      *key = e.key;
      if (hash != nullptr) *hash = e.hash;
      return true;
    }
  }
  return false;
}

// set_clear_internal: detach the keys, reset the table, then drop the keys.
void ClearInternal(SetObject* so) {
  std::vector<Value> keys;
  keys.reserve(so->table.size());
  so->table.ForEach([&keys](const Value& k, int64_t) { keys.push_back(k); });
  so->table.Clear();
  so->hash = -1;
  for (Value k : keys) Decref(k);
}

// --- allocation ---------------------------------------------------------------------------

int UpdateInternal(SetObject* so, Value other);

// make_new_set: an instance of `type` holding the items of iterable (or empty).
Value MakeNewSet(TypeObject* type, Value iterable) {
  Value v = AllocInstance(type);
  if (!v) return Value();
  SetObject* so = S(v);
  new (&so->table) Table();
  so->hash = -1;
  TrackObject(v);
  if (iterable && UpdateInternal(so, iterable) < 0) {
    Decref(v);
    return Value();
  }
  return v;
}

// make_new_set_basetype: set subclasses make sets, frozenset subclasses frozensets.
Value MakeNewSetBaseType(TypeObject* type, Value iterable) {
  if (type != &kSetType && type != &kFrozenSetType) {
    type = IsSubtype(type, &kSetType) ? &kSetType : &kFrozenSetType;
  }
  return MakeNewSet(type, iterable);
}

// --- bulk operations ---------------------------------------------------------------------

int Merge(SetObject* so, SetObject* other) {
  SetStatus st = so->table.Merge(
      other->table, [](const Value& key) { return EqFor(key); },
      [](const Value& key) { Incref(key); });
  return st == SetStatus::kError ? -1 : 0;
}

int UpdateInternal(SetObject* so, Value other) {
  if (IsAnySet(other)) return Merge(so, S(other));
  if (IsExactDict(other)) {
    const size_t dictsize = static_cast<size_t>(DictSize(other));
    if ((so->table.fill() + dictsize) * 5 >= so->table.mask() * 3) {
      so->table.Resize((so->table.size() + dictsize) * 2);
    }
    size_t pos = 0;
    Value key, value;
    int64_t hash;
    while (DictNext(other, &pos, &key, &value, &hash)) {
      Ref k = Ref::Borrow(key);
      if (AddEntry(so, k.get(), hash) < 0) return -1;
    }
    return 0;
  }
  Ref it = Ref::Steal(GetIter(other));
  if (!it) return -1;
  while (true) {
    Value key;
    IterResult r = IterNext(it.get(), &key);
    if (r == IterResult::kError) return -1;
    if (r == IterResult::kDone) return 0;
    int rc = AddKey(so, key);
    Decref(key);
    if (rc < 0) return -1;
  }
}

Value Copy(Value so) { return MakeNewSetBaseType(TypeOf(so), so); }

// set_intersection.
Value Intersection(Value self, Value other) {
  if (self == other) return Copy(self);
  Ref result = Ref::Steal(MakeNewSetBaseType(TypeOf(self), Value()));
  if (!result) return Value();
  SetObject* res = S(result.get());
  if (IsAnySet(other)) {
    SetObject* so = S(self);
    SetObject* ot = S(other);
    Ref hold_so = Ref::Borrow(self), hold_ot = Ref::Borrow(other);
    if (ot->table.size() > so->table.size()) std::swap(so, ot);
    size_t pos = 0;
    Value key;
    int64_t hash;
    while (NextEntry(ot, &pos, &key, &hash)) {
      Ref k = Ref::Borrow(key);
      int rv = ContainsEntry(so, k.get(), hash);
      if (rv < 0) return Value();
      if (rv && AddEntry(res, k.get(), hash) < 0) return Value();
    }
    return result.release();
  }
  Ref it = Ref::Steal(GetIter(other));
  if (!it) return Value();
  while (true) {
    Value key;
    IterResult r = IterNext(it.get(), &key);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) break;
    Ref k = Ref::Steal(key);
    int64_t hash = HashKey(k.get());
    if (hash == -1) return Value();
    int rv = ContainsEntry(S(self), k.get(), hash);
    if (rv < 0) return Value();
    if (rv && AddEntry(res, k.get(), hash) < 0) return Value();
  }
  return result.release();
}

void SwapBodies(SetObject* a, SetObject* b) {
  std::swap(a->table, b->table);
  std::swap(a->hash, b->hash);
}

// set_difference_update_internal.
int DifferenceUpdateInternal(SetObject* so, Value other) {
  if (&so->head == other.object_or_null()) {
    ClearInternal(so);
    return 0;
  }
  if (IsAnySet(other)) {
    Ref hold = Ref::Borrow(other);
    size_t pos = 0;
    Value key;
    int64_t hash;
    while (NextEntry(S(other), &pos, &key, &hash)) {
      Ref k = Ref::Borrow(key);
      if (DiscardEntry(so, k.get(), hash) < 0) return -1;
    }
  } else {
    Ref it = Ref::Steal(GetIter(other));
    if (!it) return -1;
    while (true) {
      Value key;
      IterResult r = IterNext(it.get(), &key);
      if (r == IterResult::kError) return -1;
      if (r == IterResult::kDone) break;
      int rc = DiscardKey(so, key);
      Decref(key);
      if (rc < 0) return -1;
    }
  }
  // More than 1/4 dummies: resize them away.
  if (so->table.fill() - so->table.size() <= so->table.mask() / 4) return 0;
  const size_t used = so->table.size();
  so->table.Resize(used > 50000 ? used * 2 : used * 4);
  return 0;
}

Value CopyAndDifference(Value self, Value other) {
  Ref result = Ref::Steal(Copy(self));
  if (!result) return Value();
  if (DifferenceUpdateInternal(S(result.get()), other) < 0) return Value();
  return result.release();
}

// set_difference.
Value Difference(Value self, Value other) {
  int64_t other_size;
  if (IsAnySet(other)) {
    other_size = SetSize(other);
  } else if (IsExactDict(other)) {
    other_size = DictSize(other);
  } else {
    return CopyAndDifference(self, other);
  }
  if ((SetSize(self) >> 2) > other_size) return CopyAndDifference(self, other);
  Ref result = Ref::Steal(MakeNewSetBaseType(TypeOf(self), Value()));
  if (!result) return Value();
  SetObject* so = S(self);
  size_t pos = 0;
  Value key;
  int64_t hash;
  while (NextEntry(so, &pos, &key, &hash)) {
    Ref k = Ref::Borrow(key);
    int rv;
    if (IsExactDict(other)) {
      Value found = DictGetItemHashed(other, k.get(), hash);
      if (!found && ErrorOccurred()) return Value();
      rv = found ? 1 : 0;
    } else {
      rv = ContainsEntry(S(other), k.get(), hash);
      if (rv < 0) return Value();
    }
    if (!rv && AddEntry(S(result.get()), k.get(), hash) < 0) return Value();
  }
  return result.release();
}

// set_symmetric_difference_update.
int SymmetricDifferenceUpdate(SetObject* so, Value other) {
  if (&so->head == other.object_or_null()) {
    ClearInternal(so);
    return 0;
  }
  if (IsExactDict(other)) {
    size_t pos = 0;
    Value key, value;
    int64_t hash;
    while (DictNext(other, &pos, &key, &value, &hash)) {
      Ref k = Ref::Borrow(key);
      int rv = DiscardEntry(so, k.get(), hash);
      if (rv < 0) return -1;
      if (rv == 0 && AddEntry(so, k.get(), hash) < 0) return -1;
    }
    return 0;
  }
  Ref otherset;
  if (IsAnySet(other)) {
    otherset = Ref::Borrow(other);
  } else {
    otherset = Ref::Steal(MakeNewSetBaseType(TypeOfObject(&so->head), other));
    if (!otherset) return -1;
  }
  size_t pos = 0;
  Value key;
  int64_t hash;
  while (NextEntry(S(otherset.get()), &pos, &key, &hash)) {
    Ref k = Ref::Borrow(key);
    int rv = DiscardEntry(so, k.get(), hash);
    if (rv < 0) return -1;
    if (rv == 0 && AddEntry(so, k.get(), hash) < 0) return -1;
  }
  return 0;
}

Value SymmetricDifference(Value self, Value other) {
  Ref otherset = Ref::Steal(MakeNewSetBaseType(TypeOf(self), other));
  if (!otherset) return Value();
  if (SymmetricDifferenceUpdate(S(otherset.get()), self) < 0) return Value();
  return otherset.release();
}

// 1/0/-1: every item of self is in other.
int IsSubsetImpl(Value self, Value other) {
  if (!IsAnySet(other)) {
    Ref tmp = Ref::Steal(MakeNewSet(&kSetType, other));
    if (!tmp) return -1;
    return IsSubsetImpl(self, tmp.get());
  }
  if (SetSize(self) > SetSize(other)) return 0;
  Ref hold = Ref::Borrow(self);
  size_t pos = 0;
  Value key;
  int64_t hash;
  while (NextEntry(S(self), &pos, &key, &hash)) {
    Ref k = Ref::Borrow(key);
    int rv = ContainsEntry(S(other), k.get(), hash);
    if (rv <= 0) return rv;
  }
  return 1;
}

int IsSupersetImpl(Value self, Value other) {
  if (IsAnySet(other)) return IsSubsetImpl(other, self);
  Ref it = Ref::Steal(GetIter(other));
  if (!it) return -1;
  while (true) {
    Value key;
    IterResult r = IterNext(it.get(), &key);
    if (r == IterResult::kError) return -1;
    if (r == IterResult::kDone) return 1;
    int rv = ContainsKey(S(self), key);
    Decref(key);
    if (rv <= 0) return rv;
  }
}

int IsDisjointImpl(Value self, Value other) {
  if (self == other) return SetSize(self) == 0;
  if (IsAnySet(other)) {
    Value a = self, b = other;
    if (SetSize(b) > SetSize(a)) std::swap(a, b);
    Ref ha = Ref::Borrow(a), hb = Ref::Borrow(b);
    size_t pos = 0;
    Value key;
    int64_t hash;
    while (NextEntry(S(b), &pos, &key, &hash)) {
      Ref k = Ref::Borrow(key);
      int rv = ContainsEntry(S(a), k.get(), hash);
      if (rv != 0) return rv < 0 ? -1 : 0;
    }
    return 1;
  }
  Ref it = Ref::Steal(GetIter(other));
  if (!it) return -1;
  while (true) {
    Value key;
    IterResult r = IterNext(it.get(), &key);
    if (r == IterResult::kError) return -1;
    if (r == IterResult::kDone) return 1;
    int rv = ContainsKey(S(self), key);
    Decref(key);
    if (rv != 0) return rv < 0 ? -1 : 0;
  }
}

// A set key that is an unhashable set is retried as a frozenset (set_contains & co).
template <typename Op>
int WithFrozenRetry(Value key, Op op) {
  int rv = op(key);
  if (rv >= 0) return rv;
  if (!IsSet(key) || !ExceptionMatches(&kTypeErrorType)) return -1;
  ClearError();
  Ref tmp = Ref::Steal(MakeNewSet(&kFrozenSetType, key));
  if (!tmp) return -1;
  return op(tmp.get());
}

// --- hash ---------------------------------------------------------------------------------

int64_t FrozenSetHash(Value self) {
  SetObject* so = S(self);
  if (so->hash != -1) return so->hash;
  std::vector<hash::Hash> hashes;
  hashes.reserve(so->table.size());
  so->table.ForEach([&hashes](const Value&, int64_t h) { hashes.push_back(h); });
  so->hash = hash::HashFrozenSet(hashes);
  return so->hash;
}

// --- slots ---------------------------------------------------------------------------------

int SetTraverse(Object* self, gc::VisitFn visit, void* arg) {
  auto* so = reinterpret_cast<SetObject*>(self);
  for (size_t i = 0; i <= so->table.mask(); ++i) {
    const Table::Entry& e = so->table.slot(i);
    if (!Table::IsActive(e)) continue;
    if (Object* o = e.key.object_or_null()) {
      if (int r = visit(o, arg)) return r;
    }
  }
  return 0;
}

void SetClearSlot(Object* self) { ClearInternal(reinterpret_cast<SetObject*>(self)); }

void SetDealloc(Object* self) {
  gc::Collector::Untrack(self);
  auto* so = reinterpret_cast<SetObject*>(self);
  ClearInternal(so);
  so->table.~Table();
  FreeInstance(self);
}

Value SetRepr(Value self) {
  TypeObject* t = TypeOf(self);
  if (SetSize(self) == 0) {
    StrBuilder b;
    b.Append(TypeName(t));
    b.Append("()");
    return b.Finish();
  }
  int status = ReprEnter(self);
  if (status != 0) {
    if (status < 0) return Value();
    StrBuilder b;
    b.Append(TypeName(t));
    b.Append("(...)");
    return b.Finish();
  }
  Ref keys = Ref::Steal(ListFromIterable(self));
  Ref listrepr = keys ? Ref::Steal(Repr(keys.get())) : Ref();
  ReprLeave(self);
  if (!listrepr) return Value();
  const int64_t n = StrLength(listrepr.get());
  Ref inner = Ref::Steal(StrSubstring(listrepr.get(), 1, n - 1));
  if (!inner) return Value();
  StrBuilder b;
  if (t != &kSetType) {
    b.Append(TypeName(t));
    b.Append("({");
    b.AppendStr(inner.get());
    b.Append("})");
  } else {
    b.Append("{");
    b.AppendStr(inner.get());
    b.Append("}");
  }
  return b.Finish();
}

int64_t SetLen(Value self) { return SetSize(self); }

int SetContainsSlot(Value self, Value key) {
  return WithFrozenRetry(key, [self](Value k) { return ContainsKey(S(self), k); });
}

Value SetRichCompare(Value v, Value w, CompareOp op) {
  if (!IsAnySet(w)) return NewNotImplemented();
  int r;
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNe:
      if (SetSize(v) != SetSize(w)) {
        r = 0;
      } else if (S(v)->hash != -1 && S(w)->hash != -1 && S(v)->hash != S(w)->hash) {
        r = 0;
      } else {
        r = IsSubsetImpl(v, w);
      }
      if (r < 0) return Value();
      return NewBool(op == CompareOp::kEq ? r != 0 : r == 0);
    case CompareOp::kLe:
      r = IsSubsetImpl(v, w);
      break;
    case CompareOp::kGe:
      r = IsSupersetImpl(v, w);
      break;
    case CompareOp::kLt:
      r = SetSize(v) >= SetSize(w) ? 0 : IsSubsetImpl(v, w);
      break;
    case CompareOp::kGt:
      r = SetSize(v) <= SetSize(w) ? 0 : IsSupersetImpl(v, w);
      break;
  }
  if (r < 0) return Value();
  return NewBool(r != 0);
}

Value SetOr(Value a, Value b) {
  if (!IsAnySet(a) || !IsAnySet(b)) return NewNotImplemented();
  Ref result = Ref::Steal(Copy(a));
  if (!result) return Value();
  if (a == b) return result.release();
  if (UpdateInternal(S(result.get()), b) < 0) return Value();
  return result.release();
}

Value SetAnd(Value a, Value b) {
  if (!IsAnySet(a) || !IsAnySet(b)) return NewNotImplemented();
  return Intersection(a, b);
}

Value SetSub(Value a, Value b) {
  if (!IsAnySet(a) || !IsAnySet(b)) return NewNotImplemented();
  return Difference(a, b);
}

Value SetXor(Value a, Value b) {
  if (!IsAnySet(a) || !IsAnySet(b)) return NewNotImplemented();
  return SymmetricDifference(a, b);
}

Value SetIOr(Value self, Value other) {
  if (!IsAnySet(other)) return NewNotImplemented();
  if (UpdateInternal(S(self), other) < 0) return Value();
  Incref(self);
  return self;
}

Value SetIAnd(Value self, Value other) {
  if (!IsAnySet(other)) return NewNotImplemented();
  Ref tmp = Ref::Steal(Intersection(self, other));
  if (!tmp) return Value();
  SwapBodies(S(self), S(tmp.get()));
  Incref(self);
  return self;
}

Value SetISub(Value self, Value other) {
  if (!IsAnySet(other)) return NewNotImplemented();
  if (DifferenceUpdateInternal(S(self), other) < 0) return Value();
  Incref(self);
  return self;
}

Value SetIXor(Value self, Value other) {
  if (!IsAnySet(other)) return NewNotImplemented();
  if (SymmetricDifferenceUpdate(S(self), other) < 0) return Value();
  Incref(self);
  return self;
}

Value SetNewSlot(TypeObject* type, const Value*, size_t, Value kwnames) {
  if (type == &kSetType && !CheckNoKeywords("set", kwnames)) return Value();
  return MakeNewSet(type, Value());
}

int SetInitSlot(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!CheckNoKeywords("set", kwnames)) return -1;
  if (!CheckPositional(TypeName(TypeOf(self)), nargs, 0, 1)) return -1;
  SetObject* so = S(self);
  if (so->table.fill() != 0) ClearInternal(so);
  so->hash = -1;
  if (nargs == 0) return 0;
  return UpdateInternal(so, args[0]);
}

Value FrozenSetNewSlot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &kFrozenSetType && !CheckNoKeywords("frozenset", kwnames)) return Value();
  if (!CheckPositional(TypeName(type), nargs, 0, 1)) return Value();
  Value iterable = nargs == 1 ? args[0] : Value();
  if (type != &kFrozenSetType) return MakeNewSet(type, iterable);
  if (iterable && iterable.is_object() && TypeOf(iterable) == &kFrozenSetType) {
    Incref(iterable);
    return iterable;
  }
  return MakeNewSet(type, iterable);
}

// --- methods ---------------------------------------------------------------------------

Value MAdd(Value self, Value key) {
  if (AddKey(S(self), key) < 0) return Value();
  return NewNone();
}

Value MClear(Value self) {
  ClearInternal(S(self));
  return NewNone();
}

Value MCopy(Value self) { return Copy(self); }

Value MFrozenCopy(Value self) {
  if (TypeOf(self) == &kFrozenSetType) {
    Incref(self);
    return self;
  }
  return MakeNewSet(&kFrozenSetType, self);
}

Value MDiscard(Value self, Value key) {
  int rv = WithFrozenRetry(key, [self](Value k) { return DiscardKey(S(self), k); });
  if (rv < 0) return Value();
  return NewNone();
}

Value MRemove(Value self, Value key) {
  int rv = WithFrozenRetry(key, [self](Value k) { return DiscardKey(S(self), k); });
  if (rv < 0) return Value();
  if (rv == 0) {
    Ref exc = Ref::Steal(NewException(&kKeyErrorType, &key, 1));
    if (exc) Raise(exc.get());
    return Value();
  }
  return NewNone();
}

Value MPop(Value self) {
  Value key;
  if (!S(self)->table.Pop(&key)) return Error(&kKeyErrorType, "pop from an empty set");
  return key;
}

Value MContains(Value self, Value key) {
  int rv = SetContainsSlot(self, key);
  if (rv < 0) return Value();
  return NewBool(rv != 0);
}

Value MUnion(Value self, const Value* args, size_t nargs) {
  Ref result = Ref::Steal(Copy(self));
  if (!result) return Value();
  for (size_t i = 0; i < nargs; ++i) {
    if (args[i] == self) continue;
    if (UpdateInternal(S(result.get()), args[i]) < 0) return Value();
  }
  return result.release();
}

Value MUpdate(Value self, const Value* args, size_t nargs) {
  for (size_t i = 0; i < nargs; ++i) {
    if (UpdateInternal(S(self), args[i]) < 0) return Value();
  }
  return NewNone();
}

Value IntersectionMulti(Value self, const Value* args, size_t nargs) {
  if (nargs == 0) return Copy(self);
  Ref result = Ref::Borrow(self);
  for (size_t i = 0; i < nargs; ++i) {
    Ref next = Ref::Steal(Intersection(result.get(), args[i]));
    if (!next) return Value();
    result = std::move(next);
  }
  return result.release();
}

Value MIntersection(Value self, const Value* args, size_t nargs) {
  return IntersectionMulti(self, args, nargs);
}

Value MIntersectionUpdate(Value self, const Value* args, size_t nargs) {
  Ref tmp = Ref::Steal(IntersectionMulti(self, args, nargs));
  if (!tmp) return Value();
  SwapBodies(S(self), S(tmp.get()));
  return NewNone();
}

Value MDifference(Value self, const Value* args, size_t nargs) {
  if (nargs == 0) return Copy(self);
  Ref result = Ref::Steal(Difference(self, args[0]));
  if (!result) return Value();
  for (size_t i = 1; i < nargs; ++i) {
    if (DifferenceUpdateInternal(S(result.get()), args[i]) < 0) return Value();
  }
  return result.release();
}

Value MDifferenceUpdate(Value self, const Value* args, size_t nargs) {
  for (size_t i = 0; i < nargs; ++i) {
    if (DifferenceUpdateInternal(S(self), args[i]) < 0) return Value();
  }
  return NewNone();
}

Value MSymmetricDifference(Value self, Value other) { return SymmetricDifference(self, other); }

Value MSymmetricDifferenceUpdate(Value self, Value other) {
  if (SymmetricDifferenceUpdate(S(self), other) < 0) return Value();
  return NewNone();
}

Value BoolResult(int r) {
  if (r < 0) return Value();
  return NewBool(r != 0);
}

Value MIsSubset(Value self, Value other) { return BoolResult(IsSubsetImpl(self, other)); }
Value MIsSuperset(Value self, Value other) { return BoolResult(IsSupersetImpl(self, other)); }
Value MIsDisjoint(Value self, Value other) { return BoolResult(IsDisjointImpl(self, other)); }

Value MReduce(Value self) {
  Ref keys = Ref::Steal(ListFromIterable(self));
  if (!keys) return Value();
  Ref args = Ref::Steal(TuplePack({keys.get()}));
  if (!args) return Value();
  static const Value kDictName = Intern("__dict__");
  Ref state = Ref::Steal(LookupAttr(self, kDictName));
  if (!state) {
    if (ErrorOccurred()) return Value();
    state = Ref::Borrow(None());
  }
  return TuplePack({TypeValue(TypeOf(self)), args.get(), state.get()});
}

Value MSizeof(Value self) {
  const size_t slots = S(self)->table.mask() + 1;
  int64_t size = kCPythonSetBasicSize;
  if (slots > Table::kMinSize) size += static_cast<int64_t>(slots) * 16;
  return NewInt(size);
}

const MethodDef kSetMethods[] = {
    MethodDef::OneArg("add", MAdd, "Add an element to a set.\n\nThis has no effect if the element is already present."),
    MethodDef::NoArgs("clear", MClear, "Remove all elements from this set."),
    MethodDef::OneArg("__contains__", MContains, "x.__contains__(y) <==> y in x.", kMethCoexist),
    MethodDef::NoArgs("copy", MCopy, "Return a shallow copy of a set."),
    MethodDef::OneArg("discard", MDiscard, "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set."),
    MethodDef::Fast("difference", MDifference, "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)"),
    MethodDef::Fast("difference_update", MDifferenceUpdate, "Remove all elements of another set from this set."),
    MethodDef::Fast("intersection", MIntersection, "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"),
    MethodDef::Fast("intersection_update", MIntersectionUpdate, "Update a set with the intersection of itself and another."),
    MethodDef::OneArg("isdisjoint", MIsDisjoint, "Return True if two sets have a null intersection."),
    MethodDef::OneArg("issubset", MIsSubset, "Report whether another set contains this set."),
    MethodDef::OneArg("issuperset", MIsSuperset, "Report whether this set contains another set."),
    MethodDef::NoArgs("pop", MPop, "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."),
    MethodDef::NoArgs("__reduce__", MReduce, "Return state information for pickling."),
    MethodDef::OneArg("remove", MRemove, "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."),
    MethodDef::NoArgs("__sizeof__", MSizeof, "S.__sizeof__() -> size of S in memory, in bytes"),
    MethodDef::OneArg("symmetric_difference", MSymmetricDifference, "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)"),
    MethodDef::OneArg("symmetric_difference_update", MSymmetricDifferenceUpdate, "Update a set with the symmetric difference of itself and another."),
    MethodDef::Fast("union", MUnion, "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"),
    MethodDef::Fast("update", MUpdate, "Update a set with the union of itself and others."),
    {},
};

const MethodDef kFrozenSetMethods[] = {
    MethodDef::OneArg("__contains__", MContains, "x.__contains__(y) <==> y in x.", kMethCoexist),
    MethodDef::NoArgs("copy", MFrozenCopy, "Return a shallow copy of a set."),
    MethodDef::Fast("difference", MDifference, "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)"),
    MethodDef::Fast("intersection", MIntersection, "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"),
    MethodDef::OneArg("isdisjoint", MIsDisjoint, "Return True if two sets have a null intersection."),
    MethodDef::OneArg("issubset", MIsSubset, "Report whether another set contains this set."),
    MethodDef::OneArg("issuperset", MIsSuperset, "Report whether this set contains another set."),
    MethodDef::NoArgs("__reduce__", MReduce, "Return state information for pickling."),
    MethodDef::NoArgs("__sizeof__", MSizeof, "S.__sizeof__() -> size of S in memory, in bytes"),
    MethodDef::OneArg("symmetric_difference", MSymmetricDifference, "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)"),
    MethodDef::Fast("union", MUnion, "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"),
    {},
};

// --- iterator -----------------------------------------------------------------------------

struct SetIterObject {
  Object head;
  Value set;  // Value{} once exhausted
  int64_t used;  // the set's size when the iterator was made; -1 after a size change
  size_t pos;
  int64_t len;
};

int SetIterTraverse(Object* self, gc::VisitFn visit, void* arg) {
  auto* it = reinterpret_cast<SetIterObject*>(self);
  if (Object* o = it->set.object_or_null()) return visit(o, arg);
  return 0;
}

void SetIterDealloc(Object* self) {
  gc::Collector::Untrack(self);
  Decref(reinterpret_cast<SetIterObject*>(self)->set);
  FreeInstance(self);
}

Value SetIter(Value self) {
  Value v = AllocInstance(&kSetIteratorType);
  if (!v) return Value();
  auto* it = reinterpret_cast<SetIterObject*>(v.object());
  Incref(self);
  it->set = self;
  it->used = SetSize(self);
  it->pos = 0;
  it->len = SetSize(self);
  TrackObject(v);
  return v;
}

Value SetIterNext(Value self) {
  auto* it = reinterpret_cast<SetIterObject*>(self.object());
  if (!it->set) return Value();
  SetObject* so = S(it->set);
  if (it->used != SetSize(it->set)) {
    it->used = -1;  // keep raising on later calls
    return Error(&kRuntimeErrorType, "Set changed size during iteration");
  }
  Value key;
  if (NextEntry(so, &it->pos, &key, nullptr)) {
    --it->len;
    Incref(key);
    return key;
  }
  Value s = it->set;
  it->set = Value();
  Decref(s);
  return Value();
}

Value SetIterLengthHint(Value self) {
  auto* it = reinterpret_cast<SetIterObject*>(self.object());
  int64_t n = 0;
  if (it->set && it->used == SetSize(it->set)) n = it->len;
  return NewInt(n);
}

const MethodDef kSetIterMethods[] = {
    MethodDef::NoArgs("__length_hint__", SetIterLengthHint,
                      "Private method returning an estimate of len(list(it))."),
    {},
};

void FillCommonSlots(TypeObject* t) {
  t->hooks.traverse = SetTraverse;
  t->hooks.clear = SetClearSlot;
  t->hooks.dealloc = SetDealloc;
  t->repr = SetRepr;
  t->richcompare = SetRichCompare;
  t->iter = SetIter;
  t->length = SetLen;
  t->contains = SetContainsSlot;
  t->or_ = SetOr;
  t->and_ = SetAnd;
  t->subtract = SetSub;
  t->xor_ = SetXor;
}

void InitSets() {
  {
    TypeInit t(&kSetType, "set", sizeof(SetObject));
    t.gc();
    FillCommonSlots(t.type);
    t.type->inplace_or = SetIOr;
    t.type->inplace_and = SetIAnd;
    t.type->inplace_subtract = SetISub;
    t.type->inplace_xor = SetIXor;
    t.type->new_ = SetNewSlot;
    t.type->init = SetInitSlot;
    t.methods(kSetMethods);
    t.doc("set() -> new empty set object\nset(iterable) -> new set object\n\n"
          "Build an unordered collection of unique elements.");
    t.Ready();
  }
  {
    TypeInit t(&kFrozenSetType, "frozenset", sizeof(SetObject));
    t.gc();
    FillCommonSlots(t.type);
    t.type->hash = FrozenSetHash;
    t.type->new_ = FrozenSetNewSlot;
    t.methods(kFrozenSetMethods);
    t.doc("frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
          "Build an immutable unordered collection of unique elements.");
    t.Ready();
  }
  {
    TypeInit t(&kSetIteratorType, "set_iterator", sizeof(SetIterObject));
    t.final().gc().flags(kTypeDisallowInstantiation);
    t.type->hooks.traverse = SetIterTraverse;
    t.type->hooks.dealloc = SetIterDealloc;
    t.type->iter = IterSelf;
    t.type->iternext = SetIterNext;
    t.methods(kSetIterMethods);
    t.Ready();
  }
}

InitRegistration g_sets_init(InitPhase::kBuiltinTypes, InitSets);

}  // namespace

Value NewSet(Value iterable) { return MakeNewSet(&kSetType, iterable); }
Value NewFrozenSet(Value iterable) { return MakeNewSet(&kFrozenSetType, iterable); }
int SetAdd(Value s, Value key) { return AddKey(S(s), key); }
int SetContains(Value s, Value key) { return SetContainsSlot(s, key); }
int SetDiscard(Value s, Value key) { return DiscardKey(S(s), key); }
int SetUpdate(Value s, Value iterable) { return UpdateInternal(S(s), iterable); }
void SetClear(Value s) { ClearInternal(S(s)); }
bool SetNext(Value s, size_t* pos, Value* key, int64_t* hash) {
  return NextEntry(S(s), pos, key, hash);
}

}  // namespace pyrt

// range.cc — the range type and its iterators (see range.h).
#include "objects/core/range.h"

#include <cstddef>

#include "objects/core/abstract.h"
#include "objects/core/args.h"
#include "objects/core/errors.h"
#include "objects/core/int.h"
#include "objects/core/none.h"
#include "objects/core/seq_util.h"
#include "objects/core/slice.h"
#include "objects/core/str.h"
#include "objects/core/tuple.h"

namespace pyrt {

TypeObject kRangeType;
TypeObject kRangeIteratorType;
TypeObject kLongRangeIteratorType;

namespace {

RangeObject* R(Value v) { return reinterpret_cast<RangeObject*>(v.object()); }

// --- int arithmetic on Values (small or big) ---------------------------------------------

Ref IAdd(Value a, Value b) { return Ref::Steal(Add(a, b)); }
Ref ISub(Value a, Value b) { return Ref::Steal(Subtract(a, b)); }
Ref IMul(Value a, Value b) { return Ref::Steal(Multiply(a, b)); }
Ref IFloorDiv(Value a, Value b) { return Ref::Steal(FloorDivide(a, b)); }
Ref INeg(Value a) { return Ref::Steal(Negative(a)); }

// __index__ then the exact int (PyNumber_Index).
Ref ToExactIndex(Value v) {
  Ref i = Ref::Steal(Index(v));
  if (!i) return i;
  if (IsExactInt(i.get())) return i;
  return Ref::Steal(IntExact(i.get()));
}

// The number of items of range(start, stop, step); step != 0.
Ref ComputeLength(Value start, Value stop, Value step) {
  if (start.is_small_int() && stop.is_small_int() && step.is_small_int()) {
    const __int128 lo = start.small_int(), hi = stop.small_int(), st = step.small_int();
    __int128 n = 0;
    if (st > 0 && lo < hi) n = (hi - lo - 1) / st + 1;
    if (st < 0 && lo > hi) n = (lo - hi - 1) / (-st) + 1;
    return Ref::Steal(NewInt(static_cast<int64_t>(n)));
  }
  Value lo = start, hi = stop;
  Ref st = Ref::Borrow(step);
  if (IntSign(step) < 0) {
    lo = stop;
    hi = start;
    st = INeg(step);
    if (!st) return st;
  }
  if (IntCompare(lo, hi) >= 0) return Ref::Steal(NewInt(0));
  Ref diff = ISub(hi, lo);
  if (!diff) return diff;
  Ref d1 = ISub(diff.get(), Value::SmallInt(1));
  if (!d1) return d1;
  Ref q = IFloorDiv(d1.get(), st.get());
  if (!q) return q;
  return IAdd(q.get(), Value::SmallInt(1));
}

// start + i * step (no bounds check).
Ref ComputeItem(RangeObject* r, Value i) {
  if (i.is_small_int() && r->start.is_small_int() && r->step.is_small_int()) {
    const __int128 v = static_cast<__int128>(r->start.small_int()) +
                       static_cast<__int128>(i.small_int()) * r->step.small_int();
    if (v >= INT64_MIN && v <= INT64_MAX) return Ref::Steal(NewInt(static_cast<int64_t>(v)));
  }
  Ref p = IMul(i, r->step);
  if (!p) return p;
  return IAdd(r->start, p.get());
}

Value MakeRange(Ref start, Ref stop, Ref step) {
  Ref length = ComputeLength(start.get(), stop.get(), step.get());
  if (!length) return Value();
  Value v = AllocInstance(&kRangeType);
  if (!v) return Value();
  RangeObject* r = R(v);
  r->start = start.release();
  r->stop = stop.release();
  r->step = step.release();
  r->length = length.release();
  return v;
}

// --- slots ------------------------------------------------------------------------------

void RangeDealloc(Object* o) {
  auto* r = reinterpret_cast<RangeObject*>(o);
  Decref(r->start);
  Decref(r->stop);
  Decref(r->step);
  Decref(r->length);
  FreeInstance(o);
}

Value RangeNewSlot(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (!CheckNoKeywords("range", kwnames)) return Value();
  if (nargs == 0) return Error(&kTypeErrorType, "range expected at least 1 argument, got 0");
  if (nargs > 3) {
    RaiseNew(&kTypeErrorType, "range expected at most 3 arguments, got %zu", nargs);
    return Value();
  }
  Ref start, stop, step;
  if (nargs == 1) {
    stop = ToExactIndex(args[0]);
    if (!stop) return Value();
    start = Ref::Steal(NewInt(0));
    step = Ref::Steal(NewInt(1));
  } else {
    start = ToExactIndex(args[0]);
    if (!start) return Value();
    stop = ToExactIndex(args[1]);
    if (!stop) return Value();
    if (nargs == 3) {
      step = ToExactIndex(args[2]);
      if (!step) return Value();
      if (IntSign(step.get()) == 0) return Error(&kValueErrorType, "range() arg 3 must not be zero");
    } else {
      step = Ref::Steal(NewInt(1));
    }
  }
  return MakeRange(std::move(start), std::move(stop), std::move(step));
}

Value RangeRepr(Value self) {
  RangeObject* r = R(self);
  StrBuilder b;
  b.Append("range(");
  Value parts[3] = {r->start, r->stop, r->step};
  const int n = r->step == Value::SmallInt(1) ? 2 : 3;
  for (int i = 0; i < n; ++i) {
    if (i > 0) b.Append(", ");
    Ref s = Ref::Steal(Repr(parts[i]));
    if (!s) return Value();
    b.AppendStr(s.get());
  }
  b.Append(")");
  return b.Finish();
}

int64_t RangeLength(Value self) {
  int64_t n;
  if (!IntToInt64(R(self)->length, &n)) {
    RaiseMessage(&kOverflowErrorType, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return n;
}

int RangeBool(Value self) { return IntSign(R(self)->length) != 0; }

// r[i] for an exact int i (negative counts from the end).
Value RangeIndexItem(RangeObject* r, Value i) {
  Ref idx = Ref::Borrow(i);
  if (IntSign(i) < 0) {
    idx = IAdd(i, r->length);
    if (!idx) return Value();
  }
  if (IntSign(idx.get()) < 0 || IntCompare(idx.get(), r->length) >= 0) {
    return Error(&kIndexErrorType, "range object index out of range");
  }
  return ComputeItem(r, idx.get()).release();
}

Value RangeItemSlot(Value self, int64_t i) {
  return RangeIndexItem(R(self), Value::SmallInt(i));
}

// slice.indices(length) over ints of any size (CPython's _PySlice_GetLongIndices).
bool LongSliceIndices(Value slice, Value length, Ref* start, Ref* stop, Ref* step) {
  const SliceObject* s = reinterpret_cast<const SliceObject*>(slice.object());
  if (IsNone(s->step)) {
    *step = Ref::Steal(NewInt(1));
  } else {
    *step = ToExactIndex(s->step);
    if (!*step) return false;
    if (IntSign(step->get()) == 0) {
      RaiseMessage(&kValueErrorType, "slice step cannot be zero");
      return false;
    }
  }
  const bool negative = IntSign(step->get()) < 0;
  Ref lower, upper;
  if (negative) {
    lower = Ref::Steal(NewInt(-1));
    upper = IAdd(length, Value::SmallInt(-1));
    if (!upper) return false;
  } else {
    lower = Ref::Steal(NewInt(0));
    upper = Ref::Borrow(length);
  }
  auto bound = [&](Value v, const Ref& dflt, Ref* out) -> bool {
    if (IsNone(v)) {
      *out = dflt;
      return true;
    }
    Ref x = ToExactIndex(v);
    if (!x) return false;
    if (IntSign(x.get()) < 0) {
      x = IAdd(x.get(), length);
      if (!x) return false;
      if (IntCompare(x.get(), lower.get()) < 0) x = lower;
    } else if (IntCompare(x.get(), upper.get()) > 0) {
      x = upper;
    }
    *out = std::move(x);
    return true;
  };
  if (!bound(s->start, negative ? upper : lower, start)) return false;
  if (!bound(s->stop, negative ? lower : upper, stop)) return false;
  return true;
}

Value RangeSubscript(Value self, Value key) {
  RangeObject* r = R(self);
  if (IsSlice(key)) {
    Ref start, stop, step;
    if (!LongSliceIndices(key, r->length, &start, &stop, &step)) return Value();
    Ref substep = IMul(r->step, step.get());
    if (!substep) return Value();
    Ref substart = ComputeItem(r, start.get());
    if (!substart) return Value();
    Ref substop = ComputeItem(r, stop.get());
    if (!substop) return Value();
    return MakeRange(std::move(substart), std::move(substop), std::move(substep));
  }
  if (key.is_small_int() || HasIndex(key)) {
    Ref i = ToExactIndex(key);
    if (!i) return Value();
    return RangeIndexItem(r, i.get());
  }
  RaiseNew(&kTypeErrorType, "range indices must be integers or slices, not %T", key);
  return Value();
}

// True if ob (an int) is one of r's items; for exact ints and bools only.
bool IntInRange(RangeObject* r, Value ob) {
  if (IntSign(r->step) > 0) {
    if (IntCompare(r->start, ob) > 0 || IntCompare(ob, r->stop) >= 0) return false;
  } else {
    if (IntCompare(ob, r->start) > 0 || IntCompare(r->stop, ob) >= 0) return false;
  }
  return true;
}

// 1/0 whether the int ob is an item, -1 on error.
int RangeContainsInt(RangeObject* r, Value ob) {
  if (!IntInRange(r, ob)) return 0;
  if (ob.is_small_int() && r->start.is_small_int() && r->step.is_small_int()) {
    const __int128 d = static_cast<__int128>(ob.small_int()) - r->start.small_int();
    return d % r->step.small_int() == 0;
  }
  Ref d = ISub(ob, r->start);
  if (!d) return -1;
  Ref m = Ref::Steal(Remainder(d.get(), r->step));
  if (!m) return -1;
  return IntSign(m.get()) == 0;
}

bool IsIntOrBool(Value v) { return IsExactInt(v) || IsBool(v); }

// _PySequence_IterSearch: counts matches (count) or finds the first index (index).
int64_t IterSearch(Value seq, Value ob, bool want_index) {
  Ref it = Ref::Steal(GetIter(seq));
  if (!it) return -1;
  int64_t n = 0, i = 0;
  while (true) {
    Value item;
    IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return -1;
    if (r == IterResult::kDone) break;
    int cmp = RichCompareBool(item, ob, CompareOp::kEq);
    Decref(item);
    if (cmp < 0) return -1;
    if (cmp > 0) {
      if (want_index) return i;
      ++n;
    }
    ++i;
  }
  if (want_index) {
    RaiseMessage(&kValueErrorType, "sequence.index(x): x not in sequence");
    return -1;
  }
  return n;
}

int RangeContains(Value self, Value ob) {
  if (IsIntOrBool(ob)) return RangeContainsInt(R(self), ob);
  Ref it = Ref::Steal(GetIter(self));
  if (!it) return -1;
  while (true) {
    Value item;
    IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return -1;
    if (r == IterResult::kDone) return 0;
    int cmp = RichCompareBool(item, ob, CompareOp::kEq);
    Decref(item);
    if (cmp != 0) return cmp;
  }
}

// range_equals: same sequence of items.
bool RangeEquals(RangeObject* a, RangeObject* b) {
  if (a == b) return true;
  if (IntCompare(a->length, b->length) != 0) return false;
  if (IntSign(a->length) == 0) return true;
  if (IntCompare(a->start, b->start) != 0) return false;
  if (IntCompare(a->length, Value::SmallInt(1)) == 0) return true;
  return IntCompare(a->step, b->step) == 0;
}

Value RangeRichCompare(Value a, Value b, CompareOp op) {
  if (!IsRange(b)) return NewNotImplemented();
  if (op != CompareOp::kEq && op != CompareOp::kNe) return NewNotImplemented();
  const bool eq = RangeEquals(R(a), R(b));
  return NewBool(op == CompareOp::kEq ? eq : !eq);
}

int64_t RangeHash(Value self) {
  RangeObject* r = R(self);
  Ref t;
  if (IntSign(r->length) == 0) {
    t = Ref::Steal(TuplePack({r->length, None(), None()}));
  } else if (IntCompare(r->length, Value::SmallInt(1)) == 0) {
    t = Ref::Steal(TuplePack({r->length, r->start, None()}));
  } else {
    t = Ref::Steal(TuplePack({r->length, r->start, r->step}));
  }
  if (!t) return -1;
  return Hash(t.get());
}

// --- iterators --------------------------------------------------------------------------

struct RangeIterObject {  // range_iterator
  Object head;
  int64_t start, step, len, index;
};
struct LongRangeIterObject {  // longrange_iterator
  Object head;
  Value start, step, len;  // owned; start advances, len counts down
};

Value NewFastIter(int64_t start, int64_t step, int64_t len) {
  Value v = AllocInstance(&kRangeIteratorType);
  if (!v) return Value();
  auto* it = reinterpret_cast<RangeIterObject*>(v.object());
  it->start = start;
  it->step = step;
  it->len = len;
  it->index = 0;
  return v;
}

Value NewLongIter(Ref start, Ref step, Ref len) {
  Value v = AllocInstance(&kLongRangeIteratorType);
  if (!v) return Value();
  auto* it = reinterpret_cast<LongRangeIterObject*>(v.object());
  it->start = start.release();
  it->step = step.release();
  it->len = len.release();
  return v;
}

Value RangeIterNext(Value self) {
  auto* it = reinterpret_cast<RangeIterObject*>(self.object());
  if (it->index >= it->len) return Value();
  const __int128 v = static_cast<__int128>(it->start) +
                     static_cast<__int128>(it->index) * it->step;
  ++it->index;
  return NewInt(static_cast<int64_t>(v));
}

Value RangeIterLengthHint(Value self) {
  auto* it = reinterpret_cast<RangeIterObject*>(self.object());
  return NewInt(it->len - it->index);
}

Value RangeIterSetState(Value self, Value state) {
  auto* it = reinterpret_cast<RangeIterObject*>(self.object());
  Ref i = ToExactIndex(state);
  if (!i) return Value();
  int64_t x;
  if (!IntToInt64(i.get(), &x)) x = IntSign(i.get()) < 0 ? 0 : it->len;
  if (x < 0) x = 0;
  if (x > it->len) x = it->len;
  it->index = x;
  return NewNone();
}

void LongIterDealloc(Object* o) {
  auto* it = reinterpret_cast<LongRangeIterObject*>(o);
  Decref(it->start);
  Decref(it->step);
  Decref(it->len);
  FreeInstance(o);
}

Value LongIterNext(Value self) {
  auto* it = reinterpret_cast<LongRangeIterObject*>(self.object());
  if (IntSign(it->len) <= 0) return Value();
  Ref next = IAdd(it->start, it->step);
  if (!next) return Value();
  Ref len = ISub(it->len, Value::SmallInt(1));
  if (!len) return Value();
  Value result = it->start;
  it->start = next.release();
  Decref(it->len);
  it->len = len.release();
  return result;
}

Value LongIterLengthHint(Value self) {
  auto* it = reinterpret_cast<LongRangeIterObject*>(self.object());
  Incref(it->len);
  return it->len;
}

// An iterator over `count` items start, start+step, ...: the fast kind when start, step
// and count fit in int64 (items are computed in 128 bits, so they cannot overflow).
Value MakeIter(Value start, Value step, Value count) {
  int64_t s, st, n;
  if (IntToInt64(start, &s) && IntToInt64(step, &st) && IntToInt64(count, &n)) {
    return NewFastIter(s, st, n);
  }
  return NewLongIter(Ref::Borrow(start), Ref::Borrow(step), Ref::Borrow(count));
}

// CPython uses range_iterator only when start, stop and step fit in a C long.
bool FitsFast(RangeObject* r) {
  int64_t x;
  return IntToInt64(r->start, &x) && IntToInt64(r->stop, &x) && IntToInt64(r->step, &x);
}

Value RangeIter(Value self) {
  RangeObject* r = R(self);
  if (!FitsFast(r)) {
    return NewLongIter(Ref::Borrow(r->start), Ref::Borrow(r->step), Ref::Borrow(r->length));
  }
  return MakeIter(r->start, r->step, r->length);
}

Value RangeReversed(Value self) {
  RangeObject* r = R(self);
  // Runs from the last item with -step.
  Ref last_index = ISub(r->length, Value::SmallInt(1));
  if (!last_index) return Value();
  Ref last = ComputeItem(r, last_index.get());
  if (!last) return Value();
  Ref neg = INeg(r->step);
  if (!neg) return Value();
  int64_t st, s0;
  if (FitsFast(r) && IntToInt64(r->step, &st) && IntToInt64(r->start, &s0) &&
      st != INT64_MIN) {
    const __int128 before = static_cast<__int128>(s0) - st;
    if (before >= INT64_MIN && before <= INT64_MAX) {
      return MakeIter(last.get(), neg.get(), r->length);
    }
  }
  return NewLongIter(std::move(last), std::move(neg), Ref::Borrow(r->length));
}

// --- methods ----------------------------------------------------------------------------

Value MCount(Value self, Value ob) {
  if (IsIntOrBool(ob)) {
    int r = RangeContainsInt(R(self), ob);
    if (r < 0) return Value();
    return NewInt(r);
  }
  int64_t n = IterSearch(self, ob, false);
  if (n < 0) return Value();
  return NewInt(n);
}

Value MIndex(Value self, Value ob) {
  RangeObject* r = R(self);
  if (IsIntOrBool(ob)) {
    int c = RangeContainsInt(r, ob);
    if (c < 0) return Value();
    if (c == 0) {
      RaiseNew(&kValueErrorType, "%R is not in range", ob);
      return Value();
    }
    Ref d = ISub(ob, r->start);
    if (!d) return Value();
    return IFloorDiv(d.get(), r->step).release();
  }
  int64_t i = IterSearch(self, ob, true);
  if (i < 0) return Value();
  return NewInt(i);
}

Value MReduce(Value self) {
  RangeObject* r = R(self);
  Ref args = Ref::Steal(TuplePack({r->start, r->stop, r->step}));
  if (!args) return Value();
  return TuplePack({TypeValue(&kRangeType), args.get()});
}

const MethodDef kRangeMethods[] = {
    MethodDef::NoArgs("__reversed__", RangeReversed,
                      "Return a reverse iterator."),
    MethodDef::NoArgs("__reduce__", MReduce),
    MethodDef::OneArg("count", MCount, "rangeobject.count(value) -> integer -- return number of occurrences of value"),
    MethodDef::OneArg("index", MIndex,
                      "rangeobject.index(value) -> integer -- return index of value.\n"
                      "Raise ValueError if the value is not present."),
    {},
};

const MemberDef kRangeMembers[] = {
    {"start", MemberKind::kObject, offsetof(RangeObject, start), true, nullptr},
    {"stop", MemberKind::kObject, offsetof(RangeObject, stop), true, nullptr},
    {"step", MemberKind::kObject, offsetof(RangeObject, step), true, nullptr},
    {},
};

const MethodDef kRangeIterMethods[] = {
    MethodDef::NoArgs("__length_hint__", RangeIterLengthHint,
                      "Private method returning an estimate of len(list(it))."),
    MethodDef::OneArg("__setstate__", RangeIterSetState, "Set state information for unpickling."),
    {},
};
const MethodDef kLongRangeIterMethods[] = {
    MethodDef::NoArgs("__length_hint__", LongIterLengthHint,
                      "Private method returning an estimate of len(list(it))."),
    {},
};

void InitRange() {
  TypeInit t(&kRangeType, "range", sizeof(RangeObject));
  t.final().flags(kTypeSequence);
  TypeObject* rt = t.type;
  rt->hooks.dealloc = RangeDealloc;
  rt->new_ = RangeNewSlot;
  rt->repr = RangeRepr;
  rt->hash = RangeHash;
  rt->richcompare = RangeRichCompare;
  rt->iter = RangeIter;
  rt->length = RangeLength;
  rt->bool_ = RangeBool;
  rt->subscript = RangeSubscript;
  rt->item = RangeItemSlot;
  rt->contains = RangeContains;
  t.methods(kRangeMethods).members(kRangeMembers);
  t.doc("range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
        "Return an object that produces a sequence of integers from start (inclusive)\n"
        "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
        "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
        "These are exactly the valid indices for a list of 4 elements.\n"
        "When step is given, it specifies the increment (or decrement).");
  t.Ready();

  TypeInit it(&kRangeIteratorType, "range_iterator", sizeof(RangeIterObject));
  it.final().flags(kTypeDisallowInstantiation);
  it.type->hooks.dealloc = [](Object* o) { FreeInstance(o); };
  it.type->iter = IterSelf;
  it.type->iternext = RangeIterNext;
  it.methods(kRangeIterMethods);
  it.Ready();

  TypeInit lit(&kLongRangeIteratorType, "longrange_iterator", sizeof(LongRangeIterObject));
  lit.final().flags(kTypeDisallowInstantiation);
  lit.type->hooks.dealloc = LongIterDealloc;
  lit.type->iter = IterSelf;
  lit.type->iternext = LongIterNext;
  lit.methods(kLongRangeIterMethods);
  lit.Ready();
}

InitRegistration g_range_init(InitPhase::kBuiltinTypes, InitRange);

}  // namespace

Value NewRange(Value start, Value stop, Value step) {
  Ref a = ToExactIndex(start);
  if (!a) return Value();
  Ref b = ToExactIndex(stop);
  if (!b) return Value();
  Ref c = ToExactIndex(step);
  if (!c) return Value();
  if (IntSign(c.get()) == 0) return Error(&kValueErrorType, "range() arg 3 must not be zero");
  return MakeRange(std::move(a), std::move(b), std::move(c));
}

Value NewRangeInt64(int64_t start, int64_t stop, int64_t step) {
  Ref a = Ref::Steal(NewInt(start));
  Ref b = Ref::Steal(NewInt(stop));
  Ref c = Ref::Steal(NewInt(step));
  if (!a || !b || !c) return Value();
  return NewRange(a.get(), b.get(), c.get());
}

}  // namespace pyrt

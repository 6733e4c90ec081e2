// tuple.cc — the tuple type and its iterator.
#include "objects/core/tuple.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "objects/core/core.h"
#include "objects/core/core_internal.h"

namespace pyrt {

TypeObject kTupleType;
TypeObject kTupleIteratorType;

namespace {

Object* g_empty_tuple = nullptr;

size_t TupleInstanceSize(const Object* o) {
  return offsetof(TupleObject, items) +
         static_cast<size_t>(reinterpret_cast<const TupleObject*>(o)->size) * sizeof(Value);
}

int TupleTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* t = reinterpret_cast<TupleObject*>(o);
  for (int64_t i = 0; i < t->size; ++i) {
    if (Object* p = t->items[i].object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}

// --- Free lists ---------------------------------------------------------------------------
//
// Freed exact tuples of 1..kFreeTupleMaxSize items are kept, per size, for reuse (CPython
// keeps 2000 per size up to 20 as well): tuples are created and dropped constantly (call
// arguments, returns, unpacking, dict keys). A kept tuple stays allocated with its gc
// header, untracked; items[0] links to the next one of that size. As in CPython, neither
// the reuse nor the keeping counts as a gc allocation or deallocation. Disabled in
// sanitizer builds (capacity 0), so that use-after-free stays visible.
constexpr int64_t kFreeTupleMaxSize = 20;
constexpr int kFreeTuplesPerSize = 2000;
struct FreeTuples {
  TupleObject* head[kFreeTupleMaxSize + 1] = {};
  int count[kFreeTupleMaxSize + 1] = {};
  int capacity = -1;  // per size; -1 until first use
};
FreeTuples g_free_tuples;

int FreeTupleCapacity() {
  if (g_free_tuples.capacity < 0) {
    g_free_tuples.capacity = memory::SanitizerBuild() ? 0 : kFreeTuplesPerSize;
  }
  return g_free_tuples.capacity;
}

void TupleDealloc(Object* o) {
  auto* t = reinterpret_cast<TupleObject*>(o);
  gc::Collector::Untrack(o);
  if (!Heap().TrashcanBegin(o)) return;
  const int64_t n = t->size;
  for (int64_t i = 0; i < n; ++i) Decref(t->items[i]);
  if (o->type == &kTupleType.hooks && n >= 1 && n <= kFreeTupleMaxSize &&
      g_free_tuples.count[n] < FreeTupleCapacity()) {
    std::memcpy(static_cast<void*>(&t->items[0]), &g_free_tuples.head[n], sizeof(TupleObject*));
    g_free_tuples.head[n] = t;
    ++g_free_tuples.count[n];
  } else {
    FreeInstance(o);
  }
  Heap().TrashcanEnd();
}

Value AllocTuple(TypeObject* type, int64_t size) {
  if (type == &kTupleType && size >= 1 && size <= kFreeTupleMaxSize) {
    if (TupleObject* t = g_free_tuples.head[size]) {
      std::memcpy(&g_free_tuples.head[size], static_cast<const void*>(&t->items[0]), sizeof(TupleObject*));
      --g_free_tuples.count[size];
      t->head.refcount = 1;
      for (int64_t i = 0; i < size; ++i) t->items[i] = Value();
      return Value::FromObject(&t->head);
    }
  }
  if (size < 0 || size > (int64_t{1} << 40)) return RaiseNoMemory();
  Value v = AllocInstance(type, static_cast<size_t>(size == 0 ? 1 : size));
  if (!v) return v;
  AsTupleObject(v)->size = size;
  return v;
}

// --- Slots ------------------------------------------------------------------------------

Value TupleRepr(Value self) {
  const int64_t n = TupleSize(self);
  if (n == 0) return NewStr("()");
  int r = ReprEnter(self);
  if (r != 0) return r > 0 ? NewStr("(...)") : Value();
  StrBuilder b;
  b.Append("(");
  for (int64_t i = 0; i < n; ++i) {
    if (i > 0) b.Append(", ");
    Value s = Repr(TupleItem(self, i));
    if (!s) {
      ReprLeave(self);
      return Value();
    }
    b.AppendStr(s);
    Decref(s);
  }
  b.Append(n == 1 ? ",)" : ")");
  ReprLeave(self);
  return b.Finish();
}

int64_t TupleHashSlot(Value self) {
  hash::TupleHasher h;
  const int64_t n = TupleSize(self);
  for (int64_t i = 0; i < n; ++i) {
    int64_t x = Hash(TupleItem(self, i));
    if (x == -1) return -1;
    h.Add(x);
  }
  return h.Finish();
}

int64_t TupleLength(Value self) { return TupleSize(self); }

Value TupleRichCompare(Value a, Value b, CompareOp op) {
  if (!IsTuple(a) || !IsTuple(b)) return NewNotImplemented();
  const int64_t na = TupleSize(a), nb = TupleSize(b);
  int64_t i = 0;
  for (; i < na && i < nb; ++i) {
    int k = RichCompareBool(TupleItem(a, i), TupleItem(b, i), CompareOp::kEq);
    if (k < 0) return Value();
    if (!k) break;
  }
  if (i >= na || i >= nb) {
    return NewBool(CompareHolds(na, nb, op));
  }
  if (op == CompareOp::kEq) return NewBool(false);
  if (op == CompareOp::kNe) return NewBool(true);
  return RichCompare(TupleItem(a, i), TupleItem(b, i), op);
}

Value TupleConcat(Value a, Value b) {
  if (!IsTuple(b)) {
    RaiseNew(&kTypeErrorType, "can only concatenate tuple (not \"%s\") to tuple", TypeName(TypeOf(b)));
    return Value();
  }
  const int64_t na = TupleSize(a), nb = TupleSize(b);
  if (nb == 0 && IsExactTuple(a)) {
    Incref(a);
    return a;
  }
  if (na == 0 && IsExactTuple(b)) {
    Incref(b);
    return b;
  }
  Value r = NewTuple(na + nb);
  if (!r) return r;
  for (int64_t i = 0; i < na; ++i) {
    Incref(TupleItem(a, i));
    TupleSetItem(r, i, TupleItem(a, i));
  }
  for (int64_t i = 0; i < nb; ++i) {
    Incref(TupleItem(b, i));
    TupleSetItem(r, na + i, TupleItem(b, i));
  }
  return r;
}

Value TupleRepeat(Value self, int64_t count) {
  const int64_t n = TupleSize(self);
  if (count <= 0 || n == 0) {
    Incref(EmptyTuple());
    return EmptyTuple();
  }
  if (count == 1 && IsExactTuple(self)) {
    Incref(self);
    return self;
  }
  if (n > (int64_t{1} << 40) / count) return RaiseNoMemory();
  Value r = NewTuple(n * count);
  if (!r) return r;
  for (int64_t c = 0; c < count; ++c) {
    for (int64_t i = 0; i < n; ++i) {
      Incref(TupleItem(self, i));
      TupleSetItem(r, c * n + i, TupleItem(self, i));
    }
  }
  return r;
}

Value TupleSubscript(Value self, Value key) {
  const int64_t n = TupleSize(self);
  if (IsSlice(key)) {
    int64_t start, stop, step;
    if (SliceUnpack(key, &start, &stop, &step) < 0) return Value();
    int64_t len = SliceAdjustIndices(n, &start, &stop, step);
    if (step == 1) return TupleSlice(self, start, stop);
    Value r = NewTuple(len);
    if (!r) return r;
    for (int64_t i = 0, j = start; i < len; ++i, j += step) {
      Incref(TupleItem(self, j));
      TupleSetItem(r, i, TupleItem(self, j));
    }
    return r;
  }
  if (!HasIndex(key)) {
    RaiseNew(&kTypeErrorType, "tuple indices must be integers or slices, not %s", TypeName(TypeOf(key)));
    return Value();
  }
  int64_t i = AsIndex(key, &kIndexErrorType);
  if (i == -1 && ErrorOccurred()) return Value();
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    RaiseNew(&kIndexErrorType, "tuple index out of range");
    return Value();
  }
  Value v = TupleItem(self, i);
  Incref(v);
  return v;
}

Value TupleItemSlot(Value self, int64_t i) {
  if (i < 0 || i >= TupleSize(self)) {
    RaiseNew(&kIndexErrorType, "tuple index out of range");
    return Value();
  }
  Value v = TupleItem(self, i);
  Incref(v);
  return v;
}

int TupleContains(Value self, Value item) {
  const int64_t n = TupleSize(self);
  for (int64_t i = 0; i < n; ++i) {
    int r = RichCompareBool(TupleItem(self, i), item, CompareOp::kEq);
    if (r != 0) return r;
  }
  return 0;
}

struct TupleIterObject {
  Object head;
  Value seq;  // owned or Value{} when exhausted
  int64_t index;
};

Value TupleIter(Value self) {
  Value it = AllocInstance(&kTupleIteratorType);
  if (!it) return it;
  auto* o = reinterpret_cast<TupleIterObject*>(it.object());
  Incref(self);
  o->seq = self;
  o->index = 0;
  TrackObject(it);
  return it;
}
Value TupleIterNext(Value self) {
  auto* o = reinterpret_cast<TupleIterObject*>(self.object());
  if (!o->seq) return Value();
  if (o->index < TupleSize(o->seq)) {
    Value v = TupleItem(o->seq, o->index++);
    Incref(v);
    return v;
  }
  Value s = o->seq;
  o->seq = Value();
  Decref(s);
  return Value();
}
int TupleIterTraverse(Object* o, gc::VisitFn visit, void* arg) {
  Value s = reinterpret_cast<TupleIterObject*>(o)->seq;
  if (Object* p = s.object_or_null()) return visit(p, arg);
  return 0;
}
void TupleIterClear(Object* o) {
  auto* it = reinterpret_cast<TupleIterObject*>(o);
  Value s = it->seq;
  it->seq = Value();
  Decref(s);
}
void TupleIterDealloc(Object* o) {
  gc::Collector::Untrack(o);
  TupleIterClear(o);
  FreeInstance(o);
}
Value SelfIter(Value self) {
  Incref(self);
  return self;
}
Value TupleIterLengthHint(Value self) {
  auto* o = reinterpret_cast<TupleIterObject*>(self.object());
  if (!o->seq) return Value::SmallInt(0);
  return NewInt(TupleSize(o->seq) - o->index);
}

Value TupleNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && TupleSize(kwnames) > 0) {
    RaiseNew(&kTypeErrorType, "tuple() takes no keyword arguments");
    return Value();
  }
  if (!CheckPositional("tuple", nargs, 0, 1)) return Value();
  std::vector<Ref> items;
  if (nargs == 1) {
    if (IsExactTuple(args[0]) && type == &kTupleType) {
      Incref(args[0]);
      return args[0];
    }
    Ref it = Ref::Steal(GetIter(args[0]));
    if (!it) return Value();
    for (;;) {
      Value v;
      IterResult r = IterNext(it.get(), &v);
      if (r == IterResult::kError) return Value();
      if (r == IterResult::kDone) break;
      items.push_back(Ref::Steal(v));
    }
  }
  Value t = type == &kTupleType ? NewTuple(static_cast<int64_t>(items.size()))
                                : AllocTuple(type, static_cast<int64_t>(items.size()));
  if (!t) return t;
  for (size_t i = 0; i < items.size(); ++i) TupleSetItem(t, static_cast<int64_t>(i), items[i].release());
  if (type != &kTupleType) TrackObject(t);
  return t;
}

Value TupleIndex(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("index", nargs, 1, 3)) return Value();
  const int64_t n = TupleSize(self);
  int64_t start = 0, stop = n;
  if (nargs >= 2) {
    start = AsIndex(args[1], nullptr);
    if (start == -1 && ErrorOccurred()) return Value();
    if (start < 0) start = std::max<int64_t>(0, start + n);
  }
  if (nargs >= 3) {
    stop = AsIndex(args[2], nullptr);
    if (stop == -1 && ErrorOccurred()) return Value();
    if (stop < 0) stop += n;
  }
  for (int64_t i = start; i < stop && i < TupleSize(self); ++i) {
    int r = RichCompareBool(TupleItem(self, i), args[0], CompareOp::kEq);
    if (r < 0) return Value();
    if (r) return NewInt(i);
  }
  RaiseNew(&kValueErrorType, "tuple.index(x): x not in tuple");
  return Value();
}

Value TupleCount(Value self, Value item) {
  int64_t c = 0;
  for (int64_t i = 0; i < TupleSize(self); ++i) {
    int r = RichCompareBool(TupleItem(self, i), item, CompareOp::kEq);
    if (r < 0) return Value();
    c += r;
  }
  return NewInt(c);
}

Value TupleGetNewArgs(Value self) {
  Value s = TupleSlice(self, 0, TupleSize(self));
  if (!s) return s;
  Value t = TuplePack({s});
  Decref(s);
  return t;
}

const MethodDef kTupleMethods[] = {
    MethodDef::Fast("index", TupleIndex,
                    "Return first index of value.\n\nRaises ValueError if the value is not present."),
    MethodDef::OneArg("count", TupleCount, "Return number of occurrences of value."),
    MethodDef::NoArgs("__getnewargs__", TupleGetNewArgs),
    MethodDef(),
};
Value TupleIterReduce(Value self) {
  auto* it = reinterpret_cast<TupleIterObject*>(self.object());
  return core_internal::SeqIterReduce("iter", it->seq, it->index, it->seq ? Value() : TuplePack({}));
}

const MethodDef kTupleIterMethods[] = {
    MethodDef::NoArgs("__length_hint__", TupleIterLengthHint,
                      "Private method returning an estimate of len(list(it))."),
    MethodDef::NoArgs("__reduce__", TupleIterReduce, "Return state information for pickling."),
    MethodDef(),
};

}  // namespace

Value NewTuple(int64_t size) {
  if (size == 0) {
    Incref(EmptyTuple());
    return EmptyTuple();
  }
  Value v = AllocTuple(&kTupleType, size);
  if (!v) return v;
  TrackObject(v);
  return v;
}

Value EmptyTuple() { return Value::FromObject(g_empty_tuple); }

Value TupleFromArray(const Value* items, size_t n) {
  Value t = NewTuple(static_cast<int64_t>(n));
  if (!t) return t;
  for (size_t i = 0; i < n; ++i) {
    Incref(items[i]);
    TupleSetItem(t, static_cast<int64_t>(i), items[i]);
  }
  return t;
}

Value TuplePack(std::initializer_list<Value> items) {
  return TupleFromArray(items.begin(), items.size());
}

Value TupleSlice(Value t, int64_t start, int64_t stop) {
  const int64_t n = TupleSize(t);
  start = std::clamp<int64_t>(start, 0, n);
  stop = std::clamp<int64_t>(stop, start, n);
  if (start == 0 && stop == n && IsExactTuple(t)) {
    Incref(t);
    return t;
  }
  return TupleFromArray(TupleItems(t) + start, static_cast<size_t>(stop - start));
}

namespace core_internal {
void SetupTupleTypes() {
  {
    TypeInit t(&kTupleType, "tuple", offsetof(TupleObject, items));
    TypeObject* ty = t.type;
    t.gc().flags(kTypeTupleSubclass | kTypeSequence);
    ty->itemsize = sizeof(Value);
    ty->instance_size = TupleInstanceSize;
    ty->hooks.traverse = TupleTraverse;
    ty->hooks.dealloc = TupleDealloc;
    ty->repr = TupleRepr;
    ty->hash = TupleHashSlot;
    ty->richcompare = TupleRichCompare;
    ty->length = TupleLength;
    ty->concat = TupleConcat;
    ty->repeat = TupleRepeat;
    ty->subscript = TupleSubscript;
    ty->item = TupleItemSlot;
    ty->contains = TupleContains;
    ty->iter = TupleIter;
    ty->new_ = TupleNew;
    t.methods(kTupleMethods);
    t.doc("Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an "
          "empty tuple.\nIf iterable is specified the tuple is initialized from iterable's "
          "items.\n\nIf the argument is a tuple, the return value is the same object.");
  }
  {
    TypeInit t(&kTupleIteratorType, "tuple_iterator", sizeof(TupleIterObject));
    t.final().gc();
    t.type->flags |= kTypeDisallowInstantiation;
    t.type->hooks.traverse = TupleIterTraverse;
    t.type->hooks.clear = TupleIterClear;
    t.type->hooks.dealloc = TupleIterDealloc;
    t.type->iter = SelfIter;
    t.type->iternext = TupleIterNext;
    t.methods(kTupleIterMethods);
  }
  // The empty tuple (immortal, never tracked).
  Object* o = Heap().NewObject(sizeof(TupleObject));
  if (o == nullptr) {
    std::fputs("pyrt: out of memory creating the empty tuple\n", stderr);
    std::abort();
  }
  std::memset(static_cast<void*>(o), 0, sizeof(TupleObject));
  o->refcount = kImmortalRefcount;
  o->type = &kTupleType.hooks;
  g_empty_tuple = o;
}
}  // namespace core_internal

}  // namespace pyrt

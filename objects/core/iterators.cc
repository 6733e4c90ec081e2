// iterators.cc — iterator, callable_iterator, enumerate, zip, map, filter, reversed
// (see iterators.h).
#include "objects/core/iterators.h"

#include <cstddef>
#include <vector>

#include "objects/core/abstract.h"
#include "objects/core/args.h"
#include "objects/core/dict.h"
#include "objects/core/errors.h"
#include "objects/core/int.h"
#include "objects/core/none.h"
#include "objects/core/seq_util.h"
#include "objects/core/str.h"
#include "objects/core/tuple.h"

namespace pyrt {

TypeObject kSeqIterType;
TypeObject kCallIterType;
TypeObject kEnumerateType;
TypeObject kZipType;
TypeObject kMapType;
TypeObject kFilterType;
TypeObject kReversedType;

namespace {

// Every object here is {head, kValues owned Values, scalars...}: traverse, clear and
// dealloc are generic over the leading Values.
template <typename T, int kValues>
struct ValueFields {
  static Value* Fields(Object* o) {
    return reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + sizeof(Object));
  }
  static int Traverse(Object* o, gc::VisitFn visit, void* arg) {
    Value* f = Fields(o);
    for (int i = 0; i < kValues; ++i) {
      if (Object* p = f[i].object_or_null()) {
        if (int r = visit(p, arg)) return r;
      }
    }
    return 0;
  }
  static void Clear(Object* o) {
    Value* f = Fields(o);
    for (int i = 0; i < kValues; ++i) {
      Value v = f[i];
      f[i] = Value();
      Decref(v);
    }
  }
  static void Dealloc(Object* o) {
    gc::Collector::Untrack(o);
    Value* f = Fields(o);
    for (int i = 0; i < kValues; ++i) Decref(f[i]);
    FreeInstance(o);
  }
};

template <typename T, int kValues>
void SetGcHooks(TypeObject* t) {
  using F = ValueFields<T, kValues>;
  t->hooks.flags |= gc::kHasGc;
  t->hooks.traverse = F::Traverse;
  t->hooks.clear = F::Clear;
  t->hooks.dealloc = F::Dealloc;
}

template <typename T>
T* As(Value v) {
  return reinterpret_cast<T*>(v.object());
}

// Allocates an instance of t (zeroed); the caller fills it and calls TrackObject.
template <typename T>
T* Alloc(TypeObject* t, Value* out) {
  *out = AllocInstance(t);
  if (!*out) return nullptr;
  return As<T>(*out);
}

// True if the exception set is IndexError or StopIteration (then cleared).
bool ClearIndexOrStop() {
  if (ExceptionMatches(&kIndexErrorType) || ExceptionMatches(&kStopIterationType)) {
    ClearError();
    return true;
  }
  return false;
}

// seq[i] through the sequence protocol (PySequence_GetItem with a non-negative index).
Value SequenceGetItem(Value seq, int64_t i) {
  Ref idx = Ref::Steal(NewInt(i));
  if (!idx) return Value();
  return GetItem(seq, idx.get());
}

// --- iterator (sequence protocol) -------------------------------------------------------

struct SeqIterObject {
  Object head;
  Value seq;  // Value{} once exhausted
  int64_t index;
};

Value SeqIterNext(Value self) {
  auto* it = As<SeqIterObject>(self);
  if (!it->seq) return Value();
  Value r = SequenceGetItem(it->seq, it->index);
  if (r) {
    ++it->index;
    return r;
  }
  if (ClearIndexOrStop()) {
    Value s = it->seq;
    it->seq = Value();
    Decref(s);
  }
  return Value();
}

Value SeqIterLengthHint(Value self) {
  auto* it = As<SeqIterObject>(self);
  if (it->seq) {
    if (TypeOf(it->seq)->length == nullptr) return NewNotImplemented();
    int64_t n = Length(it->seq);
    if (n < 0) return Value();
    if (n - it->index >= 0) return NewInt(n - it->index);
  }
  return NewInt(0);
}

Value SeqIterSetState(Value self, Value state) {
  auto* it = As<SeqIterObject>(self);
  int64_t i = AsIndex(state, &kOverflowErrorType);
  if (i == -1 && ErrorOccurred()) return Value();
  if (it->seq) it->index = i < 0 ? 0 : i;
  return NewNone();
}

const MethodDef kSeqIterMethods[] = {
    MethodDef::NoArgs("__length_hint__", SeqIterLengthHint,
                      "Private method returning an estimate of len(list(it))."),
    MethodDef::OneArg("__setstate__", SeqIterSetState, "Set state information for unpickling."),
    {},
};

// --- callable_iterator ------------------------------------------------------------------

struct CallIterObject {
  Object head;
  Value callable, sentinel;  // both Value{} once exhausted
};

Value CallIterNext(Value self) {
  auto* it = As<CallIterObject>(self);
  if (!it->callable) return Value();
  Value result = Call0(it->callable);
  if (result) {
    int ok = RichCompareBool(it->sentinel, result, CompareOp::kEq);
    if (ok == 0) return result;
    Decref(result);
    if (ok < 0) return Value();
  } else if (!ClearIfMatches(&kStopIterationType)) {
    return Value();
  }
  ValueFields<CallIterObject, 2>::Clear(self.object());
  return Value();
}

// --- enumerate --------------------------------------------------------------------------

struct EnumerateObject {
  Object head;
  Value iter;
  Value long_index;  // the next index once the int64 counter is exhausted, or Value{}
  int64_t index;
};

Value EnumerateMake(TypeObject* type, Value iterable, Value start) {
  Ref it = Ref::Steal(GetIter(iterable));
  if (!it) return Value();
  int64_t index = 0;
  Ref long_index;
  if (start) {
    Ref s = Ref::Steal(Index(start));
    if (!s) return Value();
    if (!IntToInt64(s.get(), &index) || index == INT64_MAX) {
      index = INT64_MAX;
      long_index = Ref::Steal(IntExact(s.get()));
      if (!long_index) return Value();
    }
  }
  Value v;
  auto* e = Alloc<EnumerateObject>(type, &v);
  if (!e) return Value();
  e->iter = it.release();
  e->long_index = long_index.release();
  e->index = index;
  TrackObject(v);
  return v;
}

Value EnumerateNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  const size_t nkw = kwnames ? static_cast<size_t>(TupleSize(kwnames)) : 0;
  if (nkw == 0) {
    if (nargs == 0) return Error(&kTypeErrorType, "enumerate() missing required argument 'iterable'");
    if (nargs > 2) {
      RaiseNew(&kTypeErrorType, "enumerate() takes at most 2 arguments (%zu given)", nargs);
      return Value();
    }
    return EnumerateMake(type, args[0], nargs == 2 ? args[1] : Value());
  }
  Value out[2];
  static const ArgSpec spec{"enumerate", {"iterable", "start"}, 0, 1};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  return EnumerateMake(type, out[0], out[1]);
}

Value EnumerateNext(Value self) {
  auto* e = As<EnumerateObject>(self);
  if (!e->iter) return Value();
  Value item;
  IterResult r = IterNext(e->iter, &item);
  if (r != IterResult::kItem) return Value();
  Ref item_ref = Ref::Steal(item);
  Ref index;
  if (e->index < INT64_MAX) {
    index = Ref::Steal(NewInt(e->index));
    if (!index) return Value();
    ++e->index;
  } else {
    if (!e->long_index) {
      e->long_index = NewInt(INT64_MAX);
      if (!e->long_index) return Value();
    }
    Ref next = Ref::Steal(Add(e->long_index, Value::SmallInt(1)));
    if (!next) return Value();
    index = Ref::Steal(e->long_index);
    e->long_index = next.release();
  }
  return TuplePack({index.get(), item_ref.get()});
}

Value EnumerateReduce(Value self) {
  auto* e = As<EnumerateObject>(self);
  Ref index = e->long_index ? Ref::Borrow(e->long_index) : Ref::Steal(NewInt(e->index));
  if (!index) return Value();
  Ref args = Ref::Steal(TuplePack({e->iter ? e->iter : None(), index.get()}));
  if (!args) return Value();
  return TuplePack({TypeValue(TypeOf(self)), args.get()});
}

const MethodDef kEnumerateMethods[] = {
    MethodDef::NoArgs("__reduce__", EnumerateReduce, "Return state information for pickling."),
    {},
};

// --- zip ---------------------------------------------------------------------------------

struct ZipObject {
  Object head;
  Value iters;  // tuple of iterators
  bool strict;
};

Value ZipNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  bool strict = false;
  if (kwnames && TupleSize(kwnames) > 0) {
    for (int64_t i = 0; i < TupleSize(kwnames); ++i) {
      Value name = TupleItem(kwnames, i);
      if (!StrEqualsUtf8(name, "strict")) {
        RaiseNew(&kTypeErrorType, "'%U' is an invalid keyword argument for zip()", name);
        return Value();
      }
      int t = IsTrue(args[nargs + static_cast<size_t>(i)]);
      if (t < 0) return Value();
      strict = t != 0;
    }
  }
  Ref iters = Ref::Steal(NewTuple(static_cast<int64_t>(nargs)));
  if (!iters) return Value();
  for (size_t i = 0; i < nargs; ++i) {
    Value it = GetIter(args[i]);
    if (!it) return Value();
    TupleSetItem(iters.get(), static_cast<int64_t>(i), it);
  }
  Value v;
  auto* z = Alloc<ZipObject>(type, &v);
  if (!z) return Value();
  z->iters = iters.release();
  z->strict = strict;
  TrackObject(v);
  return v;
}

Value ZipStrictError(int64_t i, bool longer) {
  if (i == 1) {
    RaiseNew(&kValueErrorType, "zip() argument %lld is %s than argument 1",
             static_cast<long long>(i + 1), longer ? "longer" : "shorter");
  } else {
    RaiseNew(&kValueErrorType, "zip() argument %lld is %s than arguments 1-%lld",
             static_cast<long long>(i + 1), longer ? "longer" : "shorter",
             static_cast<long long>(i));
  }
  return Value();
}

Value ZipNext(Value self) {
  auto* z = As<ZipObject>(self);
  const int64_t n = TupleSize(z->iters);
  if (n == 0) return Value();
  Ref result = Ref::Steal(NewTuple(n));
  if (!result) return Value();
  for (int64_t i = 0; i < n; ++i) {
    Value item;
    IterResult r = IterNext(TupleItem(z->iters, i), &item);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) {
      if (!z->strict) return Value();
      if (i > 0) return ZipStrictError(i, false);
      for (int64_t j = 1; j < n; ++j) {
        Value extra;
        IterResult rj = IterNext(TupleItem(z->iters, j), &extra);
        if (rj == IterResult::kError) return Value();
        if (rj == IterResult::kItem) {
          Decref(extra);
          return ZipStrictError(j, true);
        }
      }
      return Value();
    }
    TupleSetItem(result.get(), i, item);
  }
  return result.release();
}

Value ZipReduce(Value self) {
  auto* z = As<ZipObject>(self);
  if (z->strict) return TuplePack({TypeValue(TypeOf(self)), z->iters, True()});
  return TuplePack({TypeValue(TypeOf(self)), z->iters});
}

Value ZipSetState(Value self, Value state) {
  int t = IsTrue(state);
  if (t < 0) return Value();
  As<ZipObject>(self)->strict = t != 0;
  return NewNone();
}

const MethodDef kZipMethods[] = {
    MethodDef::NoArgs("__reduce__", ZipReduce, "Return state information for pickling."),
    MethodDef::OneArg("__setstate__", ZipSetState, "Set state information for unpickling."),
    {},
};

// --- map ---------------------------------------------------------------------------------

struct MapObject {
  Object head;
  Value func;
  Value iters;  // tuple of iterators
};

Value MapNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &kMapType && !CheckNoKeywords("map", kwnames)) return Value();
  if (nargs < 2) return Error(&kTypeErrorType, "map() must have at least two arguments.");
  Ref iters = Ref::Steal(NewTuple(static_cast<int64_t>(nargs - 1)));
  if (!iters) return Value();
  for (size_t i = 1; i < nargs; ++i) {
    Value it = GetIter(args[i]);
    if (!it) return Value();
    TupleSetItem(iters.get(), static_cast<int64_t>(i - 1), it);
  }
  Value v;
  auto* m = Alloc<MapObject>(type, &v);
  if (!m) return Value();
  Incref(args[0]);
  m->func = args[0];
  m->iters = iters.release();
  TrackObject(v);
  return v;
}

Value MapNext(Value self) {
  auto* m = As<MapObject>(self);
  const int64_t n = TupleSize(m->iters);
  std::vector<Value> items;
  items.reserve(static_cast<size_t>(n));
  auto drop = [&items] {
    for (Value v : items) Decref(v);
  };
  for (int64_t i = 0; i < n; ++i) {
    Value item;
    IterResult r = IterNext(TupleItem(m->iters, i), &item);
    if (r != IterResult::kItem) {
      drop();
      return Value();
    }
    items.push_back(item);
  }
  Value result = Call(m->func, items.data(), items.size());
  drop();
  return result;
}

Value MapReduce(Value self) {
  auto* m = As<MapObject>(self);
  const int64_t n = TupleSize(m->iters);
  Ref args = Ref::Steal(NewTuple(n + 1));
  if (!args) return Value();
  Incref(m->func);
  TupleSetItem(args.get(), 0, m->func);
  for (int64_t i = 0; i < n; ++i) {
    Incref(TupleItem(m->iters, i));
    TupleSetItem(args.get(), i + 1, TupleItem(m->iters, i));
  }
  return TuplePack({TypeValue(TypeOf(self)), args.get()});
}

const MethodDef kMapMethods[] = {
    MethodDef::NoArgs("__reduce__", MapReduce, "Return state information for pickling."),
    {},
};

// --- filter ------------------------------------------------------------------------------

struct FilterObject {
  Object head;
  Value func;
  Value iter;
};

Value FilterNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &kFilterType && !CheckNoKeywords("filter", kwnames)) return Value();
  if (!CheckPositional("filter", nargs, 2, 2)) return Value();
  Ref it = Ref::Steal(GetIter(args[1]));
  if (!it) return Value();
  Value v;
  auto* f = Alloc<FilterObject>(type, &v);
  if (!f) return Value();
  Incref(args[0]);
  f->func = args[0];
  f->iter = it.release();
  TrackObject(v);
  return v;
}

Value FilterNext(Value self) {
  auto* f = As<FilterObject>(self);
  const bool checktrue = IsNone(f->func) || f->func == TypeValue(&kBoolType);
  while (true) {
    Value item;
    IterResult r = IterNext(f->iter, &item);
    if (r != IterResult::kItem) return Value();
    int ok;
    if (checktrue) {
      ok = IsTrue(item);
    } else {
      Value good = Call1(f->func, item);
      if (!good) {
        Decref(item);
        return Value();
      }
      ok = IsTrue(good);
      Decref(good);
    }
    if (ok > 0) return item;
    Decref(item);
    if (ok < 0) return Value();
  }
}

Value FilterReduce(Value self) {
  auto* f = As<FilterObject>(self);
  Ref args = Ref::Steal(TuplePack({f->func, f->iter}));
  if (!args) return Value();
  return TuplePack({TypeValue(TypeOf(self)), args.get()});
}

const MethodDef kFilterMethods[] = {
    MethodDef::NoArgs("__reduce__", FilterReduce, "Return state information for pickling."),
    {},
};

// --- reversed ----------------------------------------------------------------------------

struct ReversedObject {
  Object head;
  Value seq;  // Value{} once exhausted
  int64_t index;
};

// PySequence_Check: has an item slot and is not a dict.
bool IsSequence(Value v) {
  if (IsDict(v)) return false;
  TypeObject* t = TypeOf(v);
  return t->subscript != nullptr || t->item != nullptr;
}

Value ReversedMake(TypeObject* type, Value seq) {
  static const Value kReversedName = Intern("__reversed__");
  Ref meth = Ref::Steal(LookupSpecial(seq, kReversedName));
  if (meth && IsNone(meth.get())) {
    RaiseNew(&kTypeErrorType, "'%.200s' object is not reversible", TypeName(TypeOf(seq)));
    return Value();
  }
  if (meth) return Call0(meth.get());
  if (ErrorOccurred()) return Value();
  if (!IsSequence(seq)) {
    RaiseNew(&kTypeErrorType, "'%.200s' object is not reversible", TypeName(TypeOf(seq)));
    return Value();
  }
  int64_t n = Length(seq);
  if (n < 0) return Value();
  Value v;
  auto* r = Alloc<ReversedObject>(type, &v);
  if (!r) return Value();
  Incref(seq);
  r->seq = seq;
  r->index = n - 1;
  TrackObject(v);
  return v;
}

Value ReversedNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &kReversedType && !CheckNoKeywords("reversed", kwnames)) return Value();
  if (!CheckPositional("reversed", nargs, 1, 1)) return Value();
  return ReversedMake(type, args[0]);
}

Value ReversedNext(Value self) {
  auto* r = As<ReversedObject>(self);
  if (r->index >= 0 && r->seq) {
    Value item = SequenceGetItem(r->seq, r->index);
    if (item) {
      --r->index;
      return item;
    }
    if (!ClearIndexOrStop()) return Value();
  }
  r->index = -1;
  Value s = r->seq;
  r->seq = Value();
  Decref(s);
  return Value();
}

Value ReversedLengthHint(Value self) {
  auto* r = As<ReversedObject>(self);
  if (!r->seq) return NewInt(0);
  int64_t n = Length(r->seq);
  if (n < 0) return Value();
  const int64_t position = r->index + 1;
  return NewInt(n < position ? 0 : position);
}

Value ReversedReduce(Value self) {
  auto* r = As<ReversedObject>(self);
  if (r->seq) {
    Ref args = Ref::Steal(TuplePack({r->seq}));
    if (!args) return Value();
    Ref index = Ref::Steal(NewInt(r->index));
    if (!index) return Value();
    return TuplePack({TypeValue(TypeOf(self)), args.get(), index.get()});
  }
  Ref args = Ref::Steal(TuplePack({EmptyTuple()}));
  if (!args) return Value();
  return TuplePack({TypeValue(TypeOf(self)), args.get()});
}

Value ReversedSetState(Value self, Value state) {
  auto* r = As<ReversedObject>(self);
  int64_t index = AsIndex(state, &kOverflowErrorType);
  if (index == -1 && ErrorOccurred()) return Value();
  if (r->seq) {
    int64_t n = Length(r->seq);
    if (n < 0) return Value();
    if (index < -1) index = -1;
    else if (index > n - 1) index = n - 1;
    r->index = index;
  }
  return NewNone();
}

const MethodDef kReversedMethods[] = {
    MethodDef::NoArgs("__length_hint__", ReversedLengthHint,
                      "Private method returning an estimate of len(list(it))."),
    MethodDef::NoArgs("__reduce__", ReversedReduce, "Return state information for pickling."),
    MethodDef::OneArg("__setstate__", ReversedSetState, "Set state information for unpickling."),
    {},
};

// --- registration ------------------------------------------------------------------------

void InitIterators() {
  {
    TypeInit t(&kSeqIterType, "iterator", sizeof(SeqIterObject));
    t.final().flags(kTypeDisallowInstantiation);
    SetGcHooks<SeqIterObject, 1>(t.type);
    t.type->iter = IterSelf;
    t.type->iternext = SeqIterNext;
    t.methods(kSeqIterMethods);
    t.Ready();
  }
  {
    TypeInit t(&kCallIterType, "callable_iterator", sizeof(CallIterObject));
    t.final().flags(kTypeDisallowInstantiation);
    SetGcHooks<CallIterObject, 2>(t.type);
    t.type->iter = IterSelf;
    t.type->iternext = CallIterNext;
    t.Ready();
  }
  {
    TypeInit t(&kEnumerateType, "enumerate", sizeof(EnumerateObject));
    SetGcHooks<EnumerateObject, 2>(t.type);
    t.type->new_ = EnumerateNew;
    t.type->iter = IterSelf;
    t.type->iternext = EnumerateNext;
    t.methods(kEnumerateMethods);
    t.doc("Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\n"
          "The enumerate object yields pairs containing a count (from start, which\n"
          "defaults to zero) and a value yielded by the iterable argument.\n\n"
          "enumerate is useful for obtaining an indexed list:\n"
          "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...");
    t.Ready();
  }
  {
    TypeInit t(&kZipType, "zip", sizeof(ZipObject));
    SetGcHooks<ZipObject, 1>(t.type);
    t.type->new_ = ZipNew;
    t.type->iter = IterSelf;
    t.type->iternext = ZipNext;
    t.methods(kZipMethods);
    t.doc("zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
          "   >>> list(zip('abcdefg', range(3), range(4)))\n"
          "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
          "The zip object yields n-length tuples, where n is the number of iterables\n"
          "passed as positional arguments to zip().  The i-th element in every tuple\n"
          "comes from the i-th iterable argument to zip().  This continues until the\n"
          "shortest argument is exhausted.\n\n"
          "If strict is true and one of the arguments is exhausted before the others,\n"
          "raise a ValueError.");
    t.Ready();
  }
  {
    TypeInit t(&kMapType, "map", sizeof(MapObject));
    SetGcHooks<MapObject, 2>(t.type);
    t.type->new_ = MapNew;
    t.type->iter = IterSelf;
    t.type->iternext = MapNext;
    t.methods(kMapMethods);
    t.doc("map(func, *iterables) --> map object\n\n"
          "Make an iterator that computes the function using arguments from\n"
          "each of the iterables.  Stops when the shortest iterable is exhausted.");
    t.Ready();
  }
  {
    TypeInit t(&kFilterType, "filter", sizeof(FilterObject));
    SetGcHooks<FilterObject, 2>(t.type);
    t.type->new_ = FilterNew;
    t.type->iter = IterSelf;
    t.type->iternext = FilterNext;
    t.methods(kFilterMethods);
    t.doc("filter(function or None, iterable) --> filter object\n\n"
          "Return an iterator yielding those items of iterable for which function(item)\n"
          "is true. If function is None, return the items that are true.");
    t.Ready();
  }
  {
    TypeInit t(&kReversedType, "reversed", sizeof(ReversedObject));
    SetGcHooks<ReversedObject, 1>(t.type);
    t.type->new_ = ReversedNew;
    t.type->iter = IterSelf;
    t.type->iternext = ReversedNext;
    t.methods(kReversedMethods);
    t.doc("Return a reverse iterator over the values of the given sequence.");
    t.Ready();
  }
}

InitRegistration g_iterators_init(InitPhase::kBuiltinTypes, InitIterators);

}  // namespace

Value NewSeqIter(Value seq) {
  Value v;
  auto* it = Alloc<SeqIterObject>(&kSeqIterType, &v);
  if (!it) return Value();
  Incref(seq);
  it->seq = seq;
  it->index = 0;
  TrackObject(v);
  return v;
}

Value NewCallIter(Value callable, Value sentinel) {
  Value v;
  auto* it = Alloc<CallIterObject>(&kCallIterType, &v);
  if (!it) return Value();
  Incref(callable);
  Incref(sentinel);
  it->callable = callable;
  it->sentinel = sentinel;
  TrackObject(v);
  return v;
}

Value Reversed(Value seq) { return ReversedMake(&kReversedType, seq); }

}  // namespace pyrt

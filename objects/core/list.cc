// list.cc — the list type, its iterators, and dir() (see list.h).
#include "objects/core/list.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "objects/core/abstract.h"
#include "objects/core/args.h"
#include "objects/core/core_internal.h"
#include "objects/core/errors.h"
#include "objects/core/float.h"
#include "objects/core/int.h"
#include "objects/core/none.h"
#include "objects/core/object_type.h"
#include "objects/core/seq_util.h"
#include "objects/core/slice.h"
#include "objects/core/str.h"
#include "objects/core/tuple.h"
#include "objects/timsort/timsort.h"

namespace pyrt {

TypeObject kListType;
TypeObject kListIteratorType;
TypeObject kListReverseIteratorType;

namespace {

// The most items a list may hold: the byte size of its array must fit in int64.
constexpr int64_t kMaxListSize = INT64_MAX / static_cast<int64_t>(sizeof(Value));

ListObject* L(Value v) { return AsListObject(v); }

// --- storage ---------------------------------------------------------------------------

// CPython's list_resize: sets size to `newsize`, reallocating with over-allocation when
// the array is too small or more than twice too large. Items beyond the old size are
// uninitialised (the caller fills them). false + MemoryError.
bool Resize(ListObject* l, int64_t newsize) {
  if (l->allocated >= newsize && newsize >= (l->allocated >> 1)) {
    l->size = newsize;
    return true;
  }
  if (newsize > kMaxListSize) {
    RaiseNoMemory();
    return false;
  }
  uint64_t new_alloc = (static_cast<uint64_t>(newsize) + (newsize >> 3) + 6) & ~uint64_t{3};
  if (newsize - l->size > static_cast<int64_t>(new_alloc) - newsize) {
    new_alloc = (static_cast<uint64_t>(newsize) + 3) & ~uint64_t{3};
  }
  if (newsize == 0) new_alloc = 0;
  if (new_alloc > static_cast<uint64_t>(kMaxListSize)) new_alloc = newsize;
  Value* items;
  if (new_alloc == 0) {
    memory::DefaultAllocator().Free(l->items);
    items = nullptr;
  } else {
    items = static_cast<Value*>(memory::DefaultAllocator().Reallocate(l->items, new_alloc * sizeof(Value)));
    if (items == nullptr) {
      RaiseNoMemory();
      return false;
    }
  }
  l->items = items;
  l->size = newsize;
  l->allocated = static_cast<int64_t>(new_alloc);
  return true;
}

// Makes room for exactly `n` items in a fresh list (no over-allocation).
bool Preallocate(ListObject* l, int64_t n) {
  if (n > kMaxListSize) {
    RaiseNoMemory();
    return false;
  }
  if (n == 0) return true;
  auto* items = static_cast<Value*>(memory::DefaultAllocator().AllocateZeroed(static_cast<size_t>(n), sizeof(Value)));
  if (items == nullptr) {
    RaiseNoMemory();
    return false;
  }
  l->items = items;
  l->allocated = n;
  return true;
}

// Freed exact list objects (not their item arrays) are kept for reuse, as CPython keeps
// 80: programs make and drop many short lists. A kept list is untracked and still holds
// its gc header; `items` links to the next one. As in CPython, neither the reuse nor the
// keeping counts as a gc allocation or deallocation. Capacity 0 in sanitizer builds.
constexpr int kMaxFreeLists = 80;
struct FreeLists {
  ListObject* head = nullptr;
  int count = 0;
  int capacity = -1;  // -1 until first use
};
FreeLists g_free_lists;

int FreeListCapacity() {
  if (g_free_lists.capacity < 0) g_free_lists.capacity = memory::SanitizerBuild() ? 0 : kMaxFreeLists;
  return g_free_lists.capacity;
}

Value AllocList(TypeObject* t) {
  if (t == &kListType && g_free_lists.head != nullptr) {
    ListObject* l = g_free_lists.head;
    g_free_lists.head = reinterpret_cast<ListObject*>(l->items);
    --g_free_lists.count;
    l->head.refcount = 1;
    l->size = 0;
    l->allocated = 0;
    l->items = nullptr;
    return Value::FromObject(&l->head);
  }
  Value v = AllocInstance(t);
  if (!v) return Value();
  ListObject* l = L(v);
  l->size = 0;
  l->allocated = 0;
  l->items = nullptr;
  return v;
}

// Drops all items (list_clear): the array is detached first, so decrefs that run Python
// code see an empty list.
void ClearItems(ListObject* l) {
  Value* items = l->items;
  int64_t n = l->size;
  // Nothing to free: leave `allocated` alone (clearing a list that is being sorted
  // does not count as modifying it, as in CPython).
  if (items == nullptr) return;
  l->items = nullptr;
  l->size = 0;
  l->allocated = 0;
  while (--n >= 0) Decref(items[n]);
  memory::DefaultAllocator().Free(items);
}

// --- argument conversion ----------------------------------------------------------------


// --- gc and lifetime --------------------------------------------------------------------

int ListTraverse(Object* self, gc::VisitFn visit, void* arg) {
  ListObject* l = reinterpret_cast<ListObject*>(self);
  for (int64_t i = l->size; --i >= 0;) {
    if (Object* o = l->items[i].object_or_null()) {
      if (int r = visit(o, arg)) return r;
    }
  }
  return 0;
}

void ListClearSlot(Object* self) { ClearItems(reinterpret_cast<ListObject*>(self)); }

void ListDealloc(Object* self) {
  gc::Collector::Untrack(self);
  // The trashcan bounds recursion through nested lists; only for exact lists, whose
  // dealloc is this function (a deferred object is re-deallocated through its type).
  const bool exact = TypeOfObject(self) == &kListType;
  if (exact && !Heap().TrashcanBegin(self)) return;
  ListObject* l = reinterpret_cast<ListObject*>(self);
  if (l->items != nullptr) {
    for (int64_t i = l->size; --i >= 0;) Decref(l->items[i]);
    memory::DefaultAllocator().Free(l->items);
    l->items = nullptr;
  }
  if (exact && g_free_lists.count < FreeListCapacity()) {
    l->items = reinterpret_cast<Value*>(g_free_lists.head);
    g_free_lists.head = l;
    ++g_free_lists.count;
  } else {
    FreeInstance(self);
  }
  if (exact) Heap().TrashcanEnd();
}

// --- slices -----------------------------------------------------------------------------

Value SliceNew(ListObject* a, int64_t lo, int64_t hi) {
  int64_t n = hi - lo;
  Value v = AllocList(&kListType);
  if (!v) return Value();
  if (n > 0) {
    if (!Preallocate(L(v), n)) {
      Decref(v);
      return Value();
    }
    for (int64_t i = 0; i < n; ++i) {
      Value x = a->items[lo + i];
      Incref(x);
      L(v)->items[i] = x;
    }
    L(v)->size = n;
  }
  TrackObject(v);
  return v;
}

// list_ass_slice: a[ilow:ihigh] = v (v Value{} deletes).
int AssSlice(Value self, int64_t ilow, int64_t ihigh, Value v) {
  ListObject* a = L(self);
  Ref seq;
  Ref copy;
  int64_t n = 0;
  const Value* vitems = nullptr;
  if (v) {
    if (v == self) {
      copy = Ref::Steal(SliceNew(a, 0, a->size));
      if (!copy) return -1;
      v = copy.get();
    }
    seq = Ref::Steal(SequenceFast(v, "can only assign an iterable"));
    if (!seq) return -1;
    n = SequenceFastSize(seq.get());
    vitems = SequenceFastItems(seq.get());
  }
  if (ilow < 0) ilow = 0;
  if (ilow > a->size) ilow = a->size;
  if (ihigh < ilow) ihigh = ilow;
  if (ihigh > a->size) ihigh = a->size;
  const int64_t norig = ihigh - ilow;
  const int64_t d = n - norig;
  if (a->size + d == 0) {
    ClearItems(a);
    return 0;
  }
  std::vector<Value> recycle(a->items + ilow, a->items + ihigh);
  const int64_t old_size = a->size;
  if (d < 0) {
    std::memmove(a->items + ihigh + d, a->items + ihigh,
                 (old_size - ihigh) * sizeof(Value));
    if (!Resize(a, old_size + d)) {
      // Shrinking cannot fail in practice; restore the tail to keep the list valid.
      std::memmove(a->items + ihigh, a->items + ihigh + d, (old_size - ihigh) * sizeof(Value));
      return -1;
    }
  } else if (d > 0) {
    if (!Resize(a, old_size + d)) return -1;
    std::memmove(a->items + ihigh + d, a->items + ihigh,
                 (old_size - ihigh) * sizeof(Value));
  }
  for (int64_t k = 0; k < n; ++k) {
    Incref(vitems[k]);
    a->items[ilow + k] = vitems[k];
  }
  for (auto it = recycle.rbegin(); it != recycle.rend(); ++it) Decref(*it);
  return 0;
}

// --- sequence slots ---------------------------------------------------------------------

int64_t ListLength(Value self) { return L(self)->size; }

Value ListItemSlot(Value self, int64_t i) {
  ListObject* l = L(self);
  if (i < 0 || i >= l->size) return Error(&kIndexErrorType, "list index out of range");
  Incref(l->items[i]);
  return l->items[i];
}

Value ListSubscript(Value self, Value key) {
  ListObject* l = L(self);
  if (key.is_small_int() || (!IsSlice(key) && HasIndex(key))) {
    int64_t i;
    if (key.is_small_int()) {
      i = key.small_int();
    } else {
      i = AsIndex(key, &kIndexErrorType);
      if (i == -1 && ErrorOccurred()) return Value();
    }
    if (i < 0) i += l->size;
    return ListItemSlot(self, i);
  }
  if (IsSlice(key)) {
    int64_t start, stop, step;
    if (SliceUnpack(key, &start, &stop, &step) < 0) return Value();
    int64_t n = SliceAdjustIndices(l->size, &start, &stop, step);
    if (n <= 0) return NewList(0);
    if (step == 1) return SliceNew(l, start, stop);
    Value v = AllocList(&kListType);
    if (!v) return Value();
    if (!Preallocate(L(v), n)) {
      Decref(v);
      return Value();
    }
    for (int64_t k = 0, cur = start; k < n; ++k, cur += step) {
      Incref(l->items[cur]);
      L(v)->items[k] = l->items[cur];
    }
    L(v)->size = n;
    TrackObject(v);
    return v;
  }
  RaiseNew(&kTypeErrorType, "list indices must be integers or slices, not %T", key);
  return Value();
}

int AssItem(Value self, int64_t i, Value value) {
  ListObject* l = L(self);
  if (i < 0 || i >= l->size) {
    RaiseMessage(&kIndexErrorType, "list assignment index out of range");
    return -1;
  }
  if (!value) return AssSlice(self, i, i + 1, Value());
  Value old = l->items[i];
  Incref(value);
  l->items[i] = value;
  Decref(old);
  return 0;
}

int ListAssSubscript(Value self, Value key, Value value) {
  ListObject* l = L(self);
  if (key.is_small_int() || (!IsSlice(key) && HasIndex(key))) {
    int64_t i;
    if (key.is_small_int()) {
      i = key.small_int();
    } else {
      i = AsIndex(key, &kIndexErrorType);
      if (i == -1 && ErrorOccurred()) return -1;
    }
    if (i < 0) i += l->size;
    return AssItem(self, i, value);
  }
  if (!IsSlice(key)) {
    RaiseNew(&kTypeErrorType, "list indices must be integers or slices, not %T", key);
    return -1;
  }
  int64_t start, stop, step;
  if (SliceUnpack(key, &start, &stop, &step) < 0) return -1;
  int64_t slicelength = SliceAdjustIndices(l->size, &start, &stop, step);
  if (step == 1) return AssSlice(self, start, stop, value);
  if (!value) {
    // Deletion of an extended slice: compact the kept items.
    if (slicelength <= 0) return 0;
    std::vector<bool> drop(static_cast<size_t>(l->size), false);
    std::vector<Value> garbage;
    garbage.reserve(static_cast<size_t>(slicelength));
    for (int64_t k = 0, cur = start; k < slicelength; ++k, cur += step) {
      drop[static_cast<size_t>(cur)] = true;
      garbage.push_back(l->items[cur]);
    }
    int64_t w = 0;
    for (int64_t r = 0; r < l->size; ++r) {
      if (!drop[static_cast<size_t>(r)]) l->items[w++] = l->items[r];
    }
    if (!Resize(l, w)) l->size = w;  // shrinking keeps the array on failure
    ClearError();
    for (Value g : garbage) Decref(g);
    return 0;
  }
  Ref seq;
  if (value == self) {
    Ref copy = Ref::Steal(SliceNew(l, 0, l->size));
    if (!copy) return -1;
    seq = Ref::Steal(SequenceFast(copy.get(), "must assign iterable to extended slice"));
  } else {
    seq = Ref::Steal(SequenceFast(value, "must assign iterable to extended slice"));
  }
  if (!seq) return -1;
  const int64_t n = SequenceFastSize(seq.get());
  if (n != slicelength) {
    RaiseNew(&kValueErrorType,
             "attempt to assign sequence of size %lld to extended slice of size %lld",
             static_cast<long long>(n), static_cast<long long>(slicelength));
    return -1;
  }
  if (slicelength == 0) return 0;
  const Value* src = SequenceFastItems(seq.get());
  std::vector<Value> garbage;
  garbage.reserve(static_cast<size_t>(slicelength));
  for (int64_t k = 0, cur = start; k < slicelength; ++k, cur += step) {
    garbage.push_back(l->items[cur]);
    Incref(src[k]);
    l->items[cur] = src[k];
  }
  for (Value g : garbage) Decref(g);
  return 0;
}

int ListContains(Value self, Value el) {
  ListObject* l = L(self);
  for (int64_t i = 0; i < l->size; ++i) {
    Ref item = Ref::Borrow(l->items[i]);
    int cmp = RichCompareBool(item.get(), el, CompareOp::kEq);
    if (cmp != 0) return cmp;
  }
  return 0;
}

Value ListConcat(Value a, Value b) {
  if (!IsList(b)) {
    RaiseNew(&kTypeErrorType, "can only concatenate list (not \"%.200s\") to list",
             TypeName(TypeOf(b)));
    return Value();
  }
  ListObject* la = L(a);
  ListObject* lb = L(b);
  if (la->size > kMaxListSize - lb->size) return RaiseNoMemory();
  const int64_t n = la->size + lb->size;
  Value v = AllocList(&kListType);
  if (!v) return Value();
  if (!Preallocate(L(v), n)) {
    Decref(v);
    return Value();
  }
  for (int64_t i = 0; i < la->size; ++i) {
    Incref(la->items[i]);
    L(v)->items[i] = la->items[i];
  }
  for (int64_t i = 0; i < lb->size; ++i) {
    Incref(lb->items[i]);
    L(v)->items[la->size + i] = lb->items[i];
  }
  L(v)->size = n;
  TrackObject(v);
  return v;
}

Value ListRepeat(Value self, int64_t count) {
  ListObject* a = L(self);
  if (count < 0) count = 0;
  if (count == 0 || a->size == 0) return NewList(0);
  if (a->size > kMaxListSize / count) return RaiseNoMemory();
  const int64_t n = a->size * count;
  Value v = AllocList(&kListType);
  if (!v) return Value();
  if (!Preallocate(L(v), n)) {
    Decref(v);
    return Value();
  }
  Value* dst = L(v)->items;
  for (int64_t c = 0; c < count; ++c) {
    for (int64_t i = 0; i < a->size; ++i) {
      Incref(a->items[i]);
      *dst++ = a->items[i];
    }
  }
  L(v)->size = n;
  TrackObject(v);
  return v;
}

Value ListInplaceConcat(Value self, Value other) {
  if (ListExtend(self, other) < 0) return Value();
  Incref(self);
  return self;
}

Value ListInplaceRepeat(Value self, int64_t count) {
  ListObject* a = L(self);
  const int64_t size = a->size;
  if (size == 0 || count == 1) {
    Incref(self);
    return self;
  }
  if (count < 1) {
    ClearItems(a);
    Incref(self);
    return self;
  }
  if (size > kMaxListSize / count) return RaiseNoMemory();
  if (!Resize(a, size * count)) return Value();
  for (int64_t c = 1; c < count; ++c) {
    for (int64_t i = 0; i < size; ++i) {
      Incref(a->items[i]);
      a->items[c * size + i] = a->items[i];
    }
  }
  Incref(self);
  return self;
}

// --- comparison, repr -------------------------------------------------------------------

Value ListRichCompare(Value v, Value w, CompareOp op) {
  if (!IsList(w)) return NewNotImplemented();
  ListObject* vl = L(v);
  ListObject* wl = L(w);
  if (vl->size != wl->size && (op == CompareOp::kEq || op == CompareOp::kNe)) {
    return NewBool(op == CompareOp::kNe);
  }
  int64_t i = 0;
  for (; i < vl->size && i < wl->size; ++i) {
    Value vi = vl->items[i];
    Value wi = wl->items[i];
    if (vi == wi) continue;
    Incref(vi);
    Incref(wi);
    int k = RichCompareBool(vi, wi, CompareOp::kEq);
    Decref(vi);
    Decref(wi);
    if (k < 0) return Value();
    if (k == 0) break;
  }
  if (i >= vl->size || i >= wl->size) {
    return NewBool(CompareHolds<int64_t>(vl->size, wl->size, op));
  }
  if (op == CompareOp::kEq) return NewBool(false);
  if (op == CompareOp::kNe) return NewBool(true);
  Ref vi = Ref::Borrow(vl->items[i]);
  Ref wi = Ref::Borrow(wl->items[i]);
  return RichCompare(vi.get(), wi.get(), op);
}

Value ListReprSlot(Value self) {
  ListObject* l = L(self);
  if (l->size == 0) return NewStr("[]");
  int r = ReprEnter(self);
  if (r != 0) return r > 0 ? NewStr("[...]") : Value();
  StrBuilder b;
  b.Append("[");
  for (int64_t i = 0; i < l->size; ++i) {
    if (i > 0) b.Append(", ");
    Ref item = Ref::Borrow(l->items[i]);
    Ref s = Ref::Steal(Repr(item.get()));
    if (!s) {
      ReprLeave(self);
      return Value();
    }
    b.AppendStr(s.get());
  }
  b.Append("]");
  ReprLeave(self);
  return b.Finish();
}

// --- construction -----------------------------------------------------------------------

Value ListNewSlot(TypeObject* type, const Value*, size_t, Value) {
  Value v = AllocList(type);
  if (!v) return Value();
  TrackObject(v);
  return v;
}

int ListInitSlot(Value self, const Value* args, size_t nargs, Value kwnames) {
  TypeObject* t = TypeOf(self);
  if ((t == &kListType || t->new_ == kListType.new_) && !CheckNoKeywords("list", kwnames)) {
    return -1;
  }
  if (!CheckPositional("list", nargs, 0, 1)) return -1;
  ClearItems(L(self));
  if (nargs == 1) return ListExtend(self, args[0]);
  return 0;
}

// --- methods ----------------------------------------------------------------------------

Value MAppend(Value self, Value item) {
  if (ListAppend(self, item) < 0) return Value();
  return NewNone();
}

Value MExtend(Value self, Value iterable) {
  if (ListExtend(self, iterable) < 0) return Value();
  return NewNone();
}

Value MInsert(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("insert", nargs, 2, 2)) return Value();
  int64_t i;
  if (!SsizeArg(args[0], &i)) return Value();
  if (ListInsert(self, i, args[1]) < 0) return Value();
  return NewNone();
}

Value MPop(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("pop", nargs, 0, 1)) return Value();
  int64_t i = -1;
  if (nargs == 1 && !SsizeArg(args[0], &i)) return Value();
  ListObject* l = L(self);
  if (l->size == 0) return Error(&kIndexErrorType, "pop from empty list");
  if (i < 0) i += l->size;
  if (i < 0 || i >= l->size) return Error(&kIndexErrorType, "pop index out of range");
  Value v = l->items[i];
  std::memmove(l->items + i, l->items + i + 1, (l->size - i - 1) * sizeof(Value));
  if (!Resize(l, l->size - 1)) {
    l->size -= 1;  // keep the (now smaller) list consistent; shrink failures are harmless
    ClearError();
  }
  return v;  // the list's reference passes to the caller
}

Value MRemove(Value self, Value value) {
  ListObject* l = L(self);
  for (int64_t i = 0; i < l->size; ++i) {
    Ref item = Ref::Borrow(l->items[i]);
    int cmp = RichCompareBool(item.get(), value, CompareOp::kEq);
    if (cmp < 0) return Value();
    if (cmp > 0) {
      if (AssSlice(self, i, i + 1, Value()) < 0) return Value();
      return NewNone();
    }
  }
  return Error(&kValueErrorType, "list.remove(x): x not in list");
}

Value MIndex(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("index", nargs, 1, 3)) return Value();
  ListObject* l = L(self);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs >= 2 && !SliceIndexNotNone(args[1], &start)) return Value();
  if (nargs >= 3 && !SliceIndexNotNone(args[2], &stop)) return Value();
  if (start < 0) {
    start += l->size;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += l->size;
    if (stop < 0) stop = 0;
  }
  for (int64_t i = start; i < stop && i < l->size; ++i) {
    Ref item = Ref::Borrow(l->items[i]);
    int cmp = RichCompareBool(item.get(), args[0], CompareOp::kEq);
    if (cmp < 0) return Value();
    if (cmp > 0) return NewInt(i);
  }
  RaiseNew(&kValueErrorType, "%R is not in list", args[0]);
  return Value();
}

Value MCount(Value self, Value value) {
  ListObject* l = L(self);
  int64_t count = 0;
  for (int64_t i = 0; i < l->size; ++i) {
    Value item = l->items[i];
    if (item == value) {
      ++count;
      continue;
    }
    Incref(item);
    int cmp = RichCompareBool(item, value, CompareOp::kEq);
    Decref(item);
    if (cmp < 0) return Value();
    count += cmp;
  }
  return NewInt(count);
}

Value MClear(Value self) {
  ClearItems(L(self));
  return NewNone();
}

Value MCopy(Value self) { return SliceNew(L(self), 0, L(self)->size); }

Value MReverse(Value self) {
  ListReverse(self);
  return NewNone();
}

Value MSort(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 0) return Error(&kTypeErrorType, "sort() takes no positional arguments");
  Value out[2];
  static const ArgSpec spec{"sort", {"key", "reverse"}, 0, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  bool reverse = false;
  if (out[1]) {
    Ref r = Ref::Steal(Index(out[1]));
    if (!r) return Value();
    int64_t x;
    if (!IntToInt64(r.get(), &x) || x < INT32_MIN || x > INT32_MAX) {
      return Error(&kOverflowErrorType, "Python int too large to convert to C int");
    }
    reverse = x != 0;
  }
  if (ListSort(self, out[0], reverse) < 0) return Value();
  return NewNone();
}

Value MSizeof(Value self) {
  const int64_t alloc = L(self)->allocated < 0 ? 0 : L(self)->allocated;
  return NewInt(static_cast<int64_t>(TypeOf(self)->basicsize) +
                alloc * static_cast<int64_t>(sizeof(Value)));
}

Value NewListIter(TypeObject* t, Value list, int64_t index) {
  Value v = AllocInstance(t);
  if (!v) return Value();
  struct It {
    Object head;
    int64_t index;
    Value seq;
  };
  auto* it = reinterpret_cast<It*>(v.object());
  it->index = index;
  Incref(list);
  it->seq = list;
  TrackObject(v);
  return v;
}

Value MReversed(Value self) {
  return NewListIter(&kListReverseIteratorType, self, L(self)->size - 1);
}

const MethodDef kListMethods[] = {
    MethodDef::NoArgs("__reversed__", MReversed,
                      "Return a reverse iterator over the list."),
    MethodDef::NoArgs("__sizeof__", MSizeof, "Return the size of the list in memory, in bytes."),
    MethodDef::NoArgs("clear", MClear, "Remove all items from list."),
    MethodDef::NoArgs("copy", MCopy, "Return a shallow copy of the list."),
    MethodDef::OneArg("append", MAppend, "Append object to the end of the list."),
    MethodDef::Fast("insert", MInsert, "Insert object before index."),
    MethodDef::OneArg("extend", MExtend, "Extend list by appending elements from the iterable."),
    MethodDef::Fast("pop", MPop,
                    "Remove and return item at index (default last).\n\n"
                    "Raises IndexError if list is empty or index is out of range."),
    MethodDef::OneArg("remove", MRemove,
                      "Remove first occurrence of value.\n\n"
                      "Raises ValueError if the value is not present."),
    MethodDef::Fast("index", MIndex,
                    "Return first index of value.\n\n"
                    "Raises ValueError if the value is not present."),
    MethodDef::OneArg("count", MCount, "Return number of occurrences of value."),
    MethodDef::NoArgs("reverse", MReverse, "Reverse *IN PLACE*."),
    MethodDef::FastKw("sort", MSort,
                      "Sort the list in ascending order and return None.\n\n"
                      "The sort is in-place (i.e. the list itself is modified) and stable "
                      "(i.e. the\norder of two equal elements is maintained).\n\n"
                      "If a key function is given, apply it once to each list item and "
                      "sort them,\nascending or descending, according to their function "
                      "values.\n\nThe reverse flag can be set to sort in descending order."),
    {},
};

// --- iterators --------------------------------------------------------------------------

struct ListIterObject {
  Object head;
  int64_t index;
  Value seq;  // owned; Value{} once exhausted
};

ListIterObject* I(Value v) { return reinterpret_cast<ListIterObject*>(v.object()); }

int IterTraverse(Object* self, gc::VisitFn visit, void* arg) {
  auto* it = reinterpret_cast<ListIterObject*>(self);
  if (Object* o = it->seq.object_or_null()) return visit(o, arg);
  return 0;
}

void IterClear(Object* self) {
  auto* it = reinterpret_cast<ListIterObject*>(self);
  Value s = it->seq;
  it->seq = Value();
  Decref(s);
}

void IterDealloc(Object* self) {
  gc::Collector::Untrack(self);
  Decref(reinterpret_cast<ListIterObject*>(self)->seq);
  FreeInstance(self);
}

Value ListIterNext(Value self) {
  ListIterObject* it = I(self);
  if (!it->seq) return Value();
  ListObject* l = L(it->seq);
  if (it->index < l->size) {
    Value v = l->items[it->index++];
    Incref(v);
    return v;
  }
  Value s = it->seq;
  it->seq = Value();
  Decref(s);
  return Value();
}

Value ListIterLengthHint(Value self) {
  ListIterObject* it = I(self);
  if (!it->seq) return NewInt(0);
  int64_t n = L(it->seq)->size - it->index;
  return NewInt(n < 0 ? 0 : n);
}

Value ListIterSetState(Value self, Value state) {
  int64_t index;
  if (!IsInt(state)) return Error(&kTypeErrorType, "an integer is required");  // PyLong_AsSsize_t
  if (!SsizeArg(state, &index)) return Value();
  ListIterObject* it = I(self);
  if (it->seq) {
    if (index < 0) index = 0;
    if (index > L(it->seq)->size) index = L(it->seq)->size;
    it->index = index;
  }
  return NewNone();
}

Value ListRevIterNext(Value self) {
  ListIterObject* it = I(self);
  if (!it->seq) return Value();
  ListObject* l = L(it->seq);
  if (it->index >= 0 && it->index < l->size) {
    Value v = l->items[it->index--];
    Incref(v);
    return v;
  }
  it->index = -1;
  Value s = it->seq;
  it->seq = Value();
  Decref(s);
  return Value();
}

Value ListRevIterLengthHint(Value self) {
  ListIterObject* it = I(self);
  int64_t n = it->index + 1;
  if (!it->seq || L(it->seq)->size < n) n = 0;
  return NewInt(n);
}

Value ListRevIterSetState(Value self, Value state) {
  int64_t index;
  if (!IsInt(state)) return Error(&kTypeErrorType, "an integer is required");  // PyLong_AsSsize_t
  if (!SsizeArg(state, &index)) return Value();
  ListIterObject* it = I(self);
  if (it->seq) {
    if (index < -1) index = -1;
    if (index > L(it->seq)->size - 1) index = L(it->seq)->size - 1;
    it->index = index;
  }
  return NewNone();
}

Value ListIterReduce(Value self) {
  ListIterObject* it = I(self);
  return core_internal::SeqIterReduce("iter", it->seq, it->index, it->seq ? Value() : NewList(0));
}
Value ListRevIterReduce(Value self) {
  ListIterObject* it = I(self);
  // Exhausted, CPython reduces to iter([]) rather than reversed([]).
  return core_internal::SeqIterReduce(it->seq ? "reversed" : "iter", it->seq, it->index,
                                      it->seq ? Value() : NewList(0));
}

Value ListIterSlot(Value self) { return NewListIter(&kListIteratorType, self, 0); }

const MethodDef kListIterMethods[] = {
    MethodDef::NoArgs("__length_hint__", ListIterLengthHint,
                      "Private method returning an estimate of len(list(it))."),
    MethodDef::OneArg("__setstate__", ListIterSetState,
                      "Set state information for unpickling."),
    MethodDef::NoArgs("__reduce__", ListIterReduce, "Return state information for pickling."),
    {},
};
const MethodDef kListRevIterMethods[] = {
    MethodDef::NoArgs("__length_hint__", ListRevIterLengthHint,
                      "Private method returning an estimate of len(list(it))."),
    MethodDef::OneArg("__setstate__", ListRevIterSetState,
                      "Set state information for unpickling."),
    MethodDef::NoArgs("__reduce__", ListRevIterReduce, "Return state information for pickling."),
    {},
};

void ReadyListIter(TypeObject* type, const char* name, IterNextFn next,
                   const MethodDef* methods) {
  TypeInit it(type, name, sizeof(ListIterObject));
  it.final().gc().flags(kTypeDisallowInstantiation);
  it.type->hooks.traverse = IterTraverse;
  it.type->hooks.clear = IterClear;
  it.type->hooks.dealloc = IterDealloc;
  it.type->iter = IterSelf;
  it.type->iternext = next;
  it.methods(methods);
  it.Ready();
}

void InitList() {
  TypeInit t(&kListType, "list", sizeof(ListObject));
  t.gc().flags(kTypeListSubclass | kTypeSequence);
  TypeObject* lt = t.type;
  lt->hooks.traverse = ListTraverse;
  lt->hooks.clear = ListClearSlot;
  lt->hooks.dealloc = ListDealloc;
  lt->repr = ListReprSlot;
  lt->richcompare = ListRichCompare;
  lt->iter = ListIterSlot;
  lt->init = ListInitSlot;
  lt->new_ = ListNewSlot;
  lt->length = ListLength;
  lt->subscript = ListSubscript;
  lt->ass_subscript = ListAssSubscript;
  lt->contains = ListContains;
  lt->concat = ListConcat;
  lt->repeat = ListRepeat;
  lt->inplace_concat = ListInplaceConcat;
  lt->inplace_repeat = ListInplaceRepeat;
  lt->item = ListItemSlot;
  t.methods(kListMethods);
  t.doc("list(iterable=(), /)\n--\n\nBuilt-in mutable sequence.\n\n"
        "If no argument is given, the constructor creates a new empty list.\n"
        "The argument must be an iterable if specified.");
  t.Ready();

  // Core functions that return lists (type.mro(), __subclasses__(), __notes__, ...).
  g_list_from_array = ListFromArray;

  ReadyListIter(&kListIteratorType, "list_iterator", ListIterNext, kListIterMethods);
  ReadyListIter(&kListReverseIteratorType, "list_reverseiterator", ListRevIterNext,
                kListRevIterMethods);
}

InitRegistration g_list_init(InitPhase::kBuiltinTypes, InitList);

}  // namespace

// --- public API -------------------------------------------------------------------------

Value NewList(int64_t size) {
  if (size < 0) {
    RaiseBadInternalCall();
    return Value();
  }
  Value v = AllocList(&kListType);
  if (!v) return Value();
  if (!Preallocate(L(v), size)) {
    Decref(v);
    return Value();
  }
  L(v)->size = size;
  TrackObject(v);
  return v;
}

Value ListFromArray(const Value* items, size_t n) {
  Value v = NewList(static_cast<int64_t>(n));
  if (!v) return Value();
  for (size_t i = 0; i < n; ++i) {
    Incref(items[i]);
    L(v)->items[i] = items[i];
  }
  return v;
}

Value ListFromIterable(Value iterable) {
  Ref v = Ref::Steal(NewList(0));
  if (!v) return Value();
  if (ListExtend(v.get(), iterable) < 0) return Value();
  return v.release();
}

int ListAppend(Value list, Value item) {
  ListObject* l = L(list);
  const int64_t n = l->size;
  if (l->allocated > n) {
    Incref(item);
    l->items[n] = item;
    l->size = n + 1;
    return 0;
  }
  if (!Resize(l, n + 1)) return -1;
  Incref(item);
  l->items[n] = item;
  return 0;
}

int ListInsert(Value list, int64_t where, Value item) {
  ListObject* l = L(list);
  const int64_t n = l->size;
  if (!Resize(l, n + 1)) return -1;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  std::memmove(l->items + where + 1, l->items + where, (n - where) * sizeof(Value));
  Incref(item);
  l->items[where] = item;
  return 0;
}

int ListExtend(Value list, Value iterable) {
  ListObject* l = L(list);
  if (IsExactList(iterable) || IsExactTuple(iterable) || iterable == list) {
    const int64_t n = IsTuple(iterable) ? TupleSize(iterable) : L(iterable)->size;
    if (n == 0) return 0;
    const int64_t m = l->size;
    if (m > kMaxListSize - n) {
      RaiseNoMemory();
      return -1;
    }
    if (!Resize(l, m + n)) return -1;
    const Value* src = IsTuple(iterable) ? TupleItems(iterable) : L(iterable)->items;
    for (int64_t i = 0; i < n; ++i) {
      Incref(src[i]);
      l->items[m + i] = src[i];
    }
    return 0;
  }
  Ref it = Ref::Steal(GetIter(iterable));
  if (!it) return -1;
  // Presize from the length hint, as CPython does (shrunk to fit at the end).
  int64_t hint = LengthHint(iterable, 8);
  if (hint < 0) return -1;
  const int64_t m = l->size;
  if (hint > 0 && m <= kMaxListSize - hint) {
    if (!Resize(l, m + hint)) return -1;
    l->size = m;
  }
  while (true) {
    Value item;
    IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return -1;
    if (r == IterResult::kDone) break;
    int rc = ListAppend(list, item);
    Decref(item);
    if (rc < 0) return -1;
  }
  if (l->size < l->allocated && l->allocated >= 0) {
    if (!Resize(l, l->size)) return -1;
  }
  return 0;
}

Value ListGetSlice(Value list, int64_t lo, int64_t hi) {
  ListObject* l = L(list);
  if (lo < 0) lo = 0;
  if (lo > l->size) lo = l->size;
  if (hi < lo) hi = lo;
  if (hi > l->size) hi = l->size;
  return SliceNew(l, lo, hi);
}

int ListSetSlice(Value list, int64_t lo, int64_t hi, Value iterable) {
  return AssSlice(list, lo, hi, iterable);
}

int ListSort(Value list, Value key, bool reverse) {
  ListObject* l = L(list);
  // Empty the list while sorting (see list.h).
  Value* const saved_items = l->items;
  const int64_t saved_size = l->size;
  const int64_t saved_alloc = l->allocated;
  l->items = nullptr;
  l->size = 0;
  l->allocated = -1;

  int result = 0;
  const bool use_key = key && !IsNone(key);
  std::vector<Value> keys;
  bool keys_ok = true;
  if (use_key) {
    keys.reserve(static_cast<size_t>(saved_size));
    for (int64_t i = 0; i < saved_size; ++i) {
      Value k = Call1(key, saved_items[i]);
      if (!k) {
        keys_ok = false;
        result = -1;
        break;
      }
      keys.push_back(k);
    }
  }
  if (keys_ok) {
    if (reverse && saved_size > 1) {
      std::reverse(saved_items, saved_items + saved_size);
      if (use_key) std::reverse(keys.begin(), keys.end());
    }
    // Homogeneous keys of exact str, int or float compare without dispatch (their `<`
    // cannot be overridden), as CPython's unsafe_*_compare pre-check does.
    const Value* sort_keys = use_key ? keys.data() : saved_items;
    enum class Kind { kGeneric, kStr, kInt, kFloat } kind = Kind::kGeneric;
    if (saved_size > 1) {
      auto kind_of = [](Value v) {
        if (IsExactInt(v)) return Kind::kInt;
        if (v.is_object() && TypeOf(v) == &kStrType) return Kind::kStr;
        if (v.is_object() && TypeOf(v) == &kFloatType) return Kind::kFloat;
        return Kind::kGeneric;
      };
      kind = kind_of(sort_keys[0]);
      for (int64_t i = 1; i < saved_size && kind != Kind::kGeneric; ++i) {
        if (kind_of(sort_keys[i]) != kind) kind = Kind::kGeneric;
      }
    }
    auto to_less = [](bool b) { return b ? timsort::Less::kTrue : timsort::Less::kFalse; };
    auto generic_lt = [&](const Value& a, const Value& b) -> timsort::Less {
      if (a.is_small_int() && b.is_small_int()) return to_less(a.small_int() < b.small_int());
      int r = RichCompareBool(a, b, CompareOp::kLt);
      if (r < 0) return timsort::Less::kError;
      return to_less(r != 0);
    };
    auto lt = [&](const Value& a, const Value& b) -> timsort::Less {
      switch (kind) {
        case Kind::kStr: return to_less(StrCompare(a, b) < 0);
        case Kind::kInt: return to_less(IntCompare(a, b) < 0);
        case Kind::kFloat: return to_less(FloatValue(a) < FloatValue(b));
        case Kind::kGeneric: break;
      }
      return generic_lt(a, b);
    };
    timsort::Status st = timsort::Status::kOk;
    if (saved_size > 1) {
      if (use_key) {
        st = timsort::sort_by_key(keys.begin(), keys.end(), saved_items, lt);
      } else {
        st = timsort::sort(saved_items, saved_items + saved_size, lt);
      }
    }
    if (st != timsort::Status::kOk) result = -1;
    for (Value k : keys) Decref(k);
    keys.clear();
    if (l->allocated != -1 && result == 0) {
      RaiseMessage(&kValueErrorType, "list modified during sort");
      result = -1;
    }
    if (reverse && saved_size > 1) std::reverse(saved_items, saved_items + saved_size);
  } else {
    for (Value k : keys) Decref(k);
  }
  // Put the sorted items back and drop whatever was added meanwhile.
  Value* final_items = l->items;
  int64_t final_size = l->size;
  l->items = saved_items;
  l->size = saved_size;
  l->allocated = saved_alloc;
  if (final_items != nullptr) {
    Ref pending = Ref::Steal(FetchError());
    while (--final_size >= 0) Decref(final_items[final_size]);
    memory::DefaultAllocator().Free(final_items);
    RestoreError(pending.release());
  }
  return result;
}

void ListReverse(Value list) {
  ListObject* l = L(list);
  if (l->size > 1) std::reverse(l->items, l->items + l->size);
}

Value ListAsTuple(Value list) {
  return TupleFromArray(L(list)->items, static_cast<size_t>(L(list)->size));
}

void ListClear(Value list) { ClearItems(L(list)); }


}  // namespace pyrt

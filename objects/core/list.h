// list.h — Python's list: a mutable, growable array of Values, and its iterators.
//
// Layout:
//
//   +---------+------------+------+-----------+-------+
//   | gc hdr  | ObjectHead | size | allocated | items |---> [v0, v1, ..., v(size-1), spare...]
//   +---------+------------+------+-----------+-------+      (pooled memory, `allocated` slots)
//
// Invariants: 0 <= size <= allocated; items[0..size) are owned references; items is null
// iff allocated == 0 (outside of sort). Growth over-allocates as CPython's list_resize
// (newsize + newsize/8 + 6, rounded down to a multiple of 4), so `__sizeof__` matches.
//
// While list.sort() runs the list is emptied (items null, size 0, allocated -1); a key
// function or comparison that mutates the list is detected afterwards ("list modified
// during sort"), as in CPython. The sort is //objects/timsort with Python's `<`
// (RichCompareBool) as a fallible comparator; key= sorts keys with items following;
// reverse= reverses before and after sorting, which keeps the sort stable.
//
// A list is a gc container (traverse visits the items, clear drops them). repr uses the
// ReprEnter guard ("[...]" for a list that contains itself).
//
// The functions below follow the core's conventions (type.h): borrowed arguments, new
// references returned, Value{} / -1 after raising. The GIL must be held.
#ifndef PYRT_OBJECTS_CORE_LIST_H_
#define PYRT_OBJECTS_CORE_LIST_H_

#include <cstddef>
#include <cstdint>

#include "objects/core/abstract.h"
#include "objects/core/type.h"

namespace pyrt {

struct ListObject {
  Object head;
  int64_t size;
  int64_t allocated;
  Value* items;
};

extern TypeObject kListType;
extern TypeObject kListIteratorType;         // iter([]):     list_iterator
extern TypeObject kListReverseIteratorType;  // reversed([]): list_reverseiterator

[[nodiscard]] inline bool IsList(Value v) {
  return v.is_object() && HasFlag(TypeOf(v), kTypeListSubclass);
}
[[nodiscard]] inline bool IsExactList(Value v) { return v.is_object() && TypeOf(v) == &kListType; }
[[nodiscard]] inline ListObject* AsListObject(Value v) {
  return reinterpret_cast<ListObject*>(v.object());
}

// A new list of `size` items, each Value{} until set with ListSetItemInit (PyList_New).
// It must be completely filled before it is shared. Value{} + MemoryError.
[[nodiscard]] Value NewList(int64_t size);
// Stores `item` (stealing it) at index i of a list being filled (PyList_SET_ITEM).
inline void ListSetItemInit(Value list, int64_t i, Value item) {
  AsListObject(list)->items[i] = item;
}
// A list of the borrowed items (each increfed).
[[nodiscard]] Value ListFromArray(const Value* items, size_t n);
// list(iterable).
[[nodiscard]] Value ListFromIterable(Value iterable);

[[nodiscard]] inline int64_t ListSize(Value list) { return AsListObject(list)->size; }
// Borrowed item, no bounds check.
[[nodiscard]] inline Value ListItem(Value list, int64_t i) { return AsListObject(list)->items[i]; }
[[nodiscard]] inline Value* ListItems(Value list) { return AsListObject(list)->items; }

// list.append(item) (increfs item). 0 or -1 (MemoryError).
[[nodiscard]] int ListAppend(Value list, Value item);
// list.insert(index, item) with Python's clamping of `index`.
[[nodiscard]] int ListInsert(Value list, int64_t index, Value item);
// list.extend(iterable). 0 or -1.
[[nodiscard]] int ListExtend(Value list, Value iterable);
// list[lo:hi] (clamped), new list.
[[nodiscard]] Value ListGetSlice(Value list, int64_t lo, int64_t hi);
// list[lo:hi] = iterable (Value{} deletes). 0 or -1.
[[nodiscard]] int ListSetSlice(Value list, int64_t lo, int64_t hi, Value iterable);
// list.sort(key=key, reverse=reverse); key Value{} or None for no key. 0 or -1.
[[nodiscard]] int ListSort(Value list, Value key, bool reverse);
// list.reverse().
void ListReverse(Value list);
// tuple(list).
[[nodiscard]] Value ListAsTuple(Value list);
// list.clear().
void ListClear(Value list);

// dir(obj): the same as abstract.h's Dir (kept for callers of the earlier name).
[[nodiscard]] inline Value DirList(Value obj) { return Dir(obj); }

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_LIST_H_

// tuple.h — Python's tuple: an immutable array of Values.
//
// Layout: ObjectHead, size, then `size` Values inline (one allocation, a gc container:
// tuples can be part of cycles through mutable members). The empty tuple is a single
// immortal object. Items are owned references. While a tuple is being filled (after
// NewTuple, before anyone else sees it) TupleSetItem may store into it; afterwards it is
// immutable.
#ifndef PYRT_OBJECTS_CORE_TUPLE_H_
#define PYRT_OBJECTS_CORE_TUPLE_H_

#include <cstdint>
#include <initializer_list>

#include "objects/core/type.h"

namespace pyrt {

struct TupleObject {
  Object head;
  int64_t size;
  Value items[1];  // actually `size` items (at least one word allocated)
};

extern TypeObject kTupleType;
extern TypeObject kTupleIteratorType;

[[nodiscard]] inline bool IsTuple(Value v) {
  return v.is_object() && HasFlag(TypeOf(v), kTypeTupleSubclass);
}
[[nodiscard]] inline bool IsExactTuple(Value v) { return v.is_object() && TypeOf(v) == &kTupleType; }
[[nodiscard]] inline TupleObject* AsTupleObject(Value v) {
  return reinterpret_cast<TupleObject*>(v.object());
}

// A tuple of `size` items, all Value{}, to be filled with TupleSetItem before it is
// shared (it is gc-tracked at once; traverse and dealloc skip unfilled items).
// New reference or Value{} + MemoryError. NewTuple(0) is the shared empty tuple.
[[nodiscard]] Value NewTuple(int64_t size);
// Stores `item` (stealing the reference) at index i of a tuple being built.
inline void TupleSetItem(Value t, int64_t i, Value item) { AsTupleObject(t)->items[i] = item; }
// A tuple of borrowed items (each increfed).
[[nodiscard]] Value TupleFromArray(const Value* items, size_t n);
[[nodiscard]] Value TuplePack(std::initializer_list<Value> items);
// The empty tuple (borrowed, immortal).
[[nodiscard]] Value EmptyTuple();

[[nodiscard]] inline int64_t TupleSize(Value t) { return AsTupleObject(t)->size; }
// Borrowed item (no bounds check).
[[nodiscard]] inline Value TupleItem(Value t, int64_t i) { return AsTupleObject(t)->items[i]; }
[[nodiscard]] inline const Value* TupleItems(Value t) { return AsTupleObject(t)->items; }
// t[start:stop] (clamped), new reference.
[[nodiscard]] Value TupleSlice(Value t, int64_t start, int64_t stop);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_TUPLE_H_

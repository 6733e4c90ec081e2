// range.h — Python's range: an immutable arithmetic sequence of ints, and its iterators.
//
// A RangeObject holds start, stop, step and the precomputed length as exact int Values
// (small or big: `range(2**100)` works, as in CPython; `len()` of a range longer than
// 2^63-1 raises OverflowError). Indexing, slicing (a slice of a range is a range),
// `in`/count/index for ints are O(1) arithmetic; other values are searched by iteration.
// Equality compares the sequences (range(0) == range(2, 2)), and hash agrees with it.
//
// Iteration: when start, stop, step and the length fit in int64 the iterator is
// `range_iterator` with int64 fields (the fast path of every `for i in range(n)`);
// otherwise `longrange_iterator` over int Values — the same split, and type names, as
// CPython. reversed(range) is a range iterator running backwards.
//
// Immutable, not a gc container. The GIL must be held.
#ifndef PYRT_OBJECTS_CORE_RANGE_H_
#define PYRT_OBJECTS_CORE_RANGE_H_

#include <cstdint>

#include "objects/core/type.h"

namespace pyrt {

struct RangeObject {
  Object head;
  Value start, stop, step, length;  // exact ints, owned
};

extern TypeObject kRangeType;
extern TypeObject kRangeIteratorType;      // range_iterator
extern TypeObject kLongRangeIteratorType;  // longrange_iterator

[[nodiscard]] inline bool IsRange(Value v) { return v.is_object() && TypeOf(v) == &kRangeType; }

// range(start, stop, step) from int Values (converted with __index__). ValueError if step
// is 0. New reference.
[[nodiscard]] Value NewRange(Value start, Value stop, Value step);
// range(start, stop, step) from int64s.
[[nodiscard]] Value NewRangeInt64(int64_t start, int64_t stop, int64_t step);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_RANGE_H_

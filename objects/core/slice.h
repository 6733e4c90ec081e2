// slice.h — slice objects and index normalisation (slice(start, stop, step)).
//
// SliceObject holds three owned Values (None when omitted). SliceUnpack converts them to
// int64 with __index__ (clamping huge values as CPython's PySlice_Unpack does: "slice
// indices must be integers or None or have an __index__ method", "slice step cannot be
// zero"), and SliceAdjustIndices clamps them to a sequence length and returns the number
// of items. Slices are unhashable in 3.11, compare like (start, stop, step) tuples, and
// have indices(length).
#ifndef PYRT_OBJECTS_CORE_SLICE_H_
#define PYRT_OBJECTS_CORE_SLICE_H_

#include <cstdint>

#include "objects/core/type.h"

namespace pyrt {

struct SliceObject {
  Object head;
  Value start, stop, step;
};

extern TypeObject kSliceType;

[[nodiscard]] inline bool IsSlice(Value v) { return v.is_object() && TypeOf(v) == &kSliceType; }
// slice(start, stop, step); Value{} arguments become None. New reference.
[[nodiscard]] Value NewSlice(Value start, Value stop, Value step);
// PySlice_Unpack: 0 or -1.
[[nodiscard]] int SliceUnpack(Value slice, int64_t* start, int64_t* stop, int64_t* step);
// PySlice_AdjustIndices: clamps to `length`, returns the slice length.
[[nodiscard]] int64_t SliceAdjustIndices(int64_t length, int64_t* start, int64_t* stop,
                                         int64_t step);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_SLICE_H_

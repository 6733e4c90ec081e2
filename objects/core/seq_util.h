// seq_util.h — small helpers shared by the container types added beside the core (list,
// range, set, the iterator types, dict views, bytes): CPython's PySequence_Fast, the
// "iter(self) is self" slot, and index normalisation.
//
// These are conveniences over the public core API (abstract.h, errors.h); they keep no
// state. Thread safety: the GIL must be held.
#ifndef PYRT_OBJECTS_CORE_SEQ_UTIL_H_
#define PYRT_OBJECTS_CORE_SEQ_UTIL_H_

#include <cstdint>

#include "objects/core/type.h"

namespace pyrt {

// PySequence_Fast: `v` itself (a new reference) if it is a list or tuple, else a new list
// of its items. If `v` is not iterable the TypeError is replaced by TypeError(message).
// Value{} on error.
[[nodiscard]] Value SequenceFast(Value v, const char* message);
// The items and size of a SequenceFast result (a list or tuple). Borrowed; valid while the
// sequence is not modified.
[[nodiscard]] const Value* SequenceFastItems(Value seq);
[[nodiscard]] int64_t SequenceFastSize(Value seq);

// The tp_iter of iterators: returns self (new reference).
[[nodiscard]] Value IterSelf(Value self);

// Converts an index argument with __index__ (clamped, as PyNumber_AsSsize_t(v, NULL) for
// slice bounds). Returns false with TypeError "slice indices must be integers or have an
// __index__ method" for a non-index object (CPython's _PyEval_SliceIndexNotNone).
[[nodiscard]] bool SliceIndexNotNone(Value v, int64_t* out);

// A Py_ssize_t argument (Argument Clinic's conversion): `v.__index__()` as int64, with
// OverflowError "Python int too large to convert to C ssize_t" when it does not fit.
// False with the exception set on error.
[[nodiscard]] bool SsizeArg(Value v, int64_t* out);

// A new list holding every item of `iterable` (list(iterable)). Value{} on error.
[[nodiscard]] Value SequenceToList(Value iterable);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_SEQ_UTIL_H_

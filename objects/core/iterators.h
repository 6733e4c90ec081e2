// iterators.h — the builtin iterator types that are not tied to one container:
//
//   iterator           iter(obj) for objects with only __getitem__ (the sequence
//                      protocol: obj[0], obj[1], ... until IndexError or StopIteration)
//   callable_iterator  iter(callable, sentinel)
//   enumerate          enumerate(iterable, start=0); switches from an int64 counter to
//                      int objects when the count leaves the int64 range
//   zip                zip(*iterables, strict=False), with 3.11's strict-mode messages
//   map                map(func, *iterables)
//   filter             filter(func or None, iterable)
//   reversed           reversed(seq): seq.__reversed__() if defined, else the sequence
//                      protocol from len(seq)-1 down to 0
//
// All are gc containers (they hold arbitrary objects); all are types, as in CPython, so
// `isinstance(x, map)` and subclassing (enumerate, zip, map, filter, reversed) work.
// Exhaustion is signalled the core's way (iternext returns Value{} without an exception).
// The GIL must be held.
#ifndef PYRT_OBJECTS_CORE_ITERATORS_H_
#define PYRT_OBJECTS_CORE_ITERATORS_H_

#include "objects/core/type.h"

namespace pyrt {

extern TypeObject kSeqIterType;       // "iterator"
extern TypeObject kCallIterType;      // "callable_iterator"
extern TypeObject kEnumerateType;     // "enumerate"
extern TypeObject kZipType;           // "zip"
extern TypeObject kMapType;           // "map"
extern TypeObject kFilterType;        // "filter"
extern TypeObject kReversedType;      // "reversed"

// iter(seq) for an object with __getitem__ and no __iter__ (PySeqIter_New). New reference.
[[nodiscard]] Value NewSeqIter(Value seq);
// iter(callable, sentinel) (PyCallIter_New); the caller checks callable(). New reference.
[[nodiscard]] Value NewCallIter(Value callable, Value sentinel);
// reversed(seq) (the builtin's full logic, including __reversed__ and its errors).
[[nodiscard]] Value Reversed(Value seq);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_ITERATORS_H_

// memoryview.h — the memoryview type: a one-dimensional, typed window on another object's
// buffer (bytes, bytearray or another memoryview), without copying.
//
// A MemoryViewObject holds the exporter's BufferView for its whole life (so a bytearray
// cannot be resized while a view exists: "Existing exports of data: object cannot be
// re-sized") until release() or deallocation. On top of that buffer it describes its items:
//
//   start ──► [item 0][...stride...][item 1] ...  length items of `itemsize` bytes each,
//                                                 `stride` bytes apart (negative for [::-1])
//
// Slicing makes a new view on the same exporter with another start/stride/length; cast()
// reinterprets a C-contiguous view with another native single-character struct format
// ('B', 'b', 'c', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'f', 'd', '?').
// Multi-dimensional shapes are not supported (cast with a shape of more than one
// dimension raises NotImplementedError). Messages are CPython 3.11's.
//
// As an exporter itself, a contiguous memoryview hands out its own bytes; a strided one
// hands out a read-only contiguous copy (CPython copies in PyBuffer_ToContiguous there).
//
// Thread safety: the GIL must be held.
#ifndef PYRT_OBJECTS_CORE_MEMORYVIEW_H_
#define PYRT_OBJECTS_CORE_MEMORYVIEW_H_

#include <cstdint>

#include "objects/core/type.h"

namespace pyrt {

struct MemoryViewObject {
  Object head;
  BufferView view;   // the exporter's buffer (view.obj owned while not released)
  char* start;       // first item
  int64_t length;    // number of items
  int64_t stride;    // bytes from one item to the next (may be negative)
  int64_t itemsize;  // bytes per item
  char format;       // struct format character
  bool at_prefix;    // the format was given as "@X" (cast keeps the spelling)
  bool readonly;
  bool released;
  int64_t exports;   // buffers handed out by this view and not yet released
  int64_t hash;      // cached hash, -1 until computed
};

extern TypeObject kMemoryViewType;
extern TypeObject kMemoryIteratorType;  // memory_iterator

[[nodiscard]] inline bool IsMemoryView(Value v) {
  return v.is_object() && TypeOf(v) == &kMemoryViewType;
}
// memoryview(obj): a new view of obj's buffer (TypeError "memoryview: a bytes-like object
// is required, not 'str'"). New reference or Value{}.
[[nodiscard]] Value NewMemoryView(Value obj);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_MEMORYVIEW_H_

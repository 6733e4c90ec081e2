// float.h — Python's float: a boxed IEEE double.
//
// FloatObject holds one double. Arithmetic and special cases come from //objects/floatops,
// repr (shortest round trip) and formatting from //objects/format; the slots (float.cc)
// mix with ints (exactly, as CPython: comparisons between floats and big ints are exact)
// and return NotImplemented for other types.
#ifndef PYRT_OBJECTS_CORE_FLOAT_H_
#define PYRT_OBJECTS_CORE_FLOAT_H_

#include <cstring>

#include "objects/core/type.h"

namespace pyrt {

struct FloatObject {
  Object head;
  double value;
};

extern TypeObject kFloatType;

[[nodiscard]] inline bool IsFloat(Value v) {
  return v.is_object() && HasFlag(TypeOf(v), kTypeFloatSubclass);
}
// Freed exact floats are kept on a free list (CPython keeps 100 too) and reused by
// NewFloat: arithmetic-heavy code allocates and frees one float per operation. A float on
// the list keeps its type word; its value word links to the next one. Empty (capacity
// 0) in sanitizer builds, so that use-after-free stays visible. GIL held.
namespace float_internal {
struct FloatFreeList {
  FloatObject* head = nullptr;
  int count = 0;
  int capacity = 0;  // set when the float type is readied
};
extern FloatFreeList g_free_floats;
[[nodiscard]] Value NewFloatSlow(double d);
}  // namespace float_internal

// New float (new reference) or Value{} + MemoryError.
[[nodiscard]] inline Value NewFloat(double d) {
  float_internal::FloatFreeList& fl = float_internal::g_free_floats;
  FloatObject* f = fl.head;
  if (f == nullptr) return float_internal::NewFloatSlow(d);
  std::memcpy(&fl.head, &f->value, sizeof(FloatObject*));
  --fl.count;
  f->head.refcount = 1;
  f->value = d;
  return Value::FromObject(&f->head);
}
// The double of a float (any IsFloat value). Precondition: IsFloat(v).
[[nodiscard]] inline double FloatValue(Value v) {
  return reinterpret_cast<const FloatObject*>(v.object())->value;
}
// repr(float) as CPython ("1.0", "1e+16", "inf", "nan").
[[nodiscard]] Value FloatRepr(double d);
// x ** y when the result is complex (a negative float to a fractional power). The complex
// type's file installs it; while null, such a power raises ValueError.
extern Value (*g_new_complex_pow)(double x, double y);
// float(text) parsing (str argument) with CPython's messages.
[[nodiscard]] Value FloatFromString(Value str);
// float(b) for a bytes or bytearray `b` (ASCII text; the error message shows repr(b)).
[[nodiscard]] Value FloatFromBytesLike(Value b);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_FLOAT_H_

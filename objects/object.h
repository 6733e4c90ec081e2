// object.h — the object header, reference counting and Ref, the owning handle.
//
// Every Python object begins with gc::ObjectHead {refcount, type} (CPython's
// PyObject_HEAD); containers also carry the collector's two-word header in front of it
// (see gc/collector.h for the layout). The type pointer points at a type object whose
// first member is the collector's gc::TypeHooks table, so the collector and the object
// model read the same words.
//
// Reference counting: a Value that is an object owns, or borrows, one reference; each API
// says which. Incref/Decref are no-ops on small ints and on "no value". When a count drops
// to zero the type's dealloc hook frees the object (and drops what it holds).
//
// Immortal objects (None, True, False, NotImplemented, Ellipsis, small static types)
// start with kImmortalRefcount; no program can drop 2^60 references, so they are never
// freed and need no special case on the hot path.
//
// Ref owns exactly one reference (RAII): its destructor decrefs, moving transfers
// ownership, copying increfs. Runtime C++ code uses Ref; the eval loop manipulates raw
// Values for speed and follows the same rules by hand.
//
// Thread safety: reference counts are plain integers; the caller holds the GIL.
#ifndef PYRT_OBJECTS_OBJECT_H_
#define PYRT_OBJECTS_OBJECT_H_

#include <cstdint>
#include <utility>

#include "gc/collector.h"
#include "objects/value.h"

namespace pyrt {

// The refcount immortal objects start with (2^60: unreachable by real increments, yet far
// from overflow).
inline constexpr intptr_t kImmortalRefcount = intptr_t{1} << 60;

// Adds a reference to `v` (no-op for small ints and no value).
[[gnu::always_inline]] inline void Incref(Value v) {
  if (Object* o = v.object_or_null()) ++o->refcount;
}

// Drops a reference to `v`, freeing the object when it was the last one.
[[gnu::always_inline]] inline void Decref(Value v) {
  if (Object* o = v.object_or_null()) {
    if (--o->refcount == 0) o->type->dealloc(o);
  }
}

// An owned reference to a Value (or "no value").
class [[nodiscard]] Ref {
 public:
  Ref() = default;
  // Takes ownership of a reference the caller already holds (a "new reference").
  static Ref Steal(Value v) { return Ref(v); }
  // Adds a reference to a borrowed value.
  static Ref Borrow(Value v) {
    Incref(v);
    return Ref(v);
  }

  Ref(const Ref& other) : v_(other.v_) { Incref(v_); }
  Ref(Ref&& other) noexcept : v_(std::exchange(other.v_, Value())) {}
  Ref& operator=(const Ref& other) {
    Ref copy(other);
    swap(copy);
    return *this;
  }
  Ref& operator=(Ref&& other) noexcept {
    Ref moved(std::move(other));
    swap(moved);
    return *this;
  }
  ~Ref() { Decref(v_); }

  // The value, still owned by this Ref.
  [[nodiscard]] Value get() const { return v_; }
  // Gives up ownership: the caller now owns the reference.
  [[nodiscard]] Value release() { return std::exchange(v_, Value()); }
  // Drops the reference (if any) and holds nothing.
  void reset() { Ref().swap(*this); }

  [[nodiscard]] bool has_value() const { return v_.has_value(); }
  explicit operator bool() const { return v_.has_value(); }
  void swap(Ref& other) noexcept { std::swap(v_, other.v_); }

 private:
  explicit Ref(Value v) : v_(v) {}
  Value v_;
};

}  // namespace pyrt

#endif  // PYRT_OBJECTS_OBJECT_H_

// value.h — pyrt::Value, the one-word handle through which the VM sees every Python value.
//
// A Python value is either a small integer, carried inline, or a pointer to a heap object.
// Both fit in one 64-bit word, told apart by the lowest bit:
//
//   63                                                          1   0
//   +-------------------------------------------------------------+---+
//   |        the integer, two's complement, 63 bits               | 1 |  small int
//   +-------------------------------------------------------------+---+
//   63                                                      4 3     0
//   +-------------------------------------------------------+-------+
//   |        address of an object (16-byte aligned)         | 0000  |  object
//   +-------------------------------------------------------+-------+
//   +---------------------------------------------------------------+
//   |                              0                                |  no value
//   +---------------------------------------------------------------+
//
// * Small ints cover [-2^62, 2^62). They need no allocation and no reference counting.
//   Invariant: an int whose value lies in that range is *always* tagged, never boxed, so
//   two ints are equal iff their words are equal when both are small, and a boxed int is
//   never equal to a small one.
// * Objects are allocated by memory::Allocator or gc::Collector, both 16-byte aligned, so
//   the low four bits of an object word are zero.
// * "No value" (all bits zero) is the error marker: a fallible operation that returns a
//   Value returns it after setting the current thread's exception. Frames also use it for
//   unbound locals and empty cells. It is never a Python object.
//
// Only this header knows the encoding; everything else uses the accessors below, so the
// encoding can change (NaN-boxing floats, say) without touching callers.
//
// Checked encoding: building with --define=pyrt_value=checked (PYRT_VALUE_CHECKED)
// makes every accessor verify its precondition (the tag, the integer range, that an object
// pointer is aligned and looks like a live object) and abort with a message naming the
// violation. It costs a few branches per access, so it is for debugging builds only.
//
// Value is a trivially copyable handle: copying it does not touch the reference count.
// Ownership is a matter of convention stated at each API (see objects/object.h, whose
// Ref owns one reference).
#ifndef PYRT_OBJECTS_VALUE_H_
#define PYRT_OBJECTS_VALUE_H_

#include <cstdint>
#include <type_traits>

namespace pyrt::gc {
struct ObjectHead;
}  // namespace pyrt::gc

namespace pyrt {

// Every Python object begins with this header: its reference count and its type.
using Object = gc::ObjectHead;

namespace value_internal {
// Reports a violated Value precondition and aborts (checked encoding only).
[[noreturn]] void Fail(const char* what, uint64_t bits);
// True if `o` looks like a live object: nonzero positive refcount, non-null type.
[[nodiscard]] bool LooksAlive(const Object* o);
}  // namespace value_internal

class Value {
 public:
  // The smallest and largest integers a Value carries inline.
  static constexpr int64_t kSmallIntMin = -(int64_t{1} << 62);
  static constexpr int64_t kSmallIntMax = (int64_t{1} << 62) - 1;

  // "No value": the error marker, and the unbound mark in frames.
  constexpr Value() = default;

  // True if `i` can be carried inline.
  [[nodiscard]] static constexpr bool FitsSmallInt(int64_t i) {
    return i >= kSmallIntMin && i <= kSmallIntMax;
  }
  // The small int `i`. Precondition: FitsSmallInt(i).
  [[nodiscard]] static constexpr Value SmallInt(int64_t i) {
    Check(FitsSmallInt(i), "Value::SmallInt: integer out of the small range",
          static_cast<uint64_t>(i));
    return Value((static_cast<uint64_t>(i) << 1) | kIntTag);
  }
  // The object `o`. Precondition: o is non-null, aligned and alive. Does not incref.
  [[nodiscard]] static Value FromObject(const Object* o) {
    const auto bits = reinterpret_cast<uint64_t>(o);
    Check(bits != 0 && (bits & kAlignMask) == 0, "Value::FromObject: bad pointer", bits);
    if constexpr (kChecked) {
      if (!value_internal::LooksAlive(o)) value_internal::Fail("Value::FromObject: dead object", bits);
    }
    return Value(bits);
  }
  // The Value whose encoding is `bits` (for tables that store raw words).
  [[nodiscard]] static constexpr Value FromBits(uint64_t bits) { return Value(bits); }

  // True unless this is "no value".
  [[nodiscard]] constexpr bool has_value() const { return bits_ != 0; }
  constexpr explicit operator bool() const { return bits_ != 0; }

  [[nodiscard]] constexpr bool is_small_int() const { return (bits_ & kIntTag) != 0; }
  [[nodiscard]] constexpr bool is_object() const { return bits_ != 0 && (bits_ & kIntTag) == 0; }

  // The inline integer. Precondition: is_small_int().
  [[nodiscard]] constexpr int64_t small_int() const {
    Check(is_small_int(), "Value::small_int: not a small int", bits_);
    return static_cast<int64_t>(bits_) >> 1;  // arithmetic shift (C++20 guarantees it)
  }
  // The object. Precondition: is_object().
  [[nodiscard]] Object* object() const {
    Check(is_object(), "Value::object: not an object", bits_);
    auto* o = reinterpret_cast<Object*>(bits_);
    if constexpr (kChecked) {
      if (!value_internal::LooksAlive(o)) value_internal::Fail("Value::object: dead object", bits_);
    }
    return o;
  }
  // The object, or nullptr for a small int or no value. Never checks liveness.
  [[nodiscard]] Object* object_or_null() const {
    return is_object() ? reinterpret_cast<Object*>(bits_) : nullptr;
  }

  // The raw encoding (for hashing identities, inline caches, tables).
  [[nodiscard]] constexpr uint64_t bits() const { return bits_; }

  // Identity: Python's `is`. Two small ints are identical iff equal (CPython caches only
  // -5..256, but pyrt's observable `is` on ints is unspecified by the language).
  friend constexpr bool operator==(Value a, Value b) { return a.bits_ == b.bits_; }

 private:
  static constexpr uint64_t kIntTag = 1;
  static constexpr uint64_t kAlignMask = 15;
#ifdef PYRT_VALUE_CHECKED
  static constexpr bool kChecked = true;
#else
  static constexpr bool kChecked = false;
#endif

  constexpr explicit Value(uint64_t bits) : bits_(bits) {}

  static constexpr void Check(bool ok, const char* what, uint64_t bits) {
    if constexpr (kChecked) {
      if (!ok) value_internal::Fail(what, bits);
    } else {
      (void)ok, (void)what, (void)bits;
    }
  }

  uint64_t bits_ = 0;
};

static_assert(sizeof(Value) == 8, "a Value is one machine word");
static_assert(std::is_trivially_copyable_v<Value>, "Values are copied freely");

}  // namespace pyrt

#endif  // PYRT_OBJECTS_VALUE_H_

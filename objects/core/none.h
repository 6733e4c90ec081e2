// none.h — the singletons: None, NotImplemented, Ellipsis, and the bools True and False.
//
// Each is a static, immortal object (refcount kImmortalRefcount), so Incref/Decref on them
// are harmless and they are never freed; identity comparison (`v == None()`) is the test.
// Their types (NoneType, NotImplementedType, ellipsis, bool) cannot be subclassed;
// calling NoneType() returns None. True and False are int objects (bool subclasses int,
// their layout is IntObject's — int.h) holding 1 and 0, so every int operation accepts
// them.
//
// The accessors return *borrowed* Values; NewRef* variants return a new reference, which
// for immortal objects is the same word (the increment is kept so that counts stay exact).
#ifndef PYRT_OBJECTS_CORE_NONE_H_
#define PYRT_OBJECTS_CORE_NONE_H_

#include "objects/core/type.h"

namespace pyrt {

extern TypeObject kNoneType, kNotImplementedType, kEllipsisType, kBoolType;

namespace core_internal {
extern Object g_none, g_not_implemented, g_ellipsis;
extern Object* const g_true;
extern Object* const g_false;
}  // namespace core_internal

[[nodiscard]] inline Value None() { return Value::FromBits(reinterpret_cast<uint64_t>(&core_internal::g_none)); }
[[nodiscard]] inline Value NotImplemented() {
  return Value::FromBits(reinterpret_cast<uint64_t>(&core_internal::g_not_implemented));
}
[[nodiscard]] inline Value Ellipsis() {
  return Value::FromBits(reinterpret_cast<uint64_t>(&core_internal::g_ellipsis));
}
[[nodiscard]] inline Value True() { return Value::FromBits(reinterpret_cast<uint64_t>(core_internal::g_true)); }
[[nodiscard]] inline Value False() { return Value::FromBits(reinterpret_cast<uint64_t>(core_internal::g_false)); }
// True() or False().
[[nodiscard]] inline Value Bool(bool b) { return b ? True() : False(); }

// New references (the values are immortal; the increment keeps counts exact).
[[nodiscard]] inline Value NewNone() { Incref(None()); return None(); }
[[nodiscard]] inline Value NewNotImplemented() { Incref(NotImplemented()); return NotImplemented(); }
[[nodiscard]] inline Value NewBool(bool b) { Value v = Bool(b); Incref(v); return v; }

[[nodiscard]] inline bool IsNone(Value v) { return v == None(); }
[[nodiscard]] inline bool IsNotImplemented(Value v) { return v == NotImplemented(); }
[[nodiscard]] inline bool IsBool(Value v) { return v == True() || v == False(); }

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_NONE_H_

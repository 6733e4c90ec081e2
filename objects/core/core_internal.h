// core_internal.h — helpers shared by the .cc files of objects/core (not a public API;
// other packages must not include it).
#ifndef PYRT_OBJECTS_CORE_CORE_INTERNAL_H_
#define PYRT_OBJECTS_CORE_CORE_INTERNAL_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "objects/bigint/bigint.h"
#include "objects/core/type.h"
#include "objects/format/format_spec.h"
#include "objects/hash/hash.h"

namespace pyrt {
struct SlotDef;
}

namespace pyrt::core_internal {

// Allocates `size` bytes for a non-container object of type t (refcount 1, the first
// 64 bytes zeroed). nullptr + MemoryError on failure. Inline: with a constant size the
// zeroing becomes a few stores (ints, floats and strs are allocated through it.)
[[nodiscard]] Object* AllocRawFailed();
[[nodiscard]] inline Object* AllocRaw(TypeObject* t, size_t size) {
  auto* o = static_cast<Object*>(memory::DefaultAllocator().Allocate(size));
  if (o == nullptr) [[unlikely]] return AllocRawFailed();
  std::memset(static_cast<void*>(o), 0, size < 64 ? size : 64);
  o->refcount = 1;
  o->type = &t->hooks;
  return o;
}
// Frees memory from AllocRaw.
void FreeRaw(Object* o);

// The process's str hash secret (from PYTHONHASHSEED at InitRuntime).
[[nodiscard]] const hash::Secret& HashSecret();

// Raises the exception a bigint Status describes; returns Value{}.
Value RaiseBigintStatus(const bigint::Status& st, std::string_view literal = {});
// Raises a format::Error; returns Value{}.
Value RaiseFormatError(const format::Error& e);

// Pointer to the instance __dict__ slot of o, or nullptr if its type has none.
[[nodiscard]] Value* DictSlot(Value o);
// Pointer to the weakref list slot of o, or nullptr.
[[nodiscard]] Value* WeakrefSlot(Value o);

// Static interned names used across files.
struct Names {
  Value __add__, __class__, __dict__, __doc__, __name__, __qualname__, __module__,
      __init__, __new__, __call__, __getattr__, __getattribute__, __setattr__,
      __delattr__, __get__, __set__, __delete__, __hash__, __eq__, __ne__, __lt__, __le__,
      __gt__, __ge__, __repr__, __str__, __format__, __iter__, __next__, __len__,
      __getitem__, __setitem__, __delitem__, __contains__, __bool__, __index__, __int__,
      __float__, __slots__, __weakref__, __init_subclass__, __set_name__,
      __class_getitem__, __classcell__, __instancecheck__, __subclasscheck__, __mro__,
      __bases__, __base__, __abstractmethods__, __length_hint__, __trunc__, __prepare__,
      __build_class__, __missing__, __reversed__, __round__, __isabstractmethod__,
      __orig_bases__, __mro_entries__, __dir__, __sizeof__, __notes__, __subclasshook__,
      __annotations__, __del__, __await__, __aiter__, __anext__, __text_signature__,
      __builtins__, mro, builtins, keys, __objclass__, __self__, __wrapped__;
};
[[nodiscard]] const Names& N();
// Initialises N() (InitRuntime calls it after str is ready).
void InitNames();

// repr helpers
[[nodiscard]] std::string PointerText(const void* p);  // "0x7f..."
// The "address" of a value for reprs: the object pointer, or a tagged small int's bits
// (what id() returns), never "(nil)".
[[nodiscard]] inline std::string PointerText(Value v) {
  return PointerText(reinterpret_cast<const void*>(v.bits()));
}
// Rounds up to a multiple of 8.
[[nodiscard]] constexpr size_t RoundUp8(size_t n) { return (n + 7) & ~size_t{7}; }

// Slot machinery (slots.cc).
// Adds wrapper descriptors for every non-null slot of builtin type t to its dict.
[[nodiscard]] int AddSlotWrappers(TypeObject* t);
// Recomputes every slot of heap type t from its MRO (after creation or a dunder change).
void FixupSlots(TypeObject* t);
// Recomputes the slots named by `name` (a dunder) in t and its subclasses.
void UpdateSlot(TypeObject* t, Value name);
// True if name is a dunder that maps to a slot.
[[nodiscard]] bool IsSlotName(Value name);
// The docstring of a slot definition (for wrapper descriptors' __doc__).
[[nodiscard]] const char* SlotDefDoc(const SlotDef* d);
// Calls a wrapper descriptor.
[[nodiscard]] Value CallWrapper(Value descr, Value self, const Value* args, size_t nargs,
                                Value kwnames);

// type.__name__ = name for heap types (keeps the C name in step).
void SetHeapTypeName(TypeObject* t, Value name);
// The __slots__ members (mangled name, offset) of a heap type and its heap bases.
void CollectSlotMembers(TypeObject* t, std::vector<std::pair<std::string, size_t>>* out);

// Whether instances of a may become instances of b (__class__/__bases__ assignment): same
// solid builtin base and the same instance layout.
[[nodiscard]] bool LayoutCompatible(TypeObject* a, TypeObject* b);
// type.__bases__ = value with CPython's checks (heap type, non-empty tuple of classes, no
// inheritance cycle, compatible layout); recomputes the MRO of t and its subclasses
// (restoring everything if one fails), the subclass table and the slots. 0 or -1.
[[nodiscard]] int SetTypeBases(TypeObject* t, Value value);

// Sets .name and .obj of the AttributeError being raised (when not set yet), as CPython
// does for failed lookups on instances, classes and modules.
void SetAttributeErrorContext(Value obj, Value name);

// __reduce__ of a sequence iterator, as CPython's: (builtins.<builtin>, (seq,), index)
// while `seq` is set, else (builtins.<builtin>, (empty,)) with `empty` a new reference to
// the type's empty sequence (stolen). New reference or Value{}.
[[nodiscard]] Value SeqIterReduce(const char* builtin, Value seq, int64_t index, Value empty);

// Direct subclasses side table.
void AddSubclass(TypeObject* base, TypeObject* sub);
void RemoveSubclass(TypeObject* base, TypeObject* sub);
[[nodiscard]] const std::vector<TypeObject*>* Subclasses(TypeObject* t);

// Inherit slots from base into t (only null slots).
void InheritSlots(TypeObject* t, TypeObject* base);

// Generic object dealloc for builtin non-gc types that hold nothing.
void SimpleDealloc(Object* o);

// type-check message: "descriptor 'x' for 'T' objects doesn't apply to a 'U' object".
[[nodiscard]] Value NewStrFormat(const char* fmt, ...);

// The default __init_subclass__ etc. helpers used in object_type.cc and type.cc.
[[nodiscard]] Value TypeNewImpl(TypeObject* metatype, Value name, Value bases, Value ns,
                                const Value* kwargs, Value kwnames);

// Bool singletons' storage (none.cc).
[[nodiscard]] bool IsTrueFast(Value v, int* out);  // fast bool for None/bools/ints

}  // namespace pyrt::core_internal

#endif  // PYRT_OBJECTS_CORE_CORE_INTERNAL_H_

// object_type.h — the root types: `object` and `type`.
//
// object: the base of every class. Its slots give CPython's defaults:
//   __eq__ is identity (NotImplemented otherwise), __ne__ inverts __eq__ unless that is
//   NotImplemented, <, <=, >, >= return NotImplemented; __hash__ is the address
//   (hash::HashPointer) and is set to None in a class that defines __eq__ without
//   __hash__; __repr__ is "<module.Name object at 0x...>"; __str__ calls repr;
//   __format__ formats str(self) and rejects a non-empty spec ("unsupported format string
//   passed to T.__format__"); __init__/__new__ reject arguments unless the other one is
//   overridden ("T() takes no arguments"); __init_subclass__ accepts no keywords;
//   __getattribute__/__setattr__/__delattr__ are the generic descriptor protocol
//   (abstract.h); __class__ is assignable between compatible heap types; __dir__,
//   __sizeof__, __subclasshook__ (NotImplemented), __reduce_ex__ is not provided yet.
//
// type: the metatype. type(x) returns x's type; type(name, bases, ns) creates a class
// (NewClass in type.h); calling a class runs __new__ then __init__ (when __new__ returned
// an instance of it). type's attributes: __name__, __qualname__, __module__, __bases__,
// __base__, __mro__, __dict__ (a read-only mappingproxy, mappingproxy.h), __doc__, __subclasses__(), mro(), __instancecheck__,
// __subclasscheck__, __prepare__ (returns a new dict), __annotations__.
// Setting an attribute on a class updates its dict, invalidates the version tags and
// re-derives slots for dunders.
#ifndef PYRT_OBJECTS_CORE_OBJECT_TYPE_H_
#define PYRT_OBJECTS_CORE_OBJECT_TYPE_H_

#include "objects/core/type.h"

namespace pyrt {

extern TypeObject kObjectType;
extern TypeObject kTypeType;

// object.__new__(type) for types whose instances need nothing else: allocates an
// instance of `type` (AllocInstance) and tracks it if it is a container.
[[nodiscard]] Value ObjectNewInstance(TypeObject* type);
// The default repr "<Name object at 0x...>" of v.
[[nodiscard]] Value ObjectDefaultRepr(Value v);
// Calls a type: __new__ then __init__ (type.__call__). New reference.
[[nodiscard]] Value TypeCall(Value type, const Value* args, size_t nargs, Value kwnames);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_OBJECT_TYPE_H_

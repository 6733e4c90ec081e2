// union_type.h — types.UnionType, the object `int | str` creates (PEP 604).
//
// A union keeps __args__, a tuple of its members with nested unions flattened, None
// replaced by NoneType and duplicates dropped (by identity; generic aliases by ==); a
// union of one member is that member. It prints as "int | str | None", compares and hashes
// as the set of its members, and isinstance()/issubclass() test against its members
// (a parameterized generic member raises TypeError, as CPython's). Only classes, None,
// generic aliases and unions combine with `|`; anything else gets NotImplemented, so
// `int | 1` raises the usual "unsupported operand type(s) for |" TypeError.
//
// Thread safety: the GIL must be held.
#ifndef PYRT_OBJECTS_CORE_UNION_TYPE_H_
#define PYRT_OBJECTS_CORE_UNION_TYPE_H_

#include "objects/core/type.h"

namespace pyrt {

extern TypeObject kUnionType;

// The nb_or slot of type, types.GenericAlias and types.UnionType: a | b as a union, or
// NotImplemented when either side cannot be a union member. New reference or Value{}.
[[nodiscard]] Value UnionOr(Value a, Value b);

// True for what GenericAlias's module must recognise as a union member (tests).
[[nodiscard]] inline bool IsUnion(Value v) { return v.is_object() && TypeOf(v) == &kUnionType; }

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_UNION_TYPE_H_

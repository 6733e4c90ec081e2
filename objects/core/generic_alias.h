// generic_alias.h — types.GenericAlias, the object list[int] or dict[str, int] creates
// (PEP 585): __origin__, __args__, __parameters__, repr, call, ==, hash. The builtin
// containers' __class_getitem__ and type[...] (in GetItem) create aliases.
#ifndef PYRT_OBJECTS_CORE_GENERIC_ALIAS_H_
#define PYRT_OBJECTS_CORE_GENERIC_ALIAS_H_

#include "objects/core/type.h"

namespace pyrt {

// origin[args]: `args` is stored as is when a tuple, else as a 1-tuple. New reference.
[[nodiscard]] Value NewGenericAlias(Value origin, Value args);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_GENERIC_ALIAS_H_

// mappingproxy.h — types.MappingProxyType: a read-only view of a mapping.
//
// type.__dict__ returns one over the class namespace, so a class's dict can be read
// (C.__dict__['x'], .get, .keys(), iteration, len, in) but not changed except through
// setattr on the class (which keeps the method cache and slots in step).
#ifndef PYRT_OBJECTS_CORE_MAPPINGPROXY_H_
#define PYRT_OBJECTS_CORE_MAPPINGPROXY_H_

#include "objects/core/type.h"

namespace pyrt {

struct MappingProxyObject {
  Object head;
  Value mapping;  // owned
};

extern TypeObject kMappingProxyType;

// A read-only proxy over `mapping` (a dict or any mapping). New reference.
[[nodiscard]] Value NewMappingProxy(Value mapping);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_MAPPINGPROXY_H_

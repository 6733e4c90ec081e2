// core.h — one include for the whole object model core (types, errors, abstract API and
// the core builtin types). See each header for its component.
#ifndef PYRT_OBJECTS_CORE_CORE_H_
#define PYRT_OBJECTS_CORE_CORE_H_

#include "objects/core/abstract.h"
#include "objects/core/args.h"
#include "objects/core/builtin_function.h"
#include "objects/core/descr.h"
#include "objects/core/dict.h"
#include "objects/core/errors.h"
#include "objects/core/float.h"
#include "objects/core/int.h"
#include "objects/core/mappingproxy.h"
#include "objects/core/module.h"
#include "objects/core/none.h"
#include "objects/core/object_type.h"
#include "objects/core/slice.h"
#include "objects/core/str.h"
#include "objects/core/tuple.h"
#include "objects/core/type.h"

#endif  // PYRT_OBJECTS_CORE_CORE_H_

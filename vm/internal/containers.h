// containers.h — the few list/set operations the eval loop needs (BUILD_LIST, LIST_APPEND,
// BUILD_SET, ...), written against the abstract API so that the VM does not depend on the
// layout of the list and set types (which live in objects/core, from another branch).
// The types are found once in the builtins module. A faster path can replace these
// without touching the eval loop.
#ifndef PYRT_VM_INTERNAL_CONTAINERS_H_
#define PYRT_VM_INTERNAL_CONTAINERS_H_

#include <cstddef>

#include "objects/core/core.h"

namespace pyrt::vm_internal {

// A list of the borrowed items. New reference or Value{}.
[[nodiscard]] Value NewListOf(const Value* items, size_t n);
// list.append(v): 0 or -1.
[[nodiscard]] int ListAppend(Value list, Value v);
// list.extend(iterable): 0 or -1.
[[nodiscard]] int ListExtend(Value list, Value iterable);
// tuple(list). New reference.
[[nodiscard]] Value ListToTuple(Value list);
// A set of the borrowed items.
[[nodiscard]] Value NewSetOf(const Value* items, size_t n);
[[nodiscard]] int SetAdd(Value set, Value v);
[[nodiscard]] int SetUpdate(Value set, Value iterable);
// True if v is a list (exact or subclass).
[[nodiscard]] bool IsListValue(Value v);

}  // namespace pyrt::vm_internal

#endif  // PYRT_VM_INTERNAL_CONTAINERS_H_

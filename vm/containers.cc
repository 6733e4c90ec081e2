// List and set operations for the eval loop (see containers.h), over objects/core's list
// and set APIs.

#include "vm/internal/containers.h"

#include "objects/core/list.h"
#include "objects/core/set.h"
#include "vm/internal/vm_internal.h"

namespace pyrt::vm_internal {

Value NewListOf(const Value* items, size_t n) { return pyrt::ListFromArray(items, n); }
int ListAppend(Value list, Value v) { return pyrt::ListAppend(list, v); }
int ListExtend(Value list, Value iterable) { return pyrt::ListExtend(list, iterable); }
Value ListToTuple(Value list) { return pyrt::ListAsTuple(list); }
Value NewSetOf(const Value* items, size_t n) {
  Value s = pyrt::NewSet();
  if (!s) return Value();
  for (size_t i = 0; i < n; ++i) {
    if (pyrt::SetAdd(s, items[i]) < 0) {
      Decref(s);
      return Value();
    }
  }
  return s;
}
int SetAdd(Value set, Value v) { return pyrt::SetAdd(set, v); }
int SetUpdate(Value set, Value iterable) { return pyrt::SetUpdate(set, iterable); }
bool IsListValue(Value v) { return pyrt::IsList(v); }

}  // namespace pyrt::vm_internal

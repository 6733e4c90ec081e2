// List and set operations for the eval loop through the abstract API (see containers.h).

#include "vm/internal/containers.h"

#include "vm/internal/vm_internal.h"

namespace pyrt::vm_internal {

namespace {

Value BuiltinType(const char* name) {
  Value b = BuiltinsDict();
  Value t = b ? DictGetUtf8(b, name) : Value();
  if (!t || !IsType(t)) {
    RaiseNew(&kSystemErrorType, "the builtin type '%s' is not available", name);
    return Value();
  }
  return t;
}

int CallMethodStatus(Value obj, const char* name, Value arg) {
  Value r = CallMethod(obj, name, &arg, 1);
  if (!r) return -1;
  Decref(r);
  return 0;
}

Value NewFromTuple(const char* type_name, const Value* items, size_t n) {
  Value type = BuiltinType(type_name);
  if (!type) return Value();
  if (n == 0) return Call(type, nullptr, 0);
  Ref t = Ref::Steal(TupleFromArray(items, n));
  if (!t) return Value();
  Value arg = t.get();
  return Call(type, &arg, 1);
}

}  // namespace

Value NewListOf(const Value* items, size_t n) { return NewFromTuple("list", items, n); }
int ListAppend(Value list, Value v) { return CallMethodStatus(list, "append", v); }
int ListExtend(Value list, Value iterable) { return CallMethodStatus(list, "extend", iterable); }
Value ListToTuple(Value list) {
  Value arg = list;
  return Call(TypeValue(&kTupleType), &arg, 1);
}
Value NewSetOf(const Value* items, size_t n) { return NewFromTuple("set", items, n); }
int SetAdd(Value set, Value v) { return CallMethodStatus(set, "add", v); }
int SetUpdate(Value set, Value iterable) { return CallMethodStatus(set, "update", iterable); }
bool IsListValue(Value v) {
  if (!v.is_object()) return false;
  return HasFlag(TypeOf(v), kTypeListSubclass);
}

}  // namespace pyrt::vm_internal

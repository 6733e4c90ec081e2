// builtin_function.h — builtin_function_or_method: a C++ function as a Python callable.
//
// A BuiltinFunctionObject wraps a MethodDef (type.h) together with its `self`: the module
// for module-level functions (`len`, `math.sqrt`), the bound object for methods of
// builtin types taken from an instance (`[].append`), or the class for class methods.
// Calling it dispatches on the MethodDef's calling convention (CallMethodDef).
// repr: "<built-in function len>" or "<built-in method append of list object at 0x...>".
#ifndef PYRT_OBJECTS_CORE_BUILTIN_FUNCTION_H_
#define PYRT_OBJECTS_CORE_BUILTIN_FUNCTION_H_

#include "objects/core/type.h"

namespace pyrt {

struct BuiltinFunctionObject {
  Object head;
  const MethodDef* def;  // static storage
  Value self;            // owned; Value{} for a plain function without a module
  Value module;          // __module__ (a str or None), owned
  Value name;            // interned __name__ str (borrowed from the intern table)
  const char* owner;     // for methods: the owner type's name for qualname/messages
};

extern TypeObject kBuiltinFunctionType;

[[nodiscard]] inline bool IsBuiltinFunction(Value v) {
  return v.is_object() && TypeOf(v) == &kBuiltinFunctionType;
}
// A builtin function/method object for `def` bound to `self` (borrowed; may be Value{}),
// with `module` (str or Value{} = None). New reference.
[[nodiscard]] Value NewBuiltinFunction(const MethodDef* def, Value self, Value module = Value(),
                                       const char* owner = nullptr);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_BUILTIN_FUNCTION_H_

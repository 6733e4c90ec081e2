// module.h — module objects (types.ModuleType).
//
// A module is a namespace dict plus a definition: ModuleObject {dict, def, state}.
// Builtin (C++) modules are described by a ModuleDef (name, doc, MethodDef table and an
// exec function that adds types and constants), created by NewModuleFromDef; the VM's
// import system registers them. Attribute access goes to the dict, then to a module
// __getattr__ (PEP 562), else "module 'm' has no attribute 'x'".
#ifndef PYRT_OBJECTS_CORE_MODULE_H_
#define PYRT_OBJECTS_CORE_MODULE_H_

#include <string_view>

#include "objects/core/type.h"

namespace pyrt {

struct ModuleDef {
  const char* name = nullptr;          // "math", "_io", ...
  const char* doc = nullptr;
  const MethodDef* methods = nullptr;  // module-level functions (self = the module)
  // Fills the new module (types, constants); 0 or -1. May be null.
  int (*exec)(Value module) = nullptr;
};

struct ModuleObject {
  Object head;
  Value dict;              // __dict__, owned
  const ModuleDef* def;    // null for Python-level modules
  void* state;             // per-module state for builtin modules (owned by exec's code)
  Value weakrefs;          // weak reference list head (for the VM's weakref type)
};

extern TypeObject kModuleType;

[[nodiscard]] inline bool IsModule(Value v) {
  return v.is_object() && IsSubtype(TypeOf(v), &kModuleType);
}
// A new module named `name` (a str) with __name__, __doc__ = None, __package__ = None,
// __loader__ = None, __spec__ = None set. New reference.
[[nodiscard]] Value NewModule(Value name);
[[nodiscard]] Value NewModule(std::string_view name);
// A builtin module from its definition: NewModule + functions + exec. New reference.
[[nodiscard]] Value NewModuleFromDef(const ModuleDef* def);
// The module's dict (borrowed).
[[nodiscard]] inline Value ModuleDict(Value m) { return reinterpret_cast<ModuleObject*>(m.object())->dict; }
// Adds `value` (borrowed) as attribute `name`. 0 or -1.
[[nodiscard]] int ModuleAddObject(Value m, std::string_view name, Value value);
// Adds `type` under its __name__. 0 or -1.
[[nodiscard]] int ModuleAddType(Value m, TypeObject* type);
// The module's __name__ as a str (borrowed) or Value{} + SystemError.
[[nodiscard]] Value ModuleName(Value m);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_MODULE_H_

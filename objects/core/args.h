// args.h — argument checking for builtin functions and methods (vectorcall convention).
//
// CPython's Argument Clinic generates this per function; here a few helpers give the same
// messages:
//   CheckPositional("pow", nargs, 2, 3)   "pow expected at least 2 arguments, got 1"
//   CheckNoKeywords("append", kwnames)    "append() takes no keyword arguments"
//   ParseArgs(...)                         positional-or-keyword binding by name:
//       "f() missing required argument 'x' (pos 1)", "'y' is an invalid keyword argument
//       for f()", "argument for f() given by name ('x') and position (1)".
#ifndef PYRT_OBJECTS_CORE_ARGS_H_
#define PYRT_OBJECTS_CORE_ARGS_H_

#include <cstddef>
#include <initializer_list>

#include "objects/core/type.h"

namespace pyrt {

// "NAME expected at least MIN arguments, got N" / "NAME expected at most MAX arguments,
// got N" / "NAME expected N arguments, got M" (CPython's _PyArg_CheckPositional). max
// may be SIZE_MAX. Returns false with TypeError.
[[nodiscard]] bool CheckPositional(const char* name, size_t nargs, size_t min, size_t max);
// "NAME() takes no keyword arguments" when kwnames is a non-empty tuple.
[[nodiscard]] bool CheckNoKeywords(const char* name, Value kwnames);
// "NAME() takes no arguments (N given)" / "NAME() takes exactly one argument (N given)".
[[nodiscard]] bool CheckNoArgs(const char* name, size_t nargs);

// Binds vectorcall arguments to parameter names. `names` lists all parameters in order;
// the first `npositional_only` are positional-only, those at index >= `kwonly_start` are
// keyword-only; parameters at index >= `nrequired` are optional (their out slot stays
// Value{} when not given). Results in out[i] are borrowed. `fname` is used in messages as
// "fname()". Returns false with TypeError.
struct ArgSpec {
  const char* fname;
  std::initializer_list<const char*> names;
  size_t npositional_only = 0;
  size_t nrequired = 0;
  size_t kwonly_start = static_cast<size_t>(-1);
};
[[nodiscard]] bool ParseArgs(const ArgSpec& spec, const Value* args, size_t nargs,
                             Value kwnames, Value* out);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_ARGS_H_

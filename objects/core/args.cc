// args.cc — argument checking helpers for builtin functions.
#include "objects/core/args.h"

#include <cstring>
#include <vector>

#include "objects/core/core.h"

namespace pyrt {

bool CheckPositional(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  if (min == max) {
    RaiseNew(&kTypeErrorType, "%s expected %zu argument%s, got %zu", name, min,
             min == 1 ? "" : "s", nargs);
  } else if (nargs < min) {
    RaiseNew(&kTypeErrorType, "%s expected at least %zu argument%s, got %zu", name, min,
             min == 1 ? "" : "s", nargs);
  } else {
    RaiseNew(&kTypeErrorType, "%s expected at most %zu argument%s, got %zu", name, max,
             max == 1 ? "" : "s", nargs);
  }
  return false;
}

bool CheckNoKeywords(const char* name, Value kwnames) {
  if (!kwnames || TupleSize(kwnames) == 0) return true;
  RaiseNew(&kTypeErrorType, "%s() takes no keyword arguments", name);
  return false;
}

bool CheckNoArgs(const char* name, size_t nargs) {
  if (nargs == 0) return true;
  RaiseNew(&kTypeErrorType, "%s() takes no arguments (%zu given)", name, nargs);
  return false;
}

bool ParseArgs(const ArgSpec& spec, const Value* args, size_t nargs, Value kwnames, Value* out) {
  const std::vector<const char*> names(spec.names);
  const size_t n = names.size();
  const size_t max_positional = std::min(n, spec.kwonly_start);
  for (size_t i = 0; i < n; ++i) out[i] = Value();
  if (nargs > max_positional) {
    if (spec.nrequired == max_positional || max_positional == 0) {
      if (max_positional == 0) {
        RaiseNew(&kTypeErrorType, "%s() takes no positional arguments", spec.fname);
      } else {
        RaiseNew(&kTypeErrorType, "%s() takes exactly %zu positional argument%s (%zu given)",
                 spec.fname, max_positional, max_positional == 1 ? "" : "s", nargs);
      }
    } else {
      RaiseNew(&kTypeErrorType, "%s() takes at most %zu argument%s (%zu given)", spec.fname,
               max_positional, max_positional == 1 ? "" : "s", nargs);
    }
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  const int64_t nkw = kwnames ? TupleSize(kwnames) : 0;
  for (int64_t k = 0; k < nkw; ++k) {
    Value key = TupleItem(kwnames, k);
    size_t found = n;
    for (size_t i = spec.npositional_only; i < n; ++i) {
      if (StrEqualsUtf8(key, names[i])) {
        found = i;
        break;
      }
    }
    if (found == n) {
      for (size_t i = 0; i < spec.npositional_only; ++i) {
        if (StrEqualsUtf8(key, names[i])) {
          RaiseNew(&kTypeErrorType,
                   "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                   spec.fname, names[i]);
          return false;
        }
      }
      RaiseNew(&kTypeErrorType, "'%U' is an invalid keyword argument for %s()", key, spec.fname);
      return false;
    }
    if (out[found]) {
      RaiseNew(&kTypeErrorType, "argument for %s() given by name ('%s') and position (%zu)",
               spec.fname, names[found], found + 1);
      return false;
    }
    out[found] = args[nargs + static_cast<size_t>(k)];
  }
  for (size_t i = 0; i < spec.nrequired && i < n; ++i) {
    if (!out[i]) {
      if (i < spec.npositional_only || i < nargs) {
        RaiseNew(&kTypeErrorType, "%s() takes at least %zu positional argument%s (%zu given)",
                 spec.fname, spec.nrequired, spec.nrequired == 1 ? "" : "s", nargs);
      } else {
        RaiseNew(&kTypeErrorType, "%s() missing required argument '%s' (pos %zu)", spec.fname,
                 names[i], i + 1);
      }
      return false;
    }
  }
  return true;
}

}  // namespace pyrt

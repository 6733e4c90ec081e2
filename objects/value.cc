// value.cc — the checked encoding's failure report (see value.h).
#include "objects/value.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>

#include "gc/collector.h"

namespace pyrt::value_internal {

void Fail(const char* what, uint64_t bits) {
  std::fprintf(stderr, "pyrt: %s (value bits 0x%016" PRIx64 ")\n", what, bits);
  std::abort();
}

bool LooksAlive(const Object* o) {
  return o->refcount > 0 && o->type != nullptr;
}

}  // namespace pyrt::value_internal

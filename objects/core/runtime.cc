// runtime.cc — start-up (InitRuntime and the init registry), allocation of instances,
// the shared interned names, and conversions of library errors to exceptions.
#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include "memory/allocator.h"
#include "objects/core/core.h"
#include "objects/core/core_internal.h"

namespace pyrt {

namespace core_internal {
void SetupStrTypes();
void InitStrStorage();
void SetupObjectTypes();   // object, type
void SetupSingletonTypes();  // NoneType, NotImplementedType, ellipsis, bool
void SetupIntType();
void SetupFloatType();
void SetupTupleTypes();
void SetupDictTypes();
void SetupDescrTypes();
void SetupBuiltinFunctionType();
void SetupModuleType();
void SetupSliceType();
void SetupExceptionTypes();
[[nodiscard]] int ReadyExceptionTypes();
}  // namespace core_internal

namespace {

struct InitEntry {
  InitPhase phase;
  InitFn0 fn;
  size_t order;
};
std::vector<InitEntry>& Registry() {
  static auto* r = new std::vector<InitEntry>();
  return *r;
}
bool g_ready = false;
bool g_initialising = false;
hash::Secret g_secret;
core_internal::Names g_names;

}  // namespace

InitRegistration::InitRegistration(InitPhase phase, InitFn0 fn) {
  Registry().push_back({phase, fn, Registry().size()});
}

bool RuntimeReady() { return g_ready; }

namespace core_internal {

gc::Collector* g_heap = nullptr;

gc::Collector& HeapSlow() {
  static auto* c = new gc::Collector(memory::DefaultAllocator());
  g_heap = c;
  return *c;
}

}  // namespace core_internal

static void ReadyOrDie(TypeObject* t) {
  if (ReadyType(t) < 0) {
    std::fprintf(stderr, "pyrt: cannot ready type %s: %s\n", t->name,
                 FormatExceptionOnly(CurrentError()).c_str());
    std::abort();
  }
}

void InitRuntime() {
  if (g_ready || g_initialising) return;
  g_initialising = true;
  // The str hash secret from PYTHONHASHSEED (random when unset, as CPython).
  {
    const char* env = std::getenv("PYTHONHASHSEED");
    bool valid = true;
    std::optional<uint32_t> seed;
    if (env != nullptr) seed = hash::ParseSeed(env, &valid);
    g_secret = seed ? hash::SecretFromSeed(*seed) : hash::RandomSecret();
  }
  using namespace core_internal;
  // 1. Fill the core types' slots (no dicts yet), then the preallocated strings.
  SetupObjectTypes();
  SetupStrTypes();
  SetupSingletonTypes();
  SetupIntType();
  SetupFloatType();
  SetupTupleTypes();
  SetupDictTypes();
  SetupDescrTypes();
  SetupBuiltinFunctionType();
  SetupModuleType();
  SetupSliceType();
  SetupExceptionTypes();
  InitStrStorage();
  InitNames();
  // 2. Ready them (creates the dicts with descriptors); object and type first.
  ReadyOrDie(&kObjectType);
  ReadyOrDie(&kTypeType);
  for (TypeObject* t :
       {&kStrType, &kStrIteratorType, &kStrNonAsciiIteratorType, &kNoneType, &kNotImplementedType, &kEllipsisType,
        &kIntType, &kBoolType, &kFloatType, &kTupleType, &kTupleIteratorType, &kDictType,
        &kDictKeyIteratorType, &kMethodDescrType, &kClassMethodDescrType, &kWrapperDescrType,
        &kMethodWrapperType, &kMemberDescrType, &kGetSetDescrType, &kPropertyType,
        &kClassMethodType, &kStaticMethodType, &kSuperType, &kBoundMethodType,
        &kBuiltinFunctionType, &kModuleType, &kSliceType}) {
    ReadyOrDie(t);
  }
  if (ReadyExceptionTypes() < 0) {
    std::fprintf(stderr, "pyrt: cannot ready the exception types\n");
    std::abort();
  }
  // 3. Registered init functions, by phase then registration order.
  std::vector<InitEntry> entries = Registry();
  std::stable_sort(entries.begin(), entries.end(), [](const InitEntry& a, const InitEntry& b) {
    return a.phase < b.phase;
  });
  for (const InitEntry& e : entries) e.fn();
  g_initialising = false;
  g_ready = true;
}

// --- allocation -------------------------------------------------------------------------

// Objects up to this size are zeroed with word stores instead of memset.
constexpr size_t kInlineZeroBytes = 128;

Value AllocInstance(TypeObject* t, size_t nitems) {
  size_t size = t->basicsize + nitems * t->itemsize;
  size = core_internal::RoundUp8(size);
  if (size < sizeof(Object)) size = sizeof(Object);
  Object* o;
  if (t->hooks.flags & gc::kHasGc) {
    o = Heap().NewObject(size);
    if (o == nullptr) return RaiseNoMemory();
    if (size <= kInlineZeroBytes) {
      // Instances are a few words: plain stores beat a memset call. (The empty asm keeps
      // the compiler from turning the loop back into one.)
      auto* w = reinterpret_cast<uint64_t*>(o);
      for (size_t i = 0; i < size / 8; ++i) {
        w[i] = 0;
        __asm__("" : "+r"(w));
      }
    } else {
      std::memset(static_cast<void*>(o), 0, size);
    }
  } else {
    o = static_cast<Object*>(memory::DefaultAllocator().AllocateZeroed(1, size));
    if (o == nullptr) return RaiseNoMemory();
  }
  o->refcount = 1;
  o->type = &t->hooks;
  if (HasFlag(t, kTypeHeapType)) Incref(TypeValue(t));
  return Value::FromObject(o);
}


namespace core_internal {

Object* AllocRawFailed() {
  RaiseNoMemory();
  return nullptr;
}

void FreeRaw(Object* o) { FreeInstance(o); }

void SimpleDealloc(Object* o) { FreeInstance(o); }

const hash::Secret& HashSecret() { return g_secret; }

Value RaiseBigintStatus(const bigint::Status& st, std::string_view literal) {
  std::string msg = st.message(literal);
  switch (st.exception()) {
    case bigint::PyException::kMemoryError: return RaiseNoMemory();
    case bigint::PyException::kZeroDivisionError:
      RaiseMessage(&kZeroDivisionErrorType, msg);
      break;
    case bigint::PyException::kOverflowError:
      RaiseMessage(&kOverflowErrorType, msg);
      break;
    default:
      RaiseMessage(&kValueErrorType, msg);
      break;
  }
  return Value();
}

Value RaiseFormatError(const format::Error& e) {
  switch (e.kind) {
    case format::ErrorKind::kPropagate:
      if (!ErrorOccurred()) RaiseMessage(&kSystemErrorType, "error return without exception set");
      break;
    case format::ErrorKind::kOverflowError: RaiseMessage(&kOverflowErrorType, e.message); break;
    case format::ErrorKind::kZeroDivisionError:
      RaiseMessage(&kZeroDivisionErrorType, e.message);
      break;
    case format::ErrorKind::kTypeError: RaiseMessage(&kTypeErrorType, e.message); break;
    case format::ErrorKind::kKeyError: RaiseMessage(&kKeyErrorType, e.message); break;
    default: RaiseMessage(&kValueErrorType, e.message); break;
  }
  return Value();
}

std::string PointerText(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

const Names& N() { return g_names; }

void InitNames() {
  Names& n = g_names;
#define PYRT_NAME(x) n.x = Intern(#x);
  PYRT_NAME(__add__) PYRT_NAME(__class__) PYRT_NAME(__dict__) PYRT_NAME(__doc__)
  PYRT_NAME(__name__) PYRT_NAME(__qualname__) PYRT_NAME(__module__) PYRT_NAME(__init__)
  PYRT_NAME(__new__) PYRT_NAME(__call__) PYRT_NAME(__getattr__) PYRT_NAME(__getattribute__)
  PYRT_NAME(__setattr__) PYRT_NAME(__delattr__) PYRT_NAME(__get__) PYRT_NAME(__set__)
  PYRT_NAME(__delete__) PYRT_NAME(__hash__) PYRT_NAME(__eq__) PYRT_NAME(__ne__)
  PYRT_NAME(__lt__) PYRT_NAME(__le__) PYRT_NAME(__gt__) PYRT_NAME(__ge__)
  PYRT_NAME(__repr__) PYRT_NAME(__str__) PYRT_NAME(__format__) PYRT_NAME(__iter__)
  PYRT_NAME(__next__) PYRT_NAME(__len__) PYRT_NAME(__getitem__) PYRT_NAME(__setitem__)
  PYRT_NAME(__delitem__) PYRT_NAME(__contains__) PYRT_NAME(__bool__) PYRT_NAME(__index__)
  PYRT_NAME(__int__) PYRT_NAME(__float__) PYRT_NAME(__slots__) PYRT_NAME(__weakref__)
  PYRT_NAME(__init_subclass__) PYRT_NAME(__set_name__) PYRT_NAME(__class_getitem__)
  PYRT_NAME(__classcell__) PYRT_NAME(__instancecheck__) PYRT_NAME(__subclasscheck__)
  PYRT_NAME(__mro__) PYRT_NAME(__bases__) PYRT_NAME(__base__) PYRT_NAME(__abstractmethods__)
  PYRT_NAME(__length_hint__) PYRT_NAME(__trunc__) PYRT_NAME(__prepare__)
  PYRT_NAME(__build_class__) PYRT_NAME(__missing__) PYRT_NAME(__reversed__)
  PYRT_NAME(__round__) PYRT_NAME(__isabstractmethod__) PYRT_NAME(__orig_bases__)
  PYRT_NAME(__mro_entries__) PYRT_NAME(__dir__) PYRT_NAME(__sizeof__) PYRT_NAME(__notes__)
  PYRT_NAME(__subclasshook__) PYRT_NAME(__annotations__) PYRT_NAME(__del__)
  PYRT_NAME(__await__) PYRT_NAME(__aiter__) PYRT_NAME(__anext__)
  PYRT_NAME(__text_signature__) PYRT_NAME(__builtins__) PYRT_NAME(mro) PYRT_NAME(builtins)
  PYRT_NAME(keys) PYRT_NAME(__objclass__) PYRT_NAME(__self__)
  PYRT_NAME(__wrapped__)
#undef PYRT_NAME
}

Value NewStrFormat(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char buf[512];
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return NewStr(buf);
}

}  // namespace core_internal

}  // namespace pyrt

// sys_module.cc — the parts of `sys` that do not need the VM (modules.h lists the rest),
// the hooks the VM installs, and the standard streams.
#include <unistd.h>

#include <atomic>
#include <cfloat>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "objects/bigint/bigint.h"
#include "vm/modules/file_object.h"
#include "vm/modules/module_util.h"
#include "vm/modules/modules.h"

namespace pyrt {

using modules_internal::g_recursion_limit;

namespace {

using modules_internal::ModuleAddNew;
using modules_internal::NewStructSeq;
using modules_internal::NewStructSeqType;

// The CPython release pyrt reports (sys.version_info, hexversion).
constexpr int kMajor = 3, kMinor = 11, kMicro = 2;
constexpr int64_t kHexVersion = (kMajor << 24) | (kMinor << 16) | (kMicro << 8) | 0xf0;
// The default recursion limit (CPython's).
constexpr int kDefaultRecursionLimit = 1000;
// The default thread switch interval in seconds (CPython's).
constexpr double kDefaultSwitchInterval = 0.005;

Value g_sys;  // borrowed (the VM keeps it alive)
HandledExceptionGetter g_handled_getter = nullptr;
RecursionDepthGetter g_depth_getter = nullptr;
LocalsGetter g_locals_getter = nullptr;
std::atomic<double> g_switch_interval{kDefaultSwitchInterval};
bool g_unbuffered = false;

// --- Functions ---

Value SysExit(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("exit", nargs, 0, 1)) return Value();
  Ref exc = Ref::Steal(NewException(&kSystemExitType, args, nargs));
  if (exc) Raise(exc.get());
  return Value();
}

Value SysGetRecursionLimit(Value) { return NewInt(RecursionLimit()); }

Value SysSetRecursionLimit(Value, Value arg) {
  Ref i = Ref::Steal(Index(arg));
  if (!i) return Value();
  int64_t limit = 0;
  if (!IntToInt64(i.get(), &limit) || limit > INT32_MAX || limit < INT32_MIN) {
    return Error(&kOverflowErrorType, "Python int too large to convert to C int");
  }
  if (limit < 1) return Error(&kValueErrorType, "recursion limit must be greater or equal than 1");
  if (g_depth_getter != nullptr) {
    const int depth = g_depth_getter();
    if (depth >= limit) {
      RaiseNew(&kRecursionErrorType,
               "cannot set the recursion limit to %d at the recursion depth %d: the limit "
               "is too low",
               static_cast<int>(limit), depth);
      return Value();
    }
  }
  g_recursion_limit.store(static_cast<int>(limit), std::memory_order_relaxed);
  return NewNone();
}

Value SysGetRefCount(Value, Value o) {
  if (!o.is_object()) return NewInt(kImmortalRefcount);  // tagged ints have no count
  return NewInt(static_cast<int64_t>(o.object()->refcount));
}

Value SysGetSizeOf(Value, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec kSpec = {"getsizeof", {"object", "default"}, 0, 1};
  Value a[2] = {};
  if (!ParseArgs(kSpec, args, nargs, kwnames, a)) return Value();
  auto use_default = [&]() -> Value {
    Incref(a[1]);
    return a[1];
  };
  Ref method = Ref::Steal(LookupSpecial(a[0], Intern("__sizeof__")));
  if (!method) {
    if (ErrorOccurred()) return Value();
    if (a[1]) return use_default();
    RaiseNew(&kTypeErrorType, "Type %.100s doesn't define __sizeof__", TypeName(TypeOf(a[0])));
    return Value();
  }
  Ref r = Ref::Steal(Call0(method.get()));
  if (!r) {
    if (a[1] && ExceptionMatches(&kTypeErrorType)) {
      ClearError();
      return use_default();
    }
    return Value();
  }
  const int64_t size = AsIndex(r.get(), &kOverflowErrorType);
  if (size == -1 && ErrorOccurred()) return Value();
  if (size < 0) return Error(&kValueErrorType, "__sizeof__() should return >= 0");
  int64_t total = size;
  if (a[0].is_object() && (TypeOf(a[0])->hooks.flags & gc::kHasGc) != 0) {
    total += static_cast<int64_t>(sizeof(gc::GcHeader));
  }
  return NewInt(total);
}

Value SysIntern(Value, Value s) {
  if (!IsStr(s)) {
    RaiseNew(&kTypeErrorType, "intern() argument must be str, not %.50s", TypeName(TypeOf(s)));
    return Value();
  }
  if (!IsExactStr(s)) {
    RaiseNew(&kTypeErrorType, "can't intern %.400s", TypeName(TypeOf(s)));
    return Value();
  }
  return InternStr(s);
}

Value SysGetIntMaxStrDigits(Value) { return NewInt(IntMaxStrDigits()); }

Value SysSetIntMaxStrDigits(Value, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec kSpec = {"set_int_max_str_digits", {"maxdigits"}, 0, 1};
  Value a[1] = {};
  if (!ParseArgs(kSpec, args, nargs, kwnames, a)) return Value();
  Ref i = Ref::Steal(Index(a[0]));
  if (!i) return Value();
  int64_t digits = 0;
  if (!IntToInt64(i.get(), &digits) || digits > INT32_MAX || digits < INT32_MIN) {
    return Error(&kOverflowErrorType, "Python int too large to convert to C int");
  }
  if (digits != 0 && digits < static_cast<int64_t>(bigint::kStrDigitsCheckThreshold)) {
    RaiseNew(&kValueErrorType, "maxdigits must be 0 or larger than %d",
             static_cast<int>(bigint::kStrDigitsCheckThreshold));
    return Value();
  }
  SetIntMaxStrDigits(digits);
  return NewNone();
}

Value HandledException() {
  if (g_handled_getter == nullptr) return Value();
  Value e = g_handled_getter();
  return e && !IsNone(e) ? e : Value();
}

Value SysExcInfo(Value) {
  Value e = HandledException();
  if (!e) return TuplePack({None(), None(), None()});
  Value tb = ExceptionTraceback(e);
  return TuplePack({TypeValue(TypeOf(e)), e, tb ? tb : None()});
}

Value SysException(Value) {
  Value e = HandledException();
  if (!e) return NewNone();
  Incref(e);
  return e;
}

Value SysGetDefaultEncoding(Value) { return NewStr("utf-8"); }
Value SysGetFilesystemEncoding(Value) { return NewStr("utf-8"); }
Value SysGetFilesystemEncodeErrors(Value) { return NewStr("surrogateescape"); }
Value SysIsFinalizing(Value) { return NewBool(false); }
Value SysGetSwitchInterval(Value) { return NewFloat(SwitchInterval()); }

Value SysSetSwitchInterval(Value, Value arg) {
  const double d = AsDouble(arg);
  if (d == -1.0 && ErrorOccurred()) return Value();
  if (d <= 0.0) return Error(&kValueErrorType, "switch interval must be strictly positive");
  g_switch_interval.store(d, std::memory_order_relaxed);
  return NewNone();
}

const MethodDef kSysMethods[] = {
    MethodDef::Fast("exit", SysExit, "Exit the interpreter by raising SystemExit(status)."),
    MethodDef::NoArgs("getrecursionlimit", SysGetRecursionLimit, "Return the current value of the recursion limit."),
    MethodDef::OneArg("setrecursionlimit", SysSetRecursionLimit, "Set the maximum depth of the Python interpreter stack to n."),
    MethodDef::OneArg("getrefcount", SysGetRefCount, "Return the reference count of object."),
    MethodDef::FastKw("getsizeof", SysGetSizeOf, "getsizeof(object [, default]) -> int\n\nReturn the size of object in bytes."),
    MethodDef::OneArg("intern", SysIntern, "``Intern'' the given string."),
    MethodDef::NoArgs("get_int_max_str_digits", SysGetIntMaxStrDigits, "Return the maximum string digits limit for non-binary int<->str conversions."),
    MethodDef::FastKw("set_int_max_str_digits", SysSetIntMaxStrDigits, "Set the maximum string digits limit for non-binary int<->str conversions."),
    MethodDef::NoArgs("exc_info", SysExcInfo, "Return current exception information: (type, value, traceback)."),
    MethodDef::NoArgs("exception", SysException, "Return the current exception."),
    MethodDef::NoArgs("getdefaultencoding", SysGetDefaultEncoding, "Return the current default encoding used by the Unicode implementation."),
    MethodDef::NoArgs("getfilesystemencoding", SysGetFilesystemEncoding, "Return the encoding used to convert Unicode filenames to OS filenames."),
    MethodDef::NoArgs("getfilesystemencodeerrors", SysGetFilesystemEncodeErrors, "Return the error mode used Unicode to OS filename conversion."),
    MethodDef::NoArgs("is_finalizing", SysIsFinalizing, "Return True if Python is exiting."),
    MethodDef::NoArgs("getswitchinterval", SysGetSwitchInterval, "Return the current thread switch interval; see sys.setswitchinterval()."),
    MethodDef::OneArg("setswitchinterval", SysSetSwitchInterval, "Set the ideal thread switching delay inside the Python interpreter."),
    {},
};

// --- Constants ---

Value MakeVersionInfo() {
  Ref type = Ref::Steal(NewStructSeqType(
      "sys", "version_info", {"major", "minor", "micro", "releaselevel", "serial"}, 5, false));
  if (!type) return Value();
  return NewStructSeq(type.get(), {NewInt(kMajor), NewInt(kMinor), NewInt(kMicro),
                                   NewStr("final"), NewInt(0)});
}

// CPython turns hash randomization off when PYTHONHASHSEED is 0 (unless -E).
int HashRandomization(const SysFlags& f) {
  if (f.ignore_environment) return f.hash_randomization;
  const char* env = std::getenv("PYTHONHASHSEED");
  if (env == nullptr || *env == '\0') return f.hash_randomization;
  std::string_view s(env);
  if (s.find_first_not_of('0') == std::string_view::npos) return 0;
  return 1;
}

Value MakeFlags() {
  const SysFlags& f = MutableSysFlags();
  Ref type = Ref::Steal(NewStructSeqType(
      "sys", "flags",
      {"debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
       "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet",
       "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
       "safe_path", "int_max_str_digits"},
      18, false));
  if (!type) return Value();
  return NewStructSeq(
      type.get(),
      {NewInt(f.debug), NewInt(f.inspect), NewInt(f.interactive), NewInt(f.optimize),
       NewInt(f.dont_write_bytecode), NewInt(f.no_user_site), NewInt(f.no_site),
       NewInt(f.ignore_environment), NewInt(f.verbose), NewInt(f.bytes_warning),
       NewInt(f.quiet), NewInt(HashRandomization(f)), NewInt(f.isolated),
       NewBool(f.dev_mode), NewInt(f.utf8_mode), NewInt(f.warn_default_encoding),
       NewBool(f.safe_path), NewInt(f.int_max_str_digits)});
}

Value MakeFloatInfo() {
  Ref type = Ref::Steal(NewStructSeqType(
      "sys", "float_info",
      {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig",
       "epsilon", "radix", "rounds"},
      11));
  if (!type) return Value();
  return NewStructSeq(type.get(),
                      {NewFloat(DBL_MAX), NewInt(DBL_MAX_EXP), NewInt(DBL_MAX_10_EXP),
                       NewFloat(DBL_MIN), NewInt(DBL_MIN_EXP), NewInt(DBL_MIN_10_EXP),
                       NewInt(DBL_DIG), NewInt(DBL_MANT_DIG), NewFloat(DBL_EPSILON),
                       NewInt(FLT_RADIX), NewInt(1)});
}

Value MakeIntInfo() {
  Ref type = Ref::Steal(NewStructSeqType(
      "sys", "int_info",
      {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
       "str_digits_check_threshold"},
      4));
  if (!type) return Value();
  // bits_per_digit/sizeof_digit: CPython's 30-bit digits are reported for compatibility
  // (code that reads them sizes buffers or tests); pyrt's bigint uses 64-bit limbs.
  return NewStructSeq(type.get(),
                      {NewInt(30), NewInt(4),
                       NewInt(static_cast<int64_t>(bigint::kDefaultMaxStrDigits)),
                       NewInt(static_cast<int64_t>(bigint::kStrDigitsCheckThreshold))});
}

Value MakeHashInfo() {
  Ref type = Ref::Steal(NewStructSeqType(
      "sys", "hash_info",
      {"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits",
       "cutoff"},
      9));
  if (!type) return Value();
  return NewStructSeq(type.get(),
                      {NewInt(64), NewInt((int64_t{1} << 61) - 1), NewInt(314159), NewInt(0),
                       NewInt(1000003), NewStr("siphash13"), NewInt(64), NewInt(128),
                       NewInt(0)});
}

Value MakeImplementation(Value version_info) {
  Ref ns = Ref::Steal(modules_internal::NewSimpleNamespace());
  if (!ns) return Value();
  Ref name = Ref::Steal(NewStr("pyrt"));
  // pyrt's bytecode is its own: a distinct cache tag keeps its caches apart from CPython's.
  Ref tag = Ref::Steal(NewStr("pyrt-311"));
  Ref hex = Ref::Steal(NewInt(kHexVersion));
  Ref multiarch = Ref::Steal(NewStr("x86_64-linux-gnu"));
  if (!name || !tag || !hex || !multiarch) return Value();
  if (SetAttr(ns.get(), "name", name.get()) < 0 ||
      SetAttr(ns.get(), "cache_tag", tag.get()) < 0 ||
      SetAttr(ns.get(), "version", version_info) < 0 ||
      SetAttr(ns.get(), "hexversion", hex.get()) < 0 ||
      SetAttr(ns.get(), "_multiarch", multiarch.get()) < 0) {
    return Value();
  }
  return ns.release();
}

const char* ByteOrder() {
  const uint16_t probe = 1;
  return *reinterpret_cast<const uint8_t*>(&probe) == 1 ? "little" : "big";
}

int ExecSys(Value m) {
  Ref version_info = Ref::Steal(MakeVersionInfo());
  if (!version_info) return -1;
  if (ModuleAddObject(m, "version_info", version_info.get()) < 0) return -1;
  const std::string version = std::to_string(kMajor) + "." + std::to_string(kMinor) + "." +
                              std::to_string(kMicro) + " (main, pyrt 0.1.0) [GCC " +
                              __VERSION__ + "]";
  const bool stdout_tty = ::isatty(1) == 1;
  if (ModuleAddNew(m, "version", NewStr(version)) < 0 ||
      ModuleAddNew(m, "hexversion", NewInt(kHexVersion)) < 0 ||
      ModuleAddNew(m, "api_version", NewInt(1013)) < 0 ||
      ModuleAddNew(m, "maxsize", NewInt(INT64_MAX)) < 0 ||
      ModuleAddNew(m, "maxunicode", NewInt(0x10FFFF)) < 0 ||
      ModuleAddNew(m, "byteorder", NewStr(ByteOrder())) < 0 ||
      ModuleAddNew(m, "platform", NewStr("linux")) < 0 ||
      ModuleAddNew(m, "abiflags", NewStr("")) < 0 ||
      ModuleAddNew(m, "float_repr_style", NewStr("short")) < 0 ||
      ModuleAddNew(m, "copyright", NewStr("Copyright (c) pyrt authors.\n"
                                          "Python 3.11 semantics; see CPython's copyright.")) < 0 ||
      ModuleAddNew(m, "implementation", MakeImplementation(version_info.get())) < 0 ||
      ModuleAddNew(m, "flags", MakeFlags()) < 0 ||
      ModuleAddNew(m, "float_info", MakeFloatInfo()) < 0 ||
      ModuleAddNew(m, "int_info", MakeIntInfo()) < 0 ||
      ModuleAddNew(m, "hash_info", MakeHashInfo()) < 0) {
    return -1;
  }
  // The standard streams: stdout line buffered on a tty, else block buffered; stderr
  // always line buffered; -u makes both write-through.
  Ref in = Ref::Steal(NewStdFile(0, "<stdin>", false, false, false, "strict"));
  Ref out = Ref::Steal(NewStdFile(1, "<stdout>", true, stdout_tty, g_unbuffered, "strict"));
  Ref err = Ref::Steal(NewStdFile(2, "<stderr>", true, true, g_unbuffered, "backslashreplace"));
  if (!in || !out || !err) return -1;
  if (ModuleAddObject(m, "stdin", in.get()) < 0 || ModuleAddObject(m, "__stdin__", in.get()) < 0 ||
      ModuleAddObject(m, "stdout", out.get()) < 0 ||
      ModuleAddObject(m, "__stdout__", out.get()) < 0 ||
      ModuleAddObject(m, "stderr", err.get()) < 0 ||
      ModuleAddObject(m, "__stderr__", err.get()) < 0) {
    return -1;
  }
  return 0;
}

const ModuleDef kSysDef = {
    "sys",
    "This module provides access to some objects used or maintained by the\n"
    "interpreter and to functions that interact strongly with the interpreter.",
    kSysMethods,
    ExecSys,
};

}  // namespace

namespace modules_internal {

// sys.setrecursionlimit's value (read inline by RecursionLimit(), modules.h).
std::atomic<int> g_recursion_limit{kDefaultRecursionLimit};
Value SysModule() { return g_sys; }
// sys.<name> as a new reference; Value{} without an exception when sys or the name is
// missing.
Value SysGet(const char* name) {
  if (!g_sys) return Value();
  Value v = ModuleGet(g_sys, name);
  Incref(v);
  return v;
}
LocalsGetter GetLocalsGetter() { return g_locals_getter; }
}  // namespace modules_internal

Value MakeSysModule() { return NewModuleFromDef(&kSysDef); }

void SetSysModule(Value sys) { g_sys = sys; }
void SetHandledExceptionGetter(HandledExceptionGetter fn) { g_handled_getter = fn; }
void SetRecursionDepthGetter(RecursionDepthGetter fn) { g_depth_getter = fn; }
void SetLocalsGetter(LocalsGetter fn) { g_locals_getter = fn; }
double SwitchInterval() { return g_switch_interval.load(std::memory_order_relaxed); }
void SetStdioUnbuffered(bool unbuffered) { g_unbuffered = unbuffered; }

SysFlags& MutableSysFlags() {
  static SysFlags flags;
  return flags;
}

int FlushStdFiles() {
  int status = 0;
  for (const char* name : {"stdout", "stderr"}) {
    Ref f = Ref::Steal(modules_internal::SysGet(name));
    if (!f || IsNone(f.get())) continue;
    Ref closed = Ref::Steal(LookupAttr(f.get(), Intern("closed")));
    if (!closed) {
      ClearError();
    } else if (IsTrue(closed.get()) == 1) {
      continue;
    }
    Ref r = Ref::Steal(CallMethod(f.get(), Intern("flush"), nullptr, 0));
    if (!r) {
      WriteUnraisable(f.get());
      if (name[3] == 'o') status = -1;  // "stdout"
    }
  }
  return status;
}

}  // namespace pyrt

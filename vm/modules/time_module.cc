// time_module.cc — the `time` module: clocks, sleep (releasing the GIL), and the
// struct_time conversions (gmtime, localtime, mktime, strftime, asctime, ctime).
#include <time.h>

#include <cerrno>
#include <utility>
#include <cmath>
#include <cstdint>
#include <string>

#include "gil/gil.h"
#include "vm/modules/module_util.h"
#include "vm/modules/modules.h"

namespace pyrt {
namespace {

using modules_internal::ModuleAddNew;

constexpr int64_t kNanosPerSecond = 1'000'000'000;

Value g_struct_time;  // the time.struct_time class (owned, lives for the run)
SignalChecker g_signal_checker = nullptr;

int64_t ClockNanos(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<int64_t>(ts.tv_sec) * kNanosPerSecond + ts.tv_nsec;
}

Value Seconds(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return NewFloat(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
}

// The argument count check of CPython's PyArg_ParseTuple ("gmtime() takes at most 1
// argument (2 given)"), which time's METH_VARARGS functions use (asctime uses
// PyArg_UnpackTuple: CheckPositional's "asctime expected at most 1 argument, got 2").
bool CheckParseTupleCount(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  size_t n = nargs < min ? min : max;
  RaiseNew(&kTypeErrorType, "%s() takes %s %zu argument%s (%zu given)", name,
           min == max ? "exactly" : nargs < min ? "at least" : "at most", n, n == 1 ? "" : "s",
           nargs);
  return false;
}

// A clk_id argument (an int, as CPython's "i" format).
bool ClockArg(Value v, clockid_t* out) {
  if (!IsInt(v)) {
    if (IsFloat(v)) {
      RaiseNew(&kTypeErrorType, "'float' object cannot be interpreted as an integer");
    } else {
      RaiseNew(&kTypeErrorType, "'%s' object cannot be interpreted as an integer", TypeName(TypeOf(v)));
    }
    return false;
  }
  int64_t id = 0;
  if (!IntToInt64(v, &id) || id < INT32_MIN || id > INT32_MAX) {
    RaiseNew(&kOverflowErrorType, "signed integer is greater than maximum");
    return false;
  }
  *out = static_cast<clockid_t>(id);
  return true;
}

// time.clock_gettime / clock_gettime_ns / clock_getres (OSError from the system call).
Value TimeClockGettime(Value, Value clk) {
  clockid_t id;
  if (!ClockArg(clk, &id)) return Value();
  struct timespec ts;
  if (clock_gettime(id, &ts) != 0) return modules_internal::RaiseOSError(errno);
  return NewFloat(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
}
Value TimeClockGettimeNs(Value, Value clk) {
  clockid_t id;
  if (!ClockArg(clk, &id)) return Value();
  struct timespec ts;
  if (clock_gettime(id, &ts) != 0) return modules_internal::RaiseOSError(errno);
  return NewInt(static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec);
}
Value TimeClockGetres(Value, Value clk) {
  clockid_t id;
  if (!ClockArg(clk, &id)) return Value();
  struct timespec ts;
  if (clock_getres(id, &ts) != 0) return modules_internal::RaiseOSError(errno);
  return NewFloat(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
}

Value TimeTime(Value) { return Seconds(CLOCK_REALTIME); }
Value TimeTimeNs(Value) { return NewInt(ClockNanos(CLOCK_REALTIME)); }
Value TimeMonotonic(Value) { return Seconds(CLOCK_MONOTONIC); }
Value TimeMonotonicNs(Value) { return NewInt(ClockNanos(CLOCK_MONOTONIC)); }
Value TimeProcessTime(Value) { return Seconds(CLOCK_PROCESS_CPUTIME_ID); }
Value TimeProcessTimeNs(Value) { return NewInt(ClockNanos(CLOCK_PROCESS_CPUTIME_ID)); }
Value TimeThreadTime(Value) { return Seconds(CLOCK_THREAD_CPUTIME_ID); }
Value TimeThreadTimeNs(Value) { return NewInt(ClockNanos(CLOCK_THREAD_CPUTIME_ID)); }

// A duration or timestamp argument in seconds (int or float; CPython's
// _PyTime_FromSecondsObject): "'str' object cannot be interpreted as an integer",
// ValueError "Invalid value NaN (not a number)".
bool SecondsArg(Value v, double* out) {
  if (IsFloat(v)) {
    const double d = FloatValue(v);
    if (std::isnan(d)) {
      RaiseMessage(&kValueErrorType, "Invalid value NaN (not a number)");
      return false;
    }
    *out = d;
    return true;
  }
  Ref i = Ref::Steal(Index(v));
  if (!i) return false;
  double d;
  if (!IntToDouble(i.get(), &d)) {
    ClearError();
    RaiseMessage(&kOverflowErrorType, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  *out = d;
  return true;
}

Value TimeSleep(Value, Value arg) {
  double secs;
  if (!SecondsArg(arg, &secs)) return Value();
  if (secs < 0) return Error(&kValueErrorType, "sleep length must be non-negative");
  if (secs > 9.2e9) return Error(&kOverflowErrorType, "timestamp too large to convert to C _PyTime_t");
  const int64_t deadline = ClockNanos(CLOCK_MONOTONIC) + static_cast<int64_t>(secs * 1e9);
  struct timespec ts;
  ts.tv_sec = deadline / kNanosPerSecond;
  ts.tv_nsec = deadline % kNanosPerSecond;
  while (true) {
    int r;
    if (gil::CurrentThreadState() != nullptr) {
      gil::ReleaseGil release;  // other threads run while this one sleeps
      r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr);
    } else {
      r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr);
    }
    if (r != EINTR) break;
    // A signal: run its Python handler (KeyboardInterrupt ends the sleep), then resume.
    if (g_signal_checker != nullptr && g_signal_checker() < 0) return Value();
  }
  return NewNone();
}

// --- struct_time ---

bool TimestampArg(const Value* args, size_t nargs, time_t* out) {
  if (nargs == 0 || IsNone(args[0])) {
    *out = ::time(nullptr);
    return true;
  }
  double secs;
  if (!SecondsArg(args[0], &secs)) return false;
  const double whole = std::floor(secs);
  if (!(whole >= -9.2e18 && whole <= 9.2e18)) {
    RaiseMessage(&kOverflowErrorType, "timestamp out of range for platform time_t");
    return false;
  }
  *out = static_cast<time_t>(whole);
  return true;
}

Value StructTimeFrom(const struct tm& tm) {
  Value st = modules_internal::NewStructSeq(
      g_struct_time,
      {NewInt(tm.tm_year + 1900), NewInt(tm.tm_mon + 1), NewInt(tm.tm_mday),
       NewInt(tm.tm_hour), NewInt(tm.tm_min), NewInt(tm.tm_sec), NewInt((tm.tm_wday + 6) % 7),
       NewInt(tm.tm_yday + 1), NewInt(tm.tm_isdst)});
  if (!st) return Value();
  // tm_zone and tm_gmtoff are attributes outside the tuple (in the instance's __dict__;
  // unlike CPython's they can be reassigned).
  Ref zone = Ref::Steal(NewStr(tm.tm_zone ? tm.tm_zone : ""));
  Ref gmtoff = Ref::Steal(NewInt(tm.tm_gmtoff));
  if (!zone || !gmtoff || SetAttr(st, "tm_zone", zone.get()) < 0 ||
      SetAttr(st, "tm_gmtoff", gmtoff.get()) < 0) {
    Decref(st);
    return Value();
  }
  return st;
}

Value TimeGmtime(Value, const Value* args, size_t nargs) {
  if (!CheckParseTupleCount("gmtime", nargs, 0, 1)) return Value();
  time_t t;
  if (!TimestampArg(args, nargs, &t)) return Value();
  struct tm tm;
  if (gmtime_r(&t, &tm) == nullptr) {
    return Error(&kOverflowErrorType, "timestamp out of range for platform time_t");
  }
  return StructTimeFrom(tm);
}

Value TimeLocaltime(Value, const Value* args, size_t nargs) {
  if (!CheckParseTupleCount("localtime", nargs, 0, 1)) return Value();
  time_t t;
  if (!TimestampArg(args, nargs, &t)) return Value();
  struct tm tm;
  if (localtime_r(&t, &tm) == nullptr) {
    return Error(&kOverflowErrorType, "timestamp out of range for platform time_t");
  }
  return StructTimeFrom(tm);
}

// A 9-item time tuple or struct_time as struct tm (CPython's gettmarg).
bool TmArg(const char* fname, Value v, struct tm* out) {
  if (!IsTuple(v)) {
    RaiseMessage(&kTypeErrorType, "Tuple or struct_time argument required");
    return false;
  }
  if (TupleSize(v) != 9) {
    RaiseNew(&kTypeErrorType, "%s(): illegal time tuple argument", fname);
    return false;
  }
  int64_t f[9];
  for (int i = 0; i < 9; ++i) {
    f[i] = AsInt64(TupleItem(v, i));
    if (f[i] == -1 && ErrorOccurred()) return false;
  }
  *out = {};
  out->tm_year = static_cast<int>(f[0] - 1900);
  out->tm_mon = static_cast<int>(f[1] - 1);
  out->tm_mday = static_cast<int>(f[2]);
  out->tm_hour = static_cast<int>(f[3]);
  out->tm_min = static_cast<int>(f[4]);
  out->tm_sec = static_cast<int>(f[5]);
  out->tm_wday = static_cast<int>((f[6] + 1) % 7);
  out->tm_yday = static_cast<int>(f[7] - 1);
  out->tm_isdst = static_cast<int>(f[8]);
  return true;
}

// The current local time as struct tm (for functions whose tuple argument is optional).
bool TmArgOrNow(const char* fname, const Value* args, size_t nargs, struct tm* out) {
  if (nargs == 0) {
    const time_t now = ::time(nullptr);
    localtime_r(&now, out);
    return true;
  }
  return TmArg(fname, args[0], out);
}

Value TimeMktime(Value, Value t) {
  struct tm tm;
  if (!TmArg("mktime", t, &tm)) return Value();
  tm.tm_wday = -1;  // mktime sets it on success
  const time_t r = mktime(&tm);
  if (r == static_cast<time_t>(-1) && tm.tm_wday == -1) {
    return Error(&kOverflowErrorType, "mktime argument out of range");
  }
  return NewFloat(static_cast<double>(r));
}

Value TimeStrftime(Value, const Value* args, size_t nargs) {
  if (!CheckParseTupleCount("strftime", nargs, 1, 2)) return Value();
  if (!IsStr(args[0])) {
    RaiseNew(&kTypeErrorType, "strftime() argument 1 must be str, not %T", args[0]);
    return Value();
  }
  struct tm tm;
  if (!TmArgOrNow("strftime", args + 1, nargs - 1, &tm)) return Value();
  if (tm.tm_mon < 0 || tm.tm_mon > 11) return Error(&kValueErrorType, "month out of range");
  if (tm.tm_mday < 0 || tm.tm_mday > 31) return Error(&kValueErrorType, "day of month out of range");
  if (tm.tm_hour < 0 || tm.tm_hour > 23) return Error(&kValueErrorType, "hour out of range");
  if (tm.tm_min < 0 || tm.tm_min > 59) return Error(&kValueErrorType, "minute out of range");
  if (tm.tm_sec < 0 || tm.tm_sec > 61) return Error(&kValueErrorType, "seconds out of range");
  if (tm.tm_yday < -1 || tm.tm_yday > 365) return Error(&kValueErrorType, "day of year out of range");
  if (tm.tm_isdst < -1) tm.tm_isdst = -1;
  if (tm.tm_isdst > 1) tm.tm_isdst = 1;
  std::string_view fmt = StrView(args[0]);
  if (fmt.data() == nullptr && ErrorOccurred()) return Value();
  if (fmt.empty()) return NewStr("");
  const std::string format(fmt);
  // strftime returns 0 both for "too small" and for an empty result: grow up to a bound.
  for (size_t size = 256; size <= 256 * format.size() + 1024; size *= 4) {
    std::string buf(size, '\0');
    const size_t n = ::strftime(buf.data(), size, format.c_str(), &tm);
    if (n > 0 || size > 256 * format.size()) {
      buf.resize(n);
      return NewStr(buf);
    }
  }
  return NewStr("");
}

Value AsctimeOf(const struct tm& tm) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", kDays[((tm.tm_wday % 7) + 7) % 7],
                kMonths[((tm.tm_mon % 12) + 12) % 12], tm.tm_mday, tm.tm_hour, tm.tm_min,
                tm.tm_sec, 1900 + tm.tm_year);
  return NewStr(buf);
}

Value TimeAsctime(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("asctime", nargs, 0, 1)) return Value();
  struct tm tm;
  if (!TmArgOrNow("asctime", args, nargs, &tm)) return Value();
  return AsctimeOf(tm);
}

Value TimeCtime(Value, const Value* args, size_t nargs) {
  if (!CheckParseTupleCount("ctime", nargs, 0, 1)) return Value();
  time_t t;
  if (!TimestampArg(args, nargs, &t)) return Value();
  struct tm tm;
  if (localtime_r(&t, &tm) == nullptr) {
    return Error(&kOverflowErrorType, "timestamp out of range for platform time_t");
  }
  return AsctimeOf(tm);
}

Value TimeGetClockInfo(Value, Value name) {
  if (!IsStr(name)) {
    RaiseNew(&kTypeErrorType, "get_clock_info() argument must be str, not %T", name);
    return Value();
  }
  const char* impl = nullptr;
  clockid_t clock = CLOCK_REALTIME;
  bool monotonic = true, adjustable = false;
  if (StrEqualsUtf8(name, "time")) {
    impl = "clock_gettime(CLOCK_REALTIME)", clock = CLOCK_REALTIME, monotonic = false,
    adjustable = true;
  } else if (StrEqualsUtf8(name, "monotonic") || StrEqualsUtf8(name, "perf_counter")) {
    impl = "clock_gettime(CLOCK_MONOTONIC)", clock = CLOCK_MONOTONIC;
  } else if (StrEqualsUtf8(name, "process_time")) {
    impl = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", clock = CLOCK_PROCESS_CPUTIME_ID;
  } else if (StrEqualsUtf8(name, "thread_time")) {
    impl = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", clock = CLOCK_THREAD_CPUTIME_ID;
  } else {
    return Error(&kValueErrorType, "unknown clock");
  }
  struct timespec res;
  clock_getres(clock, &res);
  Ref ns = Ref::Steal(modules_internal::NewSimpleNamespace());
  if (!ns) return Value();
  Ref i = Ref::Steal(NewStr(impl));
  Ref r = Ref::Steal(NewFloat(static_cast<double>(res.tv_sec) + res.tv_nsec * 1e-9));
  if (!i || !r || SetAttr(ns.get(), "implementation", i.get()) < 0 ||
      SetAttr(ns.get(), "monotonic", Bool(monotonic)) < 0 ||
      SetAttr(ns.get(), "adjustable", Bool(adjustable)) < 0 ||
      SetAttr(ns.get(), "resolution", r.get()) < 0) {
    return Value();
  }
  return ns.release();
}

const MethodDef kTimeMethods[] = {
    MethodDef::NoArgs("time", TimeTime, "Return the current time in seconds since the Epoch."),
    MethodDef::NoArgs("time_ns", TimeTimeNs, "Return the current time in nanoseconds since the Epoch."),
    MethodDef::NoArgs("perf_counter", TimeMonotonic, "Performance counter for benchmarking."),
    MethodDef::NoArgs("perf_counter_ns", TimeMonotonicNs, "Performance counter for benchmarking as nanoseconds."),
    MethodDef::NoArgs("monotonic", TimeMonotonic, "Monotonic clock, cannot go backward."),
    MethodDef::NoArgs("monotonic_ns", TimeMonotonicNs, "Monotonic clock, cannot go backward, as nanoseconds."),
    MethodDef::NoArgs("process_time", TimeProcessTime, "Process time for profiling: sum of the kernel and user-space CPU time."),
    MethodDef::NoArgs("process_time_ns", TimeProcessTimeNs, "Process time for profiling as nanoseconds."),
    MethodDef::NoArgs("thread_time", TimeThreadTime, "Thread time for profiling."),
    MethodDef::NoArgs("thread_time_ns", TimeThreadTimeNs, "Thread time for profiling as nanoseconds."),
    MethodDef::OneArg("sleep", TimeSleep, "Delay execution for a given number of seconds."),
    MethodDef::Fast("gmtime", TimeGmtime, "Convert seconds since the Epoch to a time tuple expressing UTC.", kMethVarArgs),
    MethodDef::Fast("localtime", TimeLocaltime, "Convert seconds since the Epoch to a time tuple expressing local time.", kMethVarArgs),
    MethodDef::OneArg("mktime", TimeMktime, "Convert a time tuple in local time to seconds since the Epoch."),
    MethodDef::Fast("strftime", TimeStrftime, "Convert a time tuple to a string according to a format specification.", kMethVarArgs),
    MethodDef::Fast("asctime", TimeAsctime, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'.", kMethVarArgs),
    MethodDef::Fast("ctime", TimeCtime, "Convert a time in seconds since the Epoch to a string in local time.", kMethVarArgs),
    MethodDef::OneArg("get_clock_info", TimeGetClockInfo, "Get information of the specified clock."),
    MethodDef::OneArg("clock_gettime", TimeClockGettime, "Return the time of the specified clock clk_id."),
    MethodDef::OneArg("clock_gettime_ns", TimeClockGettimeNs, "Return the time of the specified clock clk_id as nanoseconds (int)."),
    MethodDef::OneArg("clock_getres", TimeClockGetres, "Return the resolution (precision) of the specified clock clk_id."),
    {},
};

int ExecTime(Value m) {
  if (!g_struct_time) {
    g_struct_time = modules_internal::NewStructSeqType(
        "time", "struct_time",
        {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
         "tm_isdst", "tm_zone", "tm_gmtoff"},
        9);
    if (!g_struct_time) return -1;
  }
  if (ModuleAddObject(m, "struct_time", g_struct_time) < 0) return -1;
  tzset();
  const long tz = ::timezone;
  const int dst = ::daylight;
  Value n0 = NewStr(::tzname[0]), n1 = NewStr(::tzname[1]);
  if (!n0 || !n1) return -1;
  Ref tzname = Ref::Steal(NewTuple(2));
  if (!tzname) return -1;
  TupleSetItem(tzname.get(), 0, n0);
  TupleSetItem(tzname.get(), 1, n1);
  for (const auto& [name, id] : {std::pair<const char*, int>{"CLOCK_REALTIME", CLOCK_REALTIME},
                                 {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
                                 {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
                                 {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
                                 {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
                                 {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
                                 {"CLOCK_TAI", CLOCK_TAI}}) {
    if (ModuleAddNew(m, name, NewInt(id)) < 0) return -1;
  }
  if (ModuleAddNew(m, "timezone", NewInt(tz)) < 0 ||
      ModuleAddNew(m, "altzone", NewInt(dst ? tz - 3600 : tz)) < 0 ||
      ModuleAddNew(m, "daylight", NewInt(dst)) < 0 ||
      ModuleAddObject(m, "tzname", tzname.get()) < 0) {
    return -1;
  }
  return 0;
}

const ModuleDef kTimeDef = {
    "time",
    "This module provides various functions to manipulate time values.",
    kTimeMethods,
    ExecTime,
};

}  // namespace

Value MakeTimeModule() { return NewModuleFromDef(&kTimeDef); }
void SetSignalChecker(SignalChecker fn) { g_signal_checker = fn; }

}  // namespace pyrt

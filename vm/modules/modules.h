// modules.h — the builtin modules written in C++ and how the VM wires them in.
//
// Each Make*Module() builds a fresh module object (a new reference, or Value{} with the
// exception set) from objects/core's ModuleDef machinery. They need InitRuntime() to have
// run. The VM registers them with its import system (sys.modules / builtin module names)
// and adds what only it can provide.
//
// Start-up sequence the VM must follow:
//
//   InitRuntime();
//   MutableSysFlags() / SetStdioUnbuffered(); // from the command line (-O, -u, -I, ...)
//   Value sys = MakeSysModule();            // sys.std* file objects are created here
//   Value builtins = MakeBuiltinsModule();  // print/input find sys.stdout/stdin through
//                                           // the sys module passed to SetSysModule
//   SetSysModule(sys);                      // borrowed; kept for print, input, open
//   SetHandledExceptionGetter(fn);          // the same function the VM installs with
//                                           // errors.h SetHandledExceptionHook: the
//                                           // exception being handled (borrowed) or
//                                           // Value{} — sys.exc_info(), sys.exception()
//   SetRecursionDepthGetter(fn);            // optional: current Python call depth, for
//                                           // setrecursionlimit's "limit is too low"
//   then adds to `builtins` the functions that need frames or the compiler:
//       exec, eval, compile, __import__, __build_class__, globals, locals, breakpoint
//   (dir() and vars() are here: with one argument they work alone; without arguments
//   they call the LocalsGetter hook below),
//   and to `sys`:
//       argv, orig_argv, path, modules, meta_path, path_hooks, path_importer_cache,
//       executable, _base_executable, prefix, exec_prefix, base_prefix, platlibdir,
//       stdlib_dir, builtin_module_names, _getframe, displayhook, excepthook,
//       __displayhook__, __excepthook__, settrace/setprofile/gettrace/getprofile,
//       _current_frames, audit/addaudithook, unraisablehook, warnoptions, _xoptions,
//       dont_write_bytecode, pycache_prefix, ps1/ps2 (interactive), last_* (after an
//       uncaught exception);
//   SetLocalsGetter(fn);                    // dir()/vars() without arguments
//   SetSignalChecker(fn);                   // optional: signals interrupt time.sleep
//   Value math = MakeMathModule(), time = MakeTimeModule(), gc = MakeGcModule();
//
// At exit the VM calls FlushStdFiles() (after running atexit handlers, before
// finalisation), which flushes sys.stdout and sys.stderr as CPython's flush_std_files
// does (an error flushing stdout is reported and makes the exit status 120).
// `-u` (PYTHONUNBUFFERED) is SetStdioUnbuffered(true) before MakeSysModule().
//
// Zero-argument dir() and vars() call the hook set by SetLocalsGetter (the VM returns the
// current frame's locals mapping, a new reference): vars() returns it, dir() returns its
// keys sorted. Without a hook they raise SystemError.
//
// Recursion limit: sys.setrecursionlimit stores the value RecursionLimit() returns; the
// VM reads it (cheaply: one relaxed atomic load) when it checks call depth.
//
// Thread safety: everything requires the GIL.
#ifndef PYRT_VM_MODULES_MODULES_H_
#define PYRT_VM_MODULES_MODULES_H_

#include <atomic>

#include "objects/core/core.h"

namespace pyrt {

// --- module constructors (new references; Value{} + exception on failure) ---

[[nodiscard]] Value MakeBuiltinsModule();
[[nodiscard]] Value MakeSysModule();
[[nodiscard]] Value MakeMathModule();
[[nodiscard]] Value MakeTimeModule();
[[nodiscard]] Value MakeGcModule();

// --- hooks the VM installs ---

// The sys module print()/input()/open() and the std streams use (borrowed; the VM keeps
// it alive for the whole run).
void SetSysModule(Value sys);
// The exception currently being handled (borrowed) or Value{}.
using HandledExceptionGetter = Value (*)();
void SetHandledExceptionGetter(HandledExceptionGetter fn);
// The current Python frame depth (for sys.setrecursionlimit's check).
using RecursionDepthGetter = int (*)();
void SetRecursionDepthGetter(RecursionDepthGetter fn);
// The caller's locals mapping (a new reference) for dir()/vars() without arguments.
using LocalsGetter = Value (*)();
void SetLocalsGetter(LocalsGetter fn);

// Runs pending Python signal handlers (CPython's PyErr_CheckSignals): 0, or -1 with the
// handler's exception (KeyboardInterrupt) set. time.sleep calls it when a signal
// interrupts the sleep, then resumes sleeping unless it failed. Called with the GIL held.
using SignalChecker = int (*)();
void SetSignalChecker(SignalChecker fn);

// --- state the VM reads ---

// sys.getrecursionlimit() (default 1000). Inline: the VM checks it on every call.
namespace modules_internal {
extern std::atomic<int> g_recursion_limit;
}  // namespace modules_internal
[[nodiscard]] inline int RecursionLimit() {
  return modules_internal::g_recursion_limit.load(std::memory_order_relaxed);
}
// sys.getswitchinterval() in seconds (default 0.005), for the GIL's drop interval.
[[nodiscard]] double SwitchInterval();

// sys.flags fields the VM sets from the command line before MakeSysModule() (the rest
// keep CPython's defaults).
struct SysFlags {
  int debug = 0, inspect = 0, interactive = 0, optimize = 0, dont_write_bytecode = 0,
      no_user_site = 0, no_site = 0, ignore_environment = 0, verbose = 0,
      bytes_warning = 0, quiet = 0, hash_randomization = 1, isolated = 0, utf8_mode = 0,
      warn_default_encoding = 0, int_max_str_digits = -1;
  bool dev_mode = false, safe_path = false;
};
[[nodiscard]] SysFlags& MutableSysFlags();

// --- standard streams ---

// Before MakeSysModule: make stdout and stderr write-through (python3 -u).
void SetStdioUnbuffered(bool unbuffered);
// Flushes sys.stdout and sys.stderr (whatever objects they are now: calls their flush()
// method; errors are printed to the C stderr and cleared). Returns 0, or -1 if flushing
// stdout failed (the VM then exits with status 120, as CPython).
int FlushStdFiles();

}  // namespace pyrt

#endif  // PYRT_VM_MODULES_MODULES_H_

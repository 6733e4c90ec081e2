// vm.h — the interpreter's entry points: start the runtime, run a program, shut down.
//
// The VM (package vm/) turns compiler output into code objects and runs them in an eval
// loop over compiler/opcodes.h (vm/eval.cc), with frames in a contiguous per-thread
// stack, generators, tracebacks and the import system. It owns the `builtins` and `sys`
// modules' wiring: module contents come from vm/modules/ (the builtins helper) when they
// are linked in, and the VM adds what needs the interpreter (exec, eval, compile,
// __import__, __build_class__, globals, locals, sys.modules, sys.path, sys._getframe,
// sys.exc_info, recursion limits).
//
//   pyrt::vm::Options opt;
//   opt.argv = {"prog.py", "arg"};
//   if (pyrt::vm::Initialize(opt) != 0) return 1;
//   int status = pyrt::vm::RunFile("prog.py");
//   status = pyrt::vm::Finalize(status);
//
// Exit statuses follow python3: 0, 1 for an uncaught exception (printed with its
// traceback to stderr), SystemExit's code.
//
// Thread safety: call from one thread (the one that called Initialize).
#ifndef PYRT_VM_VM_H_
#define PYRT_VM_VM_H_

#include <string>
#include <vector>

namespace pyrt::vm {

struct Options {
  std::vector<std::string> argv;         // sys.argv
  std::vector<std::string> xoptions;     // -X options ("pyrt-stats", ...)
  bool ignore_environment = false;       // -E / -I: no PYTHONPATH
  bool unbuffered = false;               // -u
  int optimize = 0;                      // -O count
  std::string executable;                // sys.executable
};

// Starts the object model and the VM: builtins, sys (argv, path = script dir +
// PYTHONPATH + /usr/lib/python3.11), __main__. Returns 0, or prints and returns 1.
[[nodiscard]] int Initialize(const Options& options);

// Runs the file `path` as __main__. Returns the exit status.
[[nodiscard]] int RunFile(const std::string& path);
// Runs `source` (from -c or a pipe) as __main__ with the given co_filename
// ("<string>" / "<stdin>").
[[nodiscard]] int RunSource(const std::string& source, const std::string& filename);
// Runs module `name` as __main__ (-m): finds name.py / name/__main__.py on sys.path.
[[nodiscard]] int RunModule(const std::string& name);

// Flushes sys.stdout/sys.stderr, prints -X pyrt-stats statistics, and returns the final
// exit status (`status`, or 120 if flushing stdout failed, as python3).
[[nodiscard]] int Finalize(int status);

}  // namespace pyrt::vm

#endif  // PYRT_VM_VM_H_

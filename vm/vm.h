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
  bool interactive = false;              // -i (sys.flags.interactive)
  bool inspect = false;                  // -i or PYTHONINSPECT (sys.flags.inspect)
  bool quiet = false;                    // -q (sys.flags.quiet)
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

// --- interactive mode: the REPL's engine (cli/ reads the lines and prompts) ---
//
//   if (BeginInteractive() != 0) return 1;
//   std::string lines;
//   for (;;) {
//     line = read with InteractivePrompt(!lines.empty()), or EOF;
//     lines += line;
//     InteractiveResult r = RunInteractive(lines, /*at_eof=*/false);
//     if (r.status == InteractiveStatus::kIncomplete) continue;
//     lines.clear();
//     if (r.status == InteractiveStatus::kExit) return r.exit_status;
//   }

// "Python <sys.version> on linux" and the "Type "help", ..." line, as python3's banner.
[[nodiscard]] std::string Banner();

// Uses sys.modules['__main__'] (made if no program ran) and sets sys.ps1/sys.ps2 to
// ">>> "/"... " unless set. Returns 0, or prints and returns 1.
[[nodiscard]] int BeginInteractive();

// str(sys.ps1), or str(sys.ps2) for a continuation line ("" if str() fails, printed).
[[nodiscard]] std::string InteractivePrompt(bool continuation);

enum class InteractiveStatus {
  kIncomplete,  // the statement goes on: read another line (sys.ps2) and call again
  kDone,        // the statement ran, or its error was printed
  kExit,        // SystemExit: leave with exit_status
};
struct InteractiveResult {
  InteractiveStatus status = InteractiveStatus::kDone;
  int exit_status = 0;
};

// `lines`: everything typed for the current statement, each line ending in '\n'.
// Parses it as CPython's REPL does (an empty line ends a compound statement); once
// complete, compiles it in "single" mode as "<stdin>" and runs it in __main__:
// expression values go through sys.displayhook, an exception is printed with its
// traceback, SystemExit ends the session. `at_eof`: no more input will come, so the
// statement is closed (and run) as it stands. sys.stdout/sys.stderr are flushed.
[[nodiscard]] InteractiveResult RunInteractive(const std::string& lines, bool at_eof);

// Ctrl-C at a prompt: prints "KeyboardInterrupt" as the REPL does.
void ReportKeyboardInterrupt();

// Flushes sys.stdout and sys.stderr (before a prompt).
void FlushStdio();

// --- signals ---
// Installs the SIGINT handler (no SA_RESTART): the next backward jump or function
// entry raises KeyboardInterrupt in the interpreter; time.sleep is interrupted.
void InstallSigintHandler();
// True (and cleared) if SIGINT arrived since the last check: the REPL's line reader
// polls it when a read is interrupted.
[[nodiscard]] bool TakePendingSigint();
// True when the program (or the REPL's last statement) ended with an uncaught
// KeyboardInterrupt: python3 then exits by re-raising SIGINT with the default action.
[[nodiscard]] bool UnhandledKeyboardInterrupt();

}  // namespace pyrt::vm

#endif  // PYRT_VM_VM_H_

// pyrt — the command-line entry point, python3's interface over the VM:
//   pyrt [option] ... [-c cmd | -m mod | file | -] [arg] ...
// Exit statuses as python3: 0, 1 for an uncaught exception, 2 for usage errors and
// unreadable scripts, SystemExit's code. The interpreter runs on a thread with a large
// stack (vm_internal's C-stack guard raises RecursionError well before it is used up).

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "cli/repl.h"
#include "vm/vm.h"

namespace {

// The language version pyrt implements; sys.version_info reports the same.
constexpr std::string_view kPythonVersion = "3.11.7";
// The interpreter thread's stack (see vm/internal/vm_internal.h kInterpreterStackBytes).
constexpr size_t kStackBytes = size_t{256} << 20;

constexpr const char* kUsage =
    "usage: pyrt [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

constexpr const char* kHelp =
    "Options and arguments (and corresponding environment variables):\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script\n"
    "-I     : isolate Python from the user's environment (implies -E and -s)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "-X opt : set implementation-specific option (-X pyrt-stats: print specialization\n"
    "         statistics at exit)\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

int UsageError(const char* fmt, const char* arg) {
  std::fprintf(stderr, fmt, arg);
  std::fputs(kUsage, stderr);
  std::fputs("Try `pyrt -h' for more information.\n", stderr);
  return 2;
}

enum class Mode { kStdin, kFile, kCommand, kModule };

struct Job {
  pyrt::vm::Options options;
  Mode mode = Mode::kStdin;
  std::string target;  // file, command text or module name
  int status = 0;
};

// python3's stdin_is_interactive: a terminal, or -i.
bool StdinInteractive(const Job& job) { return isatty(0) || job.options.interactive; }

void* RunJob(void* arg) {
  Job* job = static_cast<Job*>(arg);
  // SIGINT is blocked in the process's main thread (waiting in pthread_join) so that it
  // is delivered here, where it interrupts blocking calls.
  sigset_t sigint;
  sigemptyset(&sigint);
  sigaddset(&sigint, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &sigint, nullptr);
  if (pyrt::vm::Initialize(job->options) != 0) {
    job->status = 1;
    return nullptr;
  }
  if (job->mode == Mode::kStdin && StdinInteractive(*job)) {
    // No program: the REPL, with python3's banner on stderr.
    if (!job->options.quiet) {
      std::string banner = pyrt::vm::Banner();
      std::fwrite(banner.data(), 1, banner.size(), stderr);
    }
    job->status = pyrt::vm::Finalize(pyrt::cli::RunRepl());
    return nullptr;
  }
  int status = 0;
  switch (job->mode) {
    case Mode::kFile:
      status = pyrt::vm::RunFile(job->target);
      break;
    case Mode::kCommand:
      status = pyrt::vm::RunSource(job->target + "\n", "<string>");
      break;
    case Mode::kModule:
      status = pyrt::vm::RunModule(job->target);
      break;
    case Mode::kStdin: {
      std::string source((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      status = pyrt::vm::RunSource(source, "<stdin>");
      break;
    }
  }
  // -i (or PYTHONINSPECT, read again now as python3 does): the REPL after the program,
  // whatever its outcome; the REPL's status replaces the program's.
  bool inspect = job->options.inspect;
  if (!job->options.ignore_environment) {
    const char* env = std::getenv("PYTHONINSPECT");
    if (env != nullptr && *env != '\0') inspect = true;
  }
  if (job->mode != Mode::kStdin && inspect && StdinInteractive(*job)) {
    status = pyrt::cli::RunRepl();
  }
  job->status = pyrt::vm::Finalize(status);
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  Job job;
  job.options.executable = argv[0];
  int i = 1;
  bool have_target = false;
  for (; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-V" || arg == "--version") {
      std::printf("Python %.*s\n", static_cast<int>(kPythonVersion.size()), kPythonVersion.data());
      return 0;
    }
    if (arg == "-h" || arg == "-?" || arg == "--help") {
      std::fputs(kUsage, stdout);
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (arg == "-c" || arg == "-m" || arg == "-X" || arg == "-W") {
      if (i + 1 >= argc) return UsageError("Argument expected for the %s option\n", argv[i]);
      if (arg == "-X") {
        job.options.xoptions.push_back(argv[++i]);
        continue;
      }
      if (arg == "-W") {
        ++i;
        continue;
      }
      job.mode = arg == "-c" ? Mode::kCommand : Mode::kModule;
      job.target = argv[++i];
      job.options.argv.push_back(arg == "-c" ? "-c" : job.target);
      ++i;
      have_target = true;
      break;
    }
    if (arg.size() > 2 && arg[0] == '-' && arg[1] == 'X') {
      job.options.xoptions.push_back(std::string(arg.substr(2)));
      continue;
    }
    if (arg == "-E" || arg == "-I") {
      job.options.ignore_environment = true;
      continue;
    }
    if (arg == "-u") {
      job.options.unbuffered = true;
      continue;
    }
    if (arg == "-O" || arg == "-OO") {
      job.options.optimize += static_cast<int>(arg.size()) - 1;
      continue;
    }
    if (arg == "-i") {
      job.options.interactive = true;
      job.options.inspect = true;
      continue;
    }
    if (arg == "-q") {
      job.options.quiet = true;
      continue;
    }
    if (arg == "-s" || arg == "-S" || arg == "-B" || arg == "-b" || arg == "-d" || arg == "-v" ||
        arg == "-P") {
      continue;
    }
    if (arg == "-") {
      job.options.argv.push_back("-");
      ++i;
      have_target = true;
      break;
    }
    if (arg.size() > 1 && arg[0] == '-') return UsageError("Unknown option: %s\n", argv[i]);
    job.mode = Mode::kFile;
    job.target = argv[i];
    job.options.argv.push_back(job.target);
    ++i;
    have_target = true;
    break;
  }
  if (!have_target) job.options.argv.push_back("");
  for (; i < argc; ++i) job.options.argv.push_back(argv[i]);

  if (!job.options.ignore_environment) {
    const char* env = std::getenv("PYTHONINSPECT");
    if (env != nullptr && *env != '\0') job.options.inspect = true;
  }

  sigset_t sigint, saved;
  sigemptyset(&sigint);
  sigaddset(&sigint, SIGINT);
  pthread_sigmask(SIG_BLOCK, &sigint, &saved);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kStackBytes);
  pthread_t thread;
  if (pthread_create(&thread, &attr, RunJob, &job) != 0) {
    RunJob(&job);  // fall back to the main thread's stack
  } else {
    pthread_join(thread, nullptr);
  }
  pthread_attr_destroy(&attr);
  std::fflush(stdout);
  if (pyrt::vm::UnhandledKeyboardInterrupt()) {
    // As python3: after the traceback, die by SIGINT with its default action, so that
    // the shell sees "killed by SIGINT" (status 130).
    std::fflush(stderr);
    signal(SIGINT, SIG_DFL);
    pthread_sigmask(SIG_UNBLOCK, &sigint, nullptr);
    kill(getpid(), SIGINT);
  }
  pthread_sigmask(SIG_SETMASK, &saved, nullptr);
  return job.status;
}

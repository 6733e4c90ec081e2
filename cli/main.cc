// pyrt — the command-line entry point, python3's interface over the VM:
//   pyrt [option] ... [-c cmd | -m mod | file | -] [arg] ...
// Exit statuses as python3: 0, 1 for an uncaught exception, 2 for usage errors and
// unreadable scripts, SystemExit's code. The interpreter runs on a thread with a large
// stack (vm_internal's C-stack guard raises RecursionError well before it is used up).

#include <pthread.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

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

void* RunJob(void* arg) {
  Job* job = static_cast<Job*>(arg);
  if (pyrt::vm::Initialize(job->options) != 0) {
    job->status = 1;
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
    if (arg == "-i" || arg == "-s" || arg == "-S" || arg == "-B" || arg == "-q" || arg == "-b" ||
        arg == "-d" || arg == "-v" || arg == "-P") {
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
  return job.status;
}

// pyrt — the command-line entry point.
// Until the interpreter lands (the VM issue), this binary implements python3's
// `-V`/`--version` and `-h`/`--help`, rejects unknown options the way python3 does
// (exit status 2), and reports that executing code is not implemented yet (exit 2).

#include <cstdio>
#include <cstring>
#include <string_view>

namespace {

// The language version pyrt implements; sys.version_info will report the same.
constexpr std::string_view kPythonVersion = "3.11.7";

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
    "-X opt : set implementation-specific option\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

int UsageError(const char* fmt, const char* arg) {
  std::fprintf(stderr, fmt, arg);
  std::fputs(kUsage, stderr);
  std::fputs("Try `pyrt -h' for more information.\n", stderr);
  return 2;
}

int NotImplemented(std::string_view what) {
  std::fprintf(stderr,
               "pyrt: cannot run %.*s: executing Python code is not implemented "
               "yet\n",
               static_cast<int>(what.size()), what.data());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-V" || arg == "--version") {
      std::printf("Python %.*s\n", static_cast<int>(kPythonVersion.size()),
                  kPythonVersion.data());
      return 0;
    }
    if (arg == "-h" || arg == "-?" || arg == "--help") {
      std::fputs(kUsage, stdout);
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (arg == "-c" || arg == "-m" || arg == "-X") {
      if (i + 1 >= argc) {
        return UsageError("Argument expected for the %s option\n", argv[i]);
      }
      if (arg == "-X") {
        ++i;
        continue;
      }
      return NotImplemented(arg == "-c" ? "-c command" : "-m module");
    }
    if (arg == "-E" || arg == "-I" || arg == "-i" || arg == "-u" ||
        arg == "-s" || arg == "-S" || arg == "-B" || arg == "-O") {
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return UsageError("Unknown option: %s\n", argv[i]);
    }
    return NotImplemented(arg);
  }
  return NotImplemented("stdin");
}

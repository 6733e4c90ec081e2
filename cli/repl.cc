#include "cli/repl.h"

#include <editline/readline.h>
#include <errno.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "vm/vm.h"

namespace pyrt::cli {
namespace {

enum class ReadStatus { kLine, kEof, kInterrupt };

// Set by ReadByte when SIGINT interrupted a read: the line editor then sees end of
// input, and the caller reports KeyboardInterrupt instead.
bool g_interrupted = false;

// One byte from fd 0; EOF at end of input or on Ctrl-C (g_interrupted set).
int ReadByte() {
  for (;;) {
    unsigned char c;
    ssize_t n = read(0, &c, 1);
    if (n == 1) return c;
    if (n == 0) return EOF;
    if (errno != EINTR) return EOF;
    if (vm::TakePendingSigint()) {
      g_interrupted = true;
      return EOF;
    }
  }
}

int EditlineGetc(FILE*) { return ReadByte(); }

// A line from a terminal through libedit.
ReadStatus ReadEdited(const std::string& prompt, std::string* line) {
  static bool ready = false;
  if (!ready) {
    rl_catch_signals = 0;  // SIGINT stays with the VM's handler
    rl_getc_function = EditlineGetc;
    rl_instream = stdin;
    rl_outstream = stdout;
    rl_initialize();
    using_history();
    rl_bind_key('\t', rl_insert);  // Tab indents (no completion)
    ready = true;
  }
  g_interrupted = false;
  char* text = readline(prompt.c_str());
  if (text == nullptr) {
    if (g_interrupted) return ReadStatus::kInterrupt;
    return ReadStatus::kEof;
  }
  line->assign(text);
  if (!line->empty()) add_history(text);
  std::free(text);
  line->push_back('\n');
  return ReadStatus::kLine;
}

// A line from a pipe or file: the prompt goes to stderr.
ReadStatus ReadPlain(const std::string& prompt, std::string* line) {
  std::fputs(prompt.c_str(), stderr);
  std::fflush(stderr);
  g_interrupted = false;
  line->clear();
  for (;;) {
    int c = ReadByte();
    if (c == EOF) {
      if (g_interrupted) return ReadStatus::kInterrupt;
      if (line->empty()) return ReadStatus::kEof;
      line->push_back('\n');
      return ReadStatus::kLine;
    }
    line->push_back(static_cast<char>(c));
    if (c == '\n') return ReadStatus::kLine;
  }
}

}  // namespace

int RunRepl() {
  if (vm::BeginInteractive() != 0) return 1;
  const bool edited = isatty(0) && isatty(1);
  FILE* prompt_stream = edited ? stdout : stderr;
  std::string lines;
  for (;;) {
    vm::FlushStdio();
    std::string prompt = vm::InteractivePrompt(!lines.empty());
    std::string line;
    ReadStatus st = edited ? ReadEdited(prompt, &line) : ReadPlain(prompt, &line);
    if (st == ReadStatus::kInterrupt) {
      lines.clear();
      vm::ReportKeyboardInterrupt();
      continue;
    }
    bool at_eof = st == ReadStatus::kEof;
    if (at_eof) {
      std::fputs("\n", prompt_stream);
      std::fflush(prompt_stream);
      if (lines.empty()) return 0;
    } else {
      lines += line;
    }
    vm::InteractiveResult r = vm::RunInteractive(lines, at_eof);
    if (r.status == vm::InteractiveStatus::kIncomplete) continue;
    lines.clear();
    if (r.status == vm::InteractiveStatus::kExit) return r.exit_status;
  }
}

}  // namespace pyrt::cli

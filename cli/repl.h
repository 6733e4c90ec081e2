// cli/repl.h — pyrt's interactive loop (the REPL): reads lines, asks the VM whether
// the statement is complete (vm::RunInteractive), and prompts with sys.ps1/sys.ps2.
//
// Where lines come from, as python3:
//   * stdin and stdout are terminals: libedit's readline() (line editing, in-memory
//     history); the prompt is written by the line editor to stdout.
//   * otherwise (a pipe, `-i` with redirected input): plain reads from fd 0, one byte
//     at a time so nothing is read past the line (input() then sees the rest); the
//     prompt goes to stderr.
// Ctrl-C at a prompt discards the partial statement and prints "KeyboardInterrupt";
// end of input (Ctrl-D) prints a newline, runs what was typed, and ends the loop.
#ifndef PYRT_CLI_REPL_H_
#define PYRT_CLI_REPL_H_

namespace pyrt::cli {

// Runs the loop until end of input or SystemExit; returns the exit status (0 at end
// of input). vm::Initialize must have run; the caller prints the banner.
int RunRepl();

}  // namespace pyrt::cli

#endif  // PYRT_CLI_REPL_H_

// An independent checker of the code generator's output.
//
// `VerifyCodeUnit` re-derives everything from the words alone (it shares only
// opcodes.h with the generator): instruction boundaries, arg ranges, jump targets,
// the stack depth at every instruction by flow analysis (jumps, fall-through,
// exception-table edges), and the exception table's shape.  It recurses into
// nested code units.  Used by codegen_test over the whole standard library.
// Instructions no path reaches (the handler of a `try: pass`, which CPython keeps
// too) are checked for decoding and args only.
#ifndef PYRT_COMPILER_VERIFY_H_
#define PYRT_COMPILER_VERIFY_H_

#include <string>

#include "compiler/code.h"

namespace pyrt::compiler {

// Empty string if `code` and all nested code units are well formed, else a
// description of the first problem ("<qualname> @<offset>: ...").
[[nodiscard]] std::string VerifyCodeUnit(const CodeUnit& code);

}  // namespace pyrt::compiler

#endif  // PYRT_COMPILER_VERIFY_H_

// The code generator's output: `CodeUnit`, a plain C++ description of one code
// object (module, function, lambda, class body or comprehension), and the entry
// points that compile an AST into it.
//
// A CodeUnit is independent of the object model: the VM converts it into its code
// object (constants become Python objects, nested CodeUnits become nested code
// objects).  Its instruction stream follows compiler/opcodes.h: 32-bit words
// [arg:24][opcode:8], each instruction followed by its inline-cache words; offsets
// (jump targets, exception table, positions) are word indices.
//
// Invariants checked by compiler/verify.h (run over the whole stdlib in tests):
// every arg in range, every jump lands on an instruction start, the stack depth
// never goes negative nor above max_stack_depth and agrees at every merge point,
// exception-table entries are sorted, non-overlapping, inside the code, and their
// handlers are instruction starts; every instruction has a position entry.
//
//   pyrt::compiler::ParseResult r = pyrt::compiler::ParseFile(bytes);
//   std::unique_ptr<pyrt::compiler::Scope> top;
//   pyrt::compiler::SyntaxErrorInfo err;
//   if (r.module && BuildSymtable(r.module, &top, &err)) {
//     pyrt::compiler::CompileResult c = pyrt::compiler::CompileModule(r.module, *top, "m.py");
//     if (c.code) Run(*c.code); else Report(c.error);
//   }
//
// Thread-compatible: separate compilations share nothing.
#ifndef PYRT_COMPILER_CODE_H_
#define PYRT_COMPILER_CODE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast.h"
#include "compiler/opcodes.h"
#include "compiler/symtable.h"
#include "compiler/tokenizer.h"

namespace pyrt::compiler {

struct CodeUnit;

// A compile-time constant (an element of co_consts).
struct ConstValue {
  enum Kind : uint8_t {
    kNone, kTrue, kFalse, kEllipsis,
    kInt,        // `i` if `big` is empty, else `big` = decimal digits with optional '-'
    kFloat,      // `d`
    kComplex,    // imaginary literal: 0 + `d`j (real part `re`, normally 0)
    kStr,        // `s`: code points as generalized UTF-8 (lone surrogates as 3 bytes)
    kBytes,      // `s`: raw bytes
    kTuple,      // `items`
    kFrozenset,  // `items` (in the order the code generator saw them; duplicates removed
                 //  where they are equal constants)
    kCode,       // `code`
  };
  Kind kind = kNone;
  int64_t i = 0;
  double d = 0, re = 0;
  std::string big;  // kInt beyond int64 range
  std::string s;
  std::vector<ConstValue> items;
  std::shared_ptr<const CodeUnit> code;

  static ConstValue None() { return {}; }
  static ConstValue Bool(bool b) { ConstValue c; c.kind = b ? kTrue : kFalse; return c; }
  static ConstValue Int(int64_t v) { ConstValue c; c.kind = kInt; c.i = v; return c; }
  static ConstValue Str(std::string v) { ConstValue c; c.kind = kStr; c.s = std::move(v); return c; }
  // Python repr() of the constant (code units print as <code object NAME>).
  [[nodiscard]] std::string Repr() const;
  // Identity for constant deduplication: equal kind and value, with CPython's
  // distinctions (0 vs 0.0 vs False vs -0.0 are different constants).
  [[nodiscard]] bool SameAs(const ConstValue& o) const;
};

// Code flags (CPython's CO_* values).
inline constexpr uint32_t CO_OPTIMIZED = 0x0001, CO_NEWLOCALS = 0x0002, CO_VARARGS = 0x0004,
                          CO_VARKEYWORDS = 0x0008, CO_NESTED = 0x0010, CO_GENERATOR = 0x0020,
                          CO_NOFREE = 0x0040, CO_COROUTINE = 0x0080,
                          CO_ITERABLE_COROUTINE = 0x0100, CO_ASYNC_GENERATOR = 0x0200;
// __future__ flags recorded on code units (CPython's values).
inline constexpr uint32_t CO_FUTURE_ANNOTATIONS = 0x1000000;

// One exception-table entry: instructions in [start, end) (word offsets) that
// raise go to `target` with the stack cut to `depth` values, then the raising
// offset (if `lasti`) and the exception pushed.  Entries are sorted by start and
// do not overlap (nesting is flattened: each offset has at most one entry, the
// innermost handler).
struct ExceptionEntry {
  uint32_t start = 0, end = 0, target = 0;
  uint32_t depth = 0;
  bool lasti = false;
};

// Source position of one word; -1 = none (synthetic instruction), as CPython's
// co_positions() gives None.
struct Position {
  int32_t lineno = -1, end_lineno = -1, col = -1, end_col = -1;  // col in UTF-8 bytes
};

struct CodeUnit {
  std::vector<uint32_t> words;            // instructions + inline caches
  std::vector<Position> positions;        // one per word (caches repeat their instruction's)
  std::vector<ExceptionEntry> exception_table;
  std::vector<ConstValue> consts;
  std::vector<std::string> names;         // LOAD_NAME/GLOBAL/ATTR/METHOD, IMPORT_* ...
  std::vector<std::string> varnames;      // fast locals; parameters first, in order
  std::vector<std::string> cellvars;      // deref slots 0 .. ncells-1
  std::vector<std::string> freevars;      // deref slots ncells .. ncells+nfree-1
  // Per cellvar: the index in varnames of the parameter that initialises it
  // (MAKE_CELL moves the argument into the cell), or -1.
  std::vector<int32_t> cell2arg;
  int32_t argcount = 0;          // positional parameters incl. positional-only
  int32_t posonlyargcount = 0;
  int32_t kwonlyargcount = 0;
  uint32_t flags = 0;            // CO_*
  std::string name, qualname, filename;
  int32_t firstlineno = 1;
  int32_t max_stack_depth = 0;   // deepest value stack, not counting locals/cells
  // The largest number of words needed to hold locals + cells/frees + stack.
  int32_t FrameSize() const {
    return static_cast<int32_t>(varnames.size() + cellvars.size() + freevars.size()) +
           max_stack_depth;
  }
  // co_lines()-style first line of the instruction at word offset `off` (-1 if none).
  int32_t LineAt(uint32_t off) const { return off < positions.size() ? positions[off].lineno : -1; }
};

struct CompileOptions {
  // Constant folding and jump threading as CPython does (ast_opt + peephole);
  // off only for debugging the code generator.
  bool optimize = true;
  // -O level (1: assert statements dropped, __debug__ is False; 2: also docstrings).
  int optimize_level = 0;
  // Flags from an enclosing compile() (PyCF_* future flags), e.g.
  // CO_FUTURE_ANNOTATIONS.
  uint32_t future_flags = 0;
};

// Either a code unit or a compile-time SyntaxError (CPython's message and location;
// offsets 1-based in characters as SyntaxError.offset).
struct CompileResult {
  std::shared_ptr<const CodeUnit> code;
  SyntaxErrorInfo error;  // when code is null
};

// Compiles a Module node ("exec" mode).  `top` is the module's symbol table from
// BuildSymtable on the same tree.  The module code unit is named "<module>".
// A tree deeper than kAstParseMaxDepth gives error type "RecursionError"
// ("maximum recursion depth exceeded during compilation"), as CPython; callers
// must check AstDepth before BuildSymtable too, which also recurses.
[[nodiscard]] CompileResult CompileModule(const Node* module, const Scope& top,
                                          std::string_view filename,
                                          const CompileOptions& options = {});

// "eval" mode: `expression` is an Expression node (or a Module whose single
// statement is an Expr, for callers without an Expression start rule); the code
// unit returns the expression's value.
[[nodiscard]] CompileResult CompileExpression(const Node* expression, const Scope& top,
                                              std::string_view filename,
                                              const CompileOptions& options = {});

// "single" (interactive) mode: `interactive` is an Interactive node (or a Module);
// expression statements at top level print their value with PRINT_EXPR.
[[nodiscard]] CompileResult CompileInteractive(const Node* interactive, const Scope& top,
                                               std::string_view filename,
                                               const CompileOptions& options = {});

// Disassembly of `code` and every nested code unit (the `dis` tool's output):
// per instruction: line, offset, name, arg, resolved meaning; then the exception
// table.
[[nodiscard]] std::string Disassemble(const CodeUnit& code);

}  // namespace pyrt::compiler

#endif  // PYRT_COMPILER_CODE_H_

// The symbol table pass of CPython 3.11 (Python/symtable.c), over our AST.
//
// Builds one `Scope` per module, class, function, lambda and comprehension, in
// the order CPython creates them, records each name's DEF_* flags while walking
// the tree, then analyses the blocks top-down to give every name its scope
// (LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL) stored in the flag bits
// above kScopeOffset, exactly as `_symtable` exposes them.  With `from
// __future__ import annotations`, annotations are visited in detached blocks as
// CPython does (they leave no trace).  Errors are CPython's SyntaxErrors
// ("name 'x' is parameter and global", "no binding for nonlocal 'x' found", ...).
//
//   std::unique_ptr<pyrt::compiler::Scope> top;
//   pyrt::compiler::SyntaxErrorInfo err;
//   if (pyrt::compiler::BuildSymtable(module, &top, &err)) Print(*top);
#ifndef PYRT_COMPILER_SYMTABLE_H_
#define PYRT_COMPILER_SYMTABLE_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compiler/ast.h"
#include "compiler/tokenizer.h"

namespace pyrt::compiler {

// Symbol flags (Include/internal/pycore_symtable.h of 3.11).
inline constexpr int kDefGlobal = 1, kDefLocal = 2, kDefParam = 4, kDefNonlocal = 8,
                     kUse = 16, kDefFree = 32, kDefFreeClass = 64, kDefImport = 128,
                     kDefAnnot = 256, kDefCompIter = 512;
inline constexpr int kDefBound = kDefLocal | kDefParam | kDefImport;
// Scope values, stored at flags >> kScopeOffset.
inline constexpr int kScopeOffset = 11;
inline constexpr int kLocal = 1, kGlobalExplicit = 2, kGlobalImplicit = 3, kFree = 4, kCell = 5;

enum class BlockType { kFunction = 0, kClass = 1, kModule = 2, kAnnotation = 3 };

struct Scope {
  BlockType type;
  std::string name;  // "top", function/class name, "lambda", "listcomp", ...
  int lineno = 0;
  bool nested = false;
  bool is_comprehension = false;
  bool has_free = false, child_free = false;
  // The node that opened this block (FunctionDef, AsyncFunctionDef, ClassDef, Lambda,
  // a comprehension; the Module for the top block), for the code generator.
  const Node* node = nullptr;
  // Class blocks: a method uses super() or __class__ (CPython's ste_needs_class_closure).
  bool needs_class_closure = false;
  // Contains yield / yield from (ste_generator); contains await or is an async
  // comprehension (ste_coroutine).
  bool generator = false, coroutine = false;
  // Top block only: `from __future__ import annotations` is in effect.
  bool future_annotations = false;
  // Symbols in insertion order with their flags.
  std::vector<std::pair<std::string, int>> symbols;
  std::vector<std::unique_ptr<Scope>> children;
  std::unordered_map<std::string, size_t> index;  // name -> position in symbols
  // Flags of `n` (0 if absent) / pointer to them (null if absent).
  int Get(const std::string& n) const;
  int* Find(const std::string& n);
};

// Builds and analyses the symbol table of a Module node.  False on a
// SyntaxError, stored in *error (offsets in characters as CPython gives them).
[[nodiscard]] bool BuildSymtable(const Node* module, std::unique_ptr<Scope>* out,
                                 SyntaxErrorInfo* error);

// Text form used by symtable_dump: per scope, pre-order,
//   "scope <type int> <name> <lineno>" then "  <name> <flags>" sorted by name.
[[nodiscard]] std::string DumpSymtable(const Scope& top);

}  // namespace pyrt::compiler

#endif  // PYRT_COMPILER_SYMTABLE_H_

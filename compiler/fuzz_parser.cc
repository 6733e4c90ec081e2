// libFuzzer target over the tokenizer, parser, AST printer and symbol table.
// Built on demand with clang (not in CI):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address -I. -Ibazel-pyrt \
//     compiler/fuzz_parser.cc compiler/{ast,parser,symtable,tokenizer}.cc \
//     compiler/internal/*.cc unicode/{names,normalize,properties}.cc \
//     -o /tmp/fuzz_parser && /tmp/fuzz_parser -max_total_time=300 -max_len=4096
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "compiler/ast.h"
#include "compiler/parser.h"
#include "compiler/symtable.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string src(reinterpret_cast<const char*>(data), size);
  pyrt::compiler::ParseResult r = pyrt::compiler::ParseFile(src);
  if (!r.module) return 0;
  if (pyrt::compiler::AstDepth(r.module) > pyrt::compiler::kAstParseMaxDepth) return 0;
  std::string dump = pyrt::compiler::Dump(r.module);
  std::unique_ptr<pyrt::compiler::Scope> top;
  pyrt::compiler::SyntaxErrorInfo err;
  if (pyrt::compiler::BuildSymtable(r.module, &top, &err)) (void)pyrt::compiler::DumpSymtable(*top);
  return 0;
}

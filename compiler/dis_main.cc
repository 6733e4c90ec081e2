// dis FILE...: compiles each file and prints the disassembly of its code units
// (recursively) with exception tables, or the compile error.
//   dis [-O|-OO] [--verify] FILE...
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "compiler/code.h"
#include "compiler/parser.h"
#include "compiler/symtable.h"
#include "compiler/verify.h"

int main(int argc, char** argv) {
  using namespace pyrt::compiler;
  CompileOptions opts;
  bool verify = false;
  int rc = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "-O")) {
      opts.optimize_level = 1;
      continue;
    }
    if (!std::strcmp(argv[i], "-OO")) {
      opts.optimize_level = 2;
      continue;
    }
    if (!std::strcmp(argv[i], "--verify")) {
      verify = true;
      continue;
    }
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "dis: cannot open %s\n", argv[i]);
      rc = 2;
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    ParseResult r = ParseFile(ss.str());
    SyntaxErrorInfo err;
    std::unique_ptr<Scope> top;
    if (!r.module) {
      err = r.error;
    } else if (AstDepth(r.module) > kAstParseMaxDepth) {
      // (BuildSymtable recurses too: check before it)
      err.type = "RecursionError";
      err.msg = "maximum recursion depth exceeded during compilation";
    } else if (BuildSymtable(r.module, &top, &err)) {
      CompileResult c = CompileModule(r.module, *top, argv[i], opts);
      if (c.code) {
        std::fputs(Disassemble(*c.code).c_str(), stdout);
        if (verify) {
          std::string v = VerifyCodeUnit(*c.code);
          if (!v.empty()) {
            std::printf("VERIFY FAILED: %s\n", v.c_str());
            rc = 1;
          }
        }
        continue;
      }
      err = c.error;
    }
    std::printf("%s\n", FormatError(err).c_str());
    rc = 1;
  }
  return rc;
}

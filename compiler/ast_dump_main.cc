// Built twice: as ast_dump, and with PYRT_SYMTABLE_DUMP as symtable_dump (the
// same modes, printing DumpSymtable's text instead of the AST; see symtable.h).
//
// ast_dump FILE...: prints ast.dump(ast.parse(bytes), include_attributes=True)
// for each file, or one line
//   "<Type>: <msg> (line L, offset O, end_line EL, end_offset EO)"
// for a syntax error (see FormatError in parser.h).
//
// ast_dump --crc: reads file paths from stdin, one per line, and prints
// "<crc32 hex> <byte length> <path>" of each file's dump (the corpus test's
// batch mode; the dump text gets a trailing newline as print() adds).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "compiler/parser.h"
#include "compiler/symtable.h"

namespace {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

#ifdef PYRT_SYMTABLE_DUMP
std::string DumpOrError(const std::string& bytes) {
  pyrt::compiler::ParseResult r = pyrt::compiler::ParseFile(bytes);
  if (!r.module) return pyrt::compiler::FormatError(r.error);
  if (pyrt::compiler::AstDepth(r.module) > pyrt::compiler::kAstParseMaxDepth) return "RecursionError";
  std::unique_ptr<pyrt::compiler::Scope> top;
  pyrt::compiler::SyntaxErrorInfo err;
  if (!pyrt::compiler::BuildSymtable(r.module, &top, &err)) return pyrt::compiler::FormatError(err);
  std::string out = pyrt::compiler::DumpSymtable(*top);
  out.pop_back();  // the caller adds the final newline
  return out;
}
#else
std::string DumpOrError(const std::string& bytes) {
  pyrt::compiler::ParseResult r = pyrt::compiler::ParseFile(bytes);
  if (!r.module) return pyrt::compiler::FormatError(r.error);
  // Deeper trees make ast.parse raise RecursionError (and would exhaust our
  // recursive printer's stack).
  if (pyrt::compiler::AstDepth(r.module) > pyrt::compiler::kAstParseMaxDepth) return "RecursionError";
  return pyrt::compiler::Dump(r.module);
}
#endif

uint32_t Crc32(const std::string& s) {
  static uint32_t table[256];
  static bool init = false;
  if (!init) {
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      table[i] = c;
    }
    init = true;
  }
  uint32_t c = 0xffffffffu;
  for (unsigned char b : s) c = table[(c ^ b) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "--crc") == 0) {
    std::string path;
    while (std::getline(std::cin, path)) {
      std::string bytes;
      std::string out;
      if (!ReadFile(path, &bytes)) {
        out = "OSError";
      } else {
        out = DumpOrError(bytes);
      }
      out.push_back('\n');
      std::printf("%08x %zu %s\n", Crc32(out), out.size(), path.c_str());
      std::fflush(stdout);
    }
    return 0;
  }
  if (argc >= 2 && std::strcmp(argv[1], "--each") == 0) {
    // Paths on stdin; one output line per path.
    std::string path;
    while (std::getline(std::cin, path)) {
      std::string bytes;
      std::string out = ReadFile(path, &bytes) ? DumpOrError(bytes) : "OSError";
      std::printf("%s\n", out.c_str());
      std::fflush(stdout);
    }
    return 0;
  }
  if (argc < 2) {
    std::fprintf(stderr, "usage: ast_dump FILE... | ast_dump --crc < paths\n");
    return 2;
  }
  int rc = 0;
  for (int i = 1; i < argc; ++i) {
    std::string bytes;
    if (!ReadFile(argv[i], &bytes)) {
      std::fprintf(stderr, "cannot read %s\n", argv[i]);
      rc = 2;
      continue;
    }
    std::string out = DumpOrError(bytes);
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fputc('\n', stdout);
  }
  return rc;
}

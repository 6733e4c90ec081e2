// Tests of the code generator.  Expected results come from /usr/bin/python3 (run
// by the test): which files and snippets CPython's compile() rejects, with which
// message and line; everything we compile must pass VerifyCodeUnit.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/code.h"
#include "compiler/parser.h"
#include "compiler/symtable.h"
#include "compiler/verify.h"
#include "gtest/gtest.h"

namespace pyrt::compiler {
namespace {

// Runs `script` under /usr/bin/python3 with `input` on stdin; returns stdout.
std::string Python(const std::string& script, const std::string& input) {
  char sp[] = "/tmp/pyrt_codegen_scriptXXXXXX";
  char ip[] = "/tmp/pyrt_codegen_inputXXXXXX";
  int sfd = mkstemp(sp), ifd = mkstemp(ip);
  EXPECT_GE(sfd, 0);
  EXPECT_GE(ifd, 0);
  FILE* f = fdopen(sfd, "w");
  std::fwrite(script.data(), 1, script.size(), f);
  std::fclose(f);
  f = fdopen(ifd, "w");
  std::fwrite(input.data(), 1, input.size(), f);
  std::fclose(f);
  std::string cmd = std::string("/usr/bin/python3 ") + sp + " < " + ip;
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  std::remove(sp);
  std::remove(ip);
  return out;
}

struct Outcome {
  bool ok = false;
  std::string error;  // "msg|line" when not ok
  std::shared_ptr<const CodeUnit> code;
};

Outcome Compile(const std::string& src, const std::string& filename) {
  Outcome o;
  ParseResult r = ParseFile(src);
  SyntaxErrorInfo err;
  if (!r.module) {
    o.error = r.error.msg + "|" + std::to_string(r.error.lineno);
    return o;
  }
  std::unique_ptr<Scope> top;
  if (!BuildSymtable(r.module, &top, &err)) {
    o.error = err.msg + "|" + std::to_string(err.lineno);
    return o;
  }
  CompileResult c = CompileModule(r.module, *top, filename);
  if (!c.code) {
    o.error = c.error.msg + "|" + std::to_string(c.error.lineno);
    if (c.error.type != "SyntaxError") o.error = c.error.type + ": " + o.error;
    return o;
  }
  o.ok = true;
  o.code = c.code;
  return o;
}

// For each NUL-separated source on stdin: "OK" or "msg|line", one per line.
const char kCompileScript[] = R"PY(
import sys, warnings
warnings.simplefilter('ignore')
data = sys.stdin.buffer.read().split(b'\0')
for src in data[:-1]:
    try:
        compile(src, 'x', 'exec', dont_inherit=True)
        print('OK')
    except SyntaxError as e:
        print(f'{e.msg}|{e.lineno}'.replace('\n', ' '))
    except (ValueError, MemoryError, RecursionError) as e:
        print(f'{type(e).__name__}')
)PY";

std::vector<std::string> CPythonOutcomes(const std::vector<std::string>& sources) {
  std::string input;
  for (const std::string& s : sources) {
    input += s;
    input.push_back('\0');
  }
  std::string out = Python(kCompileScript, input);
  std::vector<std::string> lines;
  std::stringstream ss(out);
  std::string line;
  while (std::getline(ss, line)) lines.push_back(line);
  return lines;
}

TEST(Codegen, StdlibCompilesAndVerifies) {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(
           "/usr/lib/python3.11", std::filesystem::directory_options::skip_permission_denied)) {
    if (e.is_regular_file() && e.path().extension() == ".py") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  ASSERT_GT(paths.size(), 1000u);
  std::vector<std::string> sources;
  std::vector<Outcome> ours;
  int compiled = 0;
  for (const std::string& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    sources.push_back(ss.str());
    ours.push_back(Compile(sources.back(), p));
    if (ours.back().ok) {
      ++compiled;
      std::string v = VerifyCodeUnit(*ours.back().code);
      EXPECT_EQ(v, "") << p;
    }
  }
  std::vector<std::string> theirs = CPythonOutcomes(sources);
  ASSERT_EQ(theirs.size(), paths.size());
  int same = 0;
  for (size_t i = 0; i < paths.size(); ++i) {
    std::string mine = ours[i].ok ? "OK" : ours[i].error;
    if (mine == theirs[i]) {
      ++same;
    } else {
      ADD_FAILURE() << paths[i] << "\n  pyrt:    " << mine << "\n  CPython: " << theirs[i];
    }
  }
  std::printf("stdlib: %zu files, %d compiled and verified, %d outcomes identical to CPython\n",
              paths.size(), compiled, same);
}

// Compile-time errors raised by CPython's compiler (not its parser), and valid
// code around them that must compile.
TEST(Codegen, SyntaxErrorsMatchCPython) {
  const std::vector<std::string> snippets = {
      "return 1\n",
      "x = 1\nreturn\n",
      "break\n",
      "if x:\n    continue\n",
      "class C:\n    return 1\n",
      "class C:\n    yield 1\n",
      "yield 1\n",
      "x = yield from y\n",
      "await x\n",
      "def f():\n    await x\n",
      "def f():\n    [x async for x in y]\n",
      "async def f():\n    yield from x\n",
      "async def f():\n    yield 1\n    return 2\n",
      "def f():\n    async with x: pass\n",
      "def f():\n    async for x in y: pass\n",
      "f(a=1, b=2, a=3)\n",
      "f(a=1, **k, a=2)\n",
      "class C(x=1, x=2): pass\n",
      "a, *b, *c = d\n",
      "*a = b\n",
      "print(*a if b else c)\nx = *a\n",
      "try:\n    pass\nexcept* E:\n    break\n",
      "for x in y:\n    try:\n        pass\n    except* E:\n        continue\n",
      "def f():\n    try:\n        pass\n    except* E:\n        return 1\n",
      "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
      "from __future__ import braces\n",
      "def f():\n    x = [(yield 1) for y in z]\n",
      "def f():\n    x = ((yield 1) for y in z)\n",
      "while True:\n    def g():\n        break\n",
      "for x in y:\n    class C:\n        continue\n",
      "async def f():\n    x = [await y for y in z]\n    return x\n",
      "def f():\n    return [await y for y in z]\n",
      "x = {a: b async for a, b in c}\n",
      "def f():\n    while x:\n        try:\n            break\n        finally:\n            continue\n",
      "def f():\n    for x in y:\n        with a as b, c:\n            try:\n                return 1\n            finally:\n                break\n",
      "def f(a, b=1, *c, d, e=2, **g):\n    nonlocal_ = 1\n    def h():\n        nonlocal a\n        a += 1\n    return h\n",
      "class C:\n    def f(self):\n        return super().f() + __class__.x\n",
      "async def f():\n    async with a as (b, c), d:\n        async for x in y:\n            await z\n    return [i async for i in j]\n",
      "x: int = 1\nclass C:\n    y: 'str'\n    z: list[int] = []\n",
      "def f():\n    x: int = 1\n    y: str\n",
      "import a.b.c as d\nfrom ..x import (y as z, w)\nfrom m import *\n",
      "f'{a!r:>{w}} {b=} {c:{d}.{e}}'\n",
      "x = 1 if a else 2 if b else 3\nassert x, 'm'\ndel a[0], b.c, d\n",
  };
  std::vector<std::string> theirs = CPythonOutcomes(snippets);
  ASSERT_EQ(theirs.size(), snippets.size());
  for (size_t i = 0; i < snippets.size(); ++i) {
    Outcome o = Compile(snippets[i], "x");
    std::string mine = o.ok ? "OK" : o.error;
    EXPECT_EQ(mine, theirs[i]) << snippets[i];
    if (o.ok) EXPECT_EQ(VerifyCodeUnit(*o.code), "") << snippets[i];
  }
}

TEST(Codegen, ExpressionAndInteractiveModes) {
  ParseResult r = ParseFile("1 + x\n");
  ASSERT_TRUE(r.module);
  std::unique_ptr<Scope> top;
  SyntaxErrorInfo err;
  ASSERT_TRUE(BuildSymtable(r.module, &top, &err));
  CompileResult e = CompileExpression(r.module, *top, "<string>");
  ASSERT_TRUE(e.code);
  EXPECT_EQ(VerifyCodeUnit(*e.code), "");
  EXPECT_EQ(WordOp(e.code->words.back()), Op::RETURN_VALUE);
  CompileResult s = CompileInteractive(r.module, *top, "<stdin>");
  ASSERT_TRUE(s.code);
  bool has_print = false;
  for (uint32_t w : s.code->words) has_print = has_print || WordOp(w) == Op::PRINT_EXPR;
  EXPECT_TRUE(has_print);
  ParseResult two = ParseFile("x = 1\ny\n");
  ASSERT_TRUE(BuildSymtable(two.module, &top, &err));
  EXPECT_FALSE(CompileExpression(two.module, *top, "<string>").code);
}

TEST(Codegen, OpcodeTableIsConsistent) {
  for (int i = 0; i < static_cast<int>(Op::kCount); ++i) {
    Op op = static_cast<Op>(i);
    if (IsJump(op)) {
      EXPECT_EQ(Info(op).operand, Operand::kJump) << OpName(op);
    }
    EXPECT_GE(StackPushes(op, 3, false), 0) << OpName(op);
    EXPECT_GE(StackPops(op, 3), 0) << OpName(op);
  }
  EXPECT_EQ(StackEffect(Op::CALL, 2, false), -3);
  EXPECT_EQ(StackEffect(Op::FOR_ITER, 0, true), -1);
  EXPECT_EQ(StackEffect(Op::FOR_ITER, 0, false), 1);
  EXPECT_EQ(StackEffect(Op::MAKE_FUNCTION, 0x0F, false), -4);
}

}  // namespace
}  // namespace pyrt::compiler

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
std::string Python(const std::string& script, const std::string& input, const std::string& args) {
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
  std::string cmd = std::string("/usr/bin/python3 ") + sp + args + " < " + ip;
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

std::string Loc(const SyntaxErrorInfo& e, bool full) {
  auto n = [](int v) { return v == kNoPosition ? std::string("None") : std::to_string(v); };
  std::string s = "|" + n(e.lineno);
  if (full) s += "|" + n(e.offset) + "|" + n(e.end_lineno) + "|" + n(e.end_offset);
  return s;
}

Outcome Compile(const std::string& src, const std::string& filename, bool full = false) {
  Outcome o;
  ParseResult r = ParseFile(src);
  SyntaxErrorInfo err;
  if (!r.module) {
    o.error = r.error.msg + Loc(r.error, full);
    return o;
  }
  std::unique_ptr<Scope> top;
  if (!BuildSymtable(r.module, &top, &err)) {
    o.error = err.msg + Loc(err, full);
    return o;
  }
  CompileResult c = CompileModule(r.module, *top, filename);
  if (!c.code) {
    o.error = c.error.msg + Loc(c.error, full);
    if (c.error.type != "SyntaxError") o.error = c.error.type + ": " + o.error;
    return o;
  }
  o.ok = true;
  o.code = c.code;
  return o;
}

// For each NUL-separated source on stdin: "OK" or "msg|line", then (when OK and
// `meta`) the metadata lines of MetaDump, then "@@".
const char kCompileScript[] = R"PY(
import sys, warnings
warnings.simplefilter('ignore')
meta = 'meta' in sys.argv
full = 'full' in sys.argv
def dump(co, out):
    lines = sorted({l for _, _, l in co.co_lines() if l is not None})
    out.append(f"{co.co_qualname}|{co.co_name}|{co.co_argcount}|{co.co_posonlyargcount}|"
               f"{co.co_kwonlyargcount}|{co.co_flags:#x}|{co.co_firstlineno}|"
               f"{','.join(sorted(co.co_varnames))}|{','.join(co.co_cellvars)}|{','.join(co.co_freevars)}")
    out.append("L " + ",".join(map(str, lines)))
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            dump(c, out)
data = sys.stdin.buffer.read().split(b'\0')
for src in data[:-1]:
    try:
        co = compile(src, 'x', 'exec', dont_inherit=True)
        print('OK')
        if meta:
            out = []
            dump(co, out)
            print('\n'.join(out))
    except SyntaxError as e:
        loc = f'|{e.offset}|{e.end_lineno}|{e.end_offset}' if full else ''
        print(f'{e.msg}|{e.lineno}{loc}'.replace('\n', ' '))
    except (ValueError, MemoryError, RecursionError) as e:
        print(f'{type(e).__name__}')
    print('@@')
)PY";

struct CPythonOutcome {
  std::string outcome;
  std::vector<std::string> meta;
};

std::vector<CPythonOutcome> CPythonOutcomes(const std::vector<std::string>& sources,
                                            bool meta = false, bool full = false) {
  std::string input;
  for (const std::string& s : sources) {
    input += s;
    input.push_back('\0');
  }
  std::string script = kCompileScript;
  std::string out = Python(script, input, std::string(meta ? " meta" : "") + (full ? " full" : ""));
  std::vector<CPythonOutcome> res;
  std::stringstream ss(out);
  std::string line;
  CPythonOutcome cur;
  bool first = true;
  while (std::getline(ss, line)) {
    if (line == "@@") {
      res.push_back(cur);
      cur = CPythonOutcome();
      first = true;
    } else if (first) {
      cur.outcome = line;
      first = false;
    } else {
      cur.meta.push_back(line);
    }
  }
  return res;
}

// The same metadata lines as the Python script's dump().
void MetaDump(const CodeUnit& c, std::vector<std::string>* out) {
  char flags[32];
  std::snprintf(flags, sizeof flags, "%#x", c.flags);
  if (c.flags == 0) std::snprintf(flags, sizeof flags, "0x0");
  std::vector<std::string> vn = c.varnames;
  std::sort(vn.begin(), vn.end());
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + v[i];
    return s;
  };
  out->push_back(c.qualname + "|" + c.name + "|" + std::to_string(c.argcount) + "|" +
                 std::to_string(c.posonlyargcount) + "|" + std::to_string(c.kwonlyargcount) + "|" +
                 flags + "|" + std::to_string(c.firstlineno) + "|" + join(vn) + "|" +
                 join(c.cellvars) + "|" + join(c.freevars));
  std::vector<int> lines;
  for (uint32_t off = 0; off < c.words.size(); ++off) {
    if (c.positions[off].lineno >= 0) lines.push_back(c.positions[off].lineno);
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  std::string l = "L ";
  for (size_t i = 0; i < lines.size(); ++i) l += (i ? "," : "") + std::to_string(lines[i]);
  out->push_back(l);
  for (const ConstValue& k : c.consts) {
    if (k.kind == ConstValue::kCode) MetaDump(*k.code, out);
  }
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
  std::vector<CPythonOutcome> theirs = CPythonOutcomes(sources, true);
  ASSERT_EQ(theirs.size(), paths.size());
  int same = 0, meta_same = 0, lines_same = 0, both_ok = 0;
  for (size_t i = 0; i < paths.size(); ++i) {
    std::string mine = ours[i].ok ? "OK" : ours[i].error;
    if (mine == theirs[i].outcome) {
      ++same;
    } else {
      ADD_FAILURE() << paths[i] << "\n  pyrt:    " << mine << "\n  CPython: " << theirs[i].outcome;
    }
    if (!ours[i].ok || theirs[i].outcome != "OK") continue;
    ++both_ok;
    std::vector<std::string> meta;
    MetaDump(*ours[i].code, &meta);
    // Code-object metadata (names, counts, flags, first line, locals, cells,
    // frees, nesting order) must be identical; line-number sets are reported.
    bool ok = meta.size() == theirs[i].meta.size();
    bool lines_ok = ok;
    for (size_t k = 0; ok && k < meta.size(); ++k) {
      if (meta[k] == theirs[i].meta[k]) continue;
      if (meta[k].rfind("L ", 0) == 0) {
        if (lines_ok && getenv("PYRT_SHOW_LINES")) {
          std::printf("%s\n  lines pyrt:    %s\n  lines CPython: %s\n", paths[i].c_str(),
                      meta[k].c_str(), theirs[i].meta[k].c_str());
        }
        lines_ok = false;
        continue;
      }
      ADD_FAILURE() << paths[i] << "\n  pyrt:    " << meta[k] << "\n  CPython: " << theirs[i].meta[k];
      ok = false;
    }
    if (meta.size() != theirs[i].meta.size()) {
      ADD_FAILURE() << paths[i] << ": " << meta.size() / 2 << " code units, CPython has "
                    << theirs[i].meta.size() / 2;
    }
    meta_same += ok;
    lines_same += ok && lines_ok;
  }
  std::printf("stdlib: %zu files, %d compiled and verified, %d outcomes identical to CPython\n"
              "  of %d compiled by both: %d with identical code-unit metadata, %d also with "
              "identical line-number sets\n",
              paths.size(), compiled, same, both_ok, meta_same, lines_same);
}

// Compile-time errors raised by CPython's compiler (not its parser), and valid
// code around them that must compile.
TEST(Codegen, SyntaxErrorsMatchCPython) {
  std::vector<std::string> snippets = {
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
      // match
      "match x:\n    case y:\n        pass\n    case z:\n        pass\n",
      "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
      "match x:\n    case [a, a]:\n        pass\n",
      "match x:\n    case 1 | y:\n        pass\n",
      "match x:\n    case [a] | (b,):\n        pass\n",
      "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
      "match x:\n    case {1: a, True: b}:\n        pass\n",
      "match x:\n    case C(a=1, a=2):\n        pass\n",
      "match x:\n    case [*a, *b]:\n        pass\n",
      "match x:\n    case (a as b) | (b as a):\n        pass\n",
      "match x:\n    case f.a | f.b:\n        pass\n    case (1 | 2) as z if z:\n        pass\n"
      "    case [1, *r, 2]:\n        pass\n    case {'k': v, **rest}:\n        pass\n"
      "    case Point(1, y=2):\n        pass\n    case -1 | 1.5 | -2j | 1+2j | None | True:\n        pass\n"
      "    case [_, *_, _] | [*_]:\n        pass\n    case {**kw}:\n        pass\n    case (a, b) | [b, a]:\n        pass\n",
      "match x:\n    case a if a:\n        pass\n    case b:\n        pass\n",
      "def f():\n    match x:\n        case [a, *b, c] if b:\n            return a\n        case _:\n            return 2\n",
      // scopes, async
      "async def f():\n    def g():\n        await x\n",
      "async def f():\n    lambda: await x\n",
      "async def f():\n    [x for x in await y]\n    return (await x for x in y)\n",
      "def f():\n    return (await x for x in y)\n",
      "async def f():\n    yield\n    await x\n    return\n",
      "for x in y:\n    pass\nelse:\n    break\n",
      "while x:\n    pass\nelse:\n    continue\n",
      "try:\n    pass\nfinally:\n    return\n",
      "def f():\n    for x in y:\n        try:\n            pass\n        finally:\n            break\n",
      "def f():\n    try:\n        return g()\n    except E as e:\n        return e\n    else:\n        pass\n    finally:\n        h()\n",
      "try:\n    f()\nexcept* (A, B) as eg:\n    g(eg)\nexcept* C:\n    pass\nelse:\n    h()\nfinally:\n    i()\n",
      "with a as b, c as (d, *e):\n    pass\n",
      "x = [*a, *b]\ny = {**a, 'b': 1}\nz = {*a, 1}\nf(*a, *b, c=1, **d, e=2)\n",
      "x = 2**100\ny = -2**63\nz = 1 << 70\nw = 10**20\nv = 2**-1\nu = (1, 2) + (3,)\n",
      "del (a, [b, c])\na.b += 1\na[1:2] += 3\na[b] **= 2\nx = y = z = 1\n",
      "f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,"
      " 26, 27, 28, 29, 30, 31, a=1)\n",
      "d = {1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 11, 12: 12, 13: 13,"
      " 14: 14, 15: 15, 16: 16, 17: 17, 18: 18, x: 19, 20: y}\n",
      "class C:\n    x: int\n    def __init__(self):\n        self.__x = __y\n        super().__init__()\n"
      "    class D:\n        def f(self): return __class__\n",
      "def f(a, /, b, *, c):\n    def g():\n        nonlocal a\n        global q\n        q = a = b = c\n    return g\n",
      "from __future__ import annotations\ndef f(a: int) -> list[str]:\n    x: dict[str, int] = {}\n",
      "def f():\n    x = 1\n    del x\n    def g(): return x\n",
      "lambda: (yield)\n",
      "def g():\n    x = yield from (yield)\n    return x\n",
  };
  std::vector<std::string> generated;
  for (int depth : {20, 21}) {  // CO_MAXBLOCKS
    std::string nest;
    for (int i = 0; i < depth; ++i) nest += std::string(4 * i, ' ') + "for x in y:\n";
    generated.push_back(nest + std::string(4 * depth, ' ') + "pass\n");
  }
  snippets.insert(snippets.end(), generated.begin(), generated.end());
  // errors: message and full location (line, offset, end line, end offset)
  std::vector<CPythonOutcome> theirs = CPythonOutcomes(snippets, true, true);
  ASSERT_EQ(theirs.size(), snippets.size());
  for (size_t i = 0; i < snippets.size(); ++i) {
    Outcome o = Compile(snippets[i], "x", true);
    std::string mine = o.ok ? "OK" : o.error;
    EXPECT_EQ(mine, theirs[i].outcome) << snippets[i];
    if (o.ok) {
      EXPECT_EQ(VerifyCodeUnit(*o.code), "") << snippets[i];
      // code-object metadata and line-number sets, all identical
      std::vector<std::string> meta;
      MetaDump(*o.code, &meta);
      EXPECT_EQ(meta, theirs[i].meta) << snippets[i];
    }
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

TEST(Codegen, DeepTreesGiveRecursionError) {
  std::string src = "x = a";
  for (int i = 0; i < 100000; ++i) src += ".b";
  ParseResult r = ParseFile(src + "\n");
  ASSERT_TRUE(r.module);
  ASSERT_GT(AstDepth(r.module), kAstParseMaxDepth);
  Scope top;  // not consulted: the depth check comes first
  top.type = BlockType::kModule;
  CompileResult c = CompileModule(r.module, top, "deep.py");
  EXPECT_FALSE(c.code);
  EXPECT_EQ(c.error.type, "RecursionError");
  EXPECT_EQ(c.error.msg, "maximum recursion depth exceeded during compilation");
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

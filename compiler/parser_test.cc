// Unit tests of the front end.  Expected values come from /usr/bin/python3
// (run by the test) wherever the behaviour is CPython's.
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "compiler/ast.h"
#include "compiler/parser.h"
#include "compiler/symtable.h"
#include "compiler/tokenizer.h"
#include "gtest/gtest.h"

namespace pyrt::compiler {
namespace {

// Runs python3 with `code` (source passed through a temp file) and returns stdout.
std::string Python(const std::string& code) {
  char path[] = "/tmp/pyrt_compiler_testXXXXXX";
  int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  FILE* f = fdopen(fd, "w");
  std::fwrite(code.data(), 1, code.size(), f);
  std::fclose(f);
  std::string cmd = std::string("/usr/bin/python3 ") + path;
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), p)) > 0) out.append(buf, n);
  pclose(p);
  std::remove(path);
  return out;
}

std::string DumpOrError(const std::string& src) {
  ParseResult r = ParseFile(src);
  return r.module ? Dump(r.module) : FormatError(r.error);
}

std::vector<Tok> Types(const std::string& src) {
  std::string text;
  SyntaxErrorInfo err;
  EXPECT_TRUE(DecodeSource(src, &text, &err));
  std::vector<Token> toks;
  EXPECT_TRUE(Tokenize(text, TokenizeOptions{}, &toks, &err)) << err.msg;
  std::vector<Tok> out;
  for (const Token& t : toks) out.push_back(t.type);
  return out;
}

TEST(Tokenizer, IndentDedentAndJoining) {
  using T = Tok;
  EXPECT_EQ(Types("if x:\n  y = (1,\n 2)\n\n# c\nz\n"),
            (std::vector<Tok>{T::kName, T::kName, T::kColon, T::kNewline, T::kIndent, T::kName,
                              T::kEqual, T::kLpar, T::kNumber, T::kComma, T::kNumber, T::kRpar,
                              T::kNewline, T::kDedent, T::kName, T::kNewline, T::kEndMarker}));
  EXPECT_EQ(Types("x = 1 + \\\n 2"), (std::vector<Tok>{T::kName, T::kEqual, T::kNumber, T::kPlus,
                                                       T::kNumber, T::kNewline, T::kEndMarker}));
}

TEST(Tokenizer, StringPrefixesAreOneToken) {
  for (const char* s : {"rb'x'", "Rb'x'", "bR'x'", "f'{x}'", "FR'x'", "rf'x'", "u'x'", "U'''x'''",
                        "b\"\"\"x\ny\"\"\""}) {
    std::vector<Tok> t = Types(s);
    ASSERT_EQ(t.size(), 3u) << s;
    EXPECT_EQ(t[0], Tok::kString) << s;
  }
  // "ub" is not a prefix: a name followed by a string.
  EXPECT_EQ(Types("ub'x'")[0], Tok::kName);
}

TEST(Parser, SnippetsMatchPython) {
  const std::vector<std::string> snippets = {
      "x = 1\n",
      "def f(a, /, b=1, *c, d, e=2, **g) -> int: pass\n",
      "async def f():\n    async with a as (b, c), d:\n        await x\n    async for i in y: pass\n",
      "x = f'a{b!r:>{w}} {c=} {d=:x}' 'z' u'q'\n",
      "y = f'''\n  {  a\n +b}\nx {\nc}'''\n",
      "match p:\n    case [1, *r] | {'k': _, **kw} if r: pass\n    case C(a, b=-1+2j) as z: pass\n",
      "try:\n    pass\nexcept* (A, B) as e:\n    pass\n",
      "with (open(a) as f, open(b) as g):\n    pass\n",
      "a[1:2, ::3, *b] = (yield from c)\n",
      "lambda *a, k=1, **kw: (x := 5)\n",
      "print(*[i async for i in x if i], **{'a': 1})\n",
      "0xFFFFFFFFFFFFFFFFFFFFFFFF; 1e16; 1e-5; 0.0001; 3.14j; 1_000.5e-3_0; 0o777; 0b1010\n",
      "b'\\x00\\xff\"\\'' ; '\\N{BULLET}\\ud800\\U0001F600\\t'\n",
      "@d(1)\n@e.f\nclass C(B, metaclass=M):\n    x: int = 1\n    (y): str\n",
      "global a, b\ndel a.b, c[0], (d, e)\nassert x, 'm'\nraise E from None\n",
      "for x, *y in z:\n    continue\nelse:\n    break\n",
      "x = 1 if y else 2 if z else 3\nnot a < b <= c is not d not in e\n",
  };
  std::string code = "import ast\nsrcs = [\n";
  for (const std::string& s : snippets) {
    code += "  " + std::string("bytes.fromhex('");
    static const char kHex[] = "0123456789abcdef";
    for (unsigned char c : s) {
      code.push_back(kHex[c >> 4]);
      code.push_back(kHex[c & 15]);
    }
    code += "'),\n";
  }
  code +=
      "]\nfor s in srcs:\n"
      "    print(ast.dump(ast.parse(s), include_attributes=True))\n";
  std::string expected = Python(code);
  std::string got;
  for (const std::string& s : snippets) got += DumpOrError(s) + "\n";
  EXPECT_EQ(got, expected);
}

TEST(Repr, FloatsMatchPython) {
  const std::vector<double> values = {0.0, -0.0, 1.0, 0.1, 1e16, 1e15, 123456789012345678.0,
                                      1e-4, 1e-5, 2.5e-300, 1.7976931348623157e308, 5e-324,
                                      3.141592653589793, 100.0, 1e22, 0.3};
  std::string code = "vals = [";
  for (double v : values) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "float.fromhex('%a'),", v);
    code += buf;
  }
  code += "]\nfor v in vals: print(repr(v))\n";
  std::string expected = Python(code);
  std::string got;
  for (double v : values) {
    ReprFloat(v, &got);
    got += "\n";
  }
  EXPECT_EQ(got, expected);
}

TEST(Errors, PathologicalInputsNeverCrash) {
  // Each expectation is CPython 3.11's behaviour for ast.parse.
  EXPECT_EQ(DumpOrError(std::string(100000, '(')),
            "SyntaxError: too many nested parentheses (line 1, offset 201, end_line 1, end_offset 201)");
  EXPECT_EQ(DumpOrError(std::string(100000, '-') + "1"), "MemoryError");
  EXPECT_EQ(DumpOrError(std::string(5970, '-') + "1"), "MemoryError");
  EXPECT_NE(DumpOrError(std::string(5969, '-') + "1"), "MemoryError");
  std::string ifs;
  for (int i = 0; i < 300; ++i) ifs += std::string(i, ' ') + "if x:\n";
  ifs += std::string(300, ' ') + "pass\n";
  EXPECT_EQ(DumpOrError(ifs),
            "IndentationError: too many levels of indentation (line 101, offset 1, end_line 101, "
            "end_offset 0)");
  // A 100 MB expression line (a string literal) parses.
  std::string big = "x = '" + std::string(100 * 1000 * 1000, 'a') + "'\n";
  ParseResult r = ParseFile(big);
  ASSERT_NE(r.module, nullptr);
  // A 1 MB arithmetic line parses (left-associative: no deep recursion).
  std::string sum = "x = 1";
  while (sum.size() < 1000 * 1000) sum += "+1";
  EXPECT_NE(ParseFile(sum).module, nullptr);
  // Deep trees are refused by depth, not by crashing.
  std::string chain = "x";
  for (int i = 0; i < 100000; ++i) chain += ".a";
  ParseResult deep = ParseFile(chain);
  ASSERT_NE(deep.module, nullptr);
  EXPECT_GT(AstDepth(deep.module), kAstParseMaxDepth);
}

TEST(Errors, RandomBytesNeverCrash) {
  std::mt19937 rng(12345);
  const std::string alphabet = "()[]{}:;,.'\"\\\n\t #@=+-*/%<>!&|^~abcxyz019_fbru\x80\xc3\xa9\xff";
  for (int iter = 0; iter < 3000; ++iter) {
    std::string s;
    int len = static_cast<int>(rng() % 80);
    for (int i = 0; i < len; ++i) {
      if (rng() % 4 == 0) {
        s.push_back(static_cast<char>(rng() & 0xff));
      } else {
        s.push_back(alphabet[rng() % alphabet.size()]);
      }
    }
    ParseResult r = ParseFile(s);
    if (r.module) {
      std::unique_ptr<Scope> top;
      SyntaxErrorInfo err;
      (void)BuildSymtable(r.module, &top, &err);
      EXPECT_FALSE(Dump(r.module).empty());
    } else {
      EXPECT_FALSE(r.error.type.empty()) << s;
    }
  }
}

TEST(Symtable, ClassCellAndFreeVariables) {
  const std::string src =
      "def f(a):\n    b = 1\n    def g():\n        nonlocal b\n        return a + b + c\n"
      "class C:\n    def m(self):\n        return super().m()\n";
  ParseResult r = ParseFile(src);
  ASSERT_NE(r.module, nullptr);
  std::unique_ptr<Scope> top;
  SyntaxErrorInfo err;
  ASSERT_TRUE(BuildSymtable(r.module, &top, &err)) << err.msg;
  std::string code =
      "import _symtable\n"
      "t = _symtable.symtable(" + std::string("'''") + src + "''', 's', 'exec')\n"
      "def w(t):\n"
      "    print('scope %d %s %d' % (t.type, t.name, t.lineno))\n"
      "    for n, f in sorted(t.symbols.items()): print('  %s %d' % (n, f))\n"
      "    for c in t.children: w(c)\n"
      "w(t)\n";
  EXPECT_EQ(DumpSymtable(*top), Python(code));
}

// The REPL's completeness decision (python3 -i asks for more input in exactly these
// cases; tests/repl/repl_pipe_test.py checks the whole REPL against python3).
TEST(Interactive, IncompleteInput) {
  struct Case {
    const char* text;
    bool incomplete;
    bool ok;  // parsed (when complete)
  };
  const Case cases[] = {
      {"x = 1\n", false, true},
      {"\n", false, true},            // empty statement
      {"# comment\n", false, true},   // likewise
      {"if x:\n", true, false},
      {"if x:\n  y\n", true, false},
      {"if x:\n  y\n\n", false, true},       // an empty line ends the block
      {"if x:\n  y\n   \n", true, false},    // a blank (not empty) line does not
      {"if x:\n  y\nz\n", false, false},     // dedent without an empty line: error
      {"if x: y\n", true, false},
      {"@d\n", true, false},
      {"(1,\n", true, false},
      {"(1,\n\n", true, false},               // empty lines inside brackets are skipped
      {"x = '''a\n", true, false},
      {"x = 1 + \\\n", true, false},
      {"print(1 2\n", false, false},           // error found before the end
      {"x = = 1\n", false, false},
      {"try:\n  pass\n", true, false},
      {"try:\n  pass\nfinally:\n  pass\n\n", false, true},
      {"  x\n", false, false},                  // unexpected indent
  };
  for (const Case& c : cases) {
    bool incomplete = true;
    ParseResult r = ParseInteractiveInput(c.text, false, &incomplete);
    EXPECT_EQ(incomplete, c.incomplete) << c.text;
    if (!c.incomplete) EXPECT_EQ(r.module != nullptr, c.ok) << c.text << " " << r.error.msg;
  }
  // At end of input an open block is closed and parsed.
  bool incomplete = true;
  ParseResult r = ParseInteractiveInput("if x:\n  y\n", true, &incomplete);
  EXPECT_FALSE(incomplete);
  EXPECT_NE(r.module, nullptr);
}

TEST(StartRules, SingleAndEval) {
  EXPECT_NE(ParseString("x", StartRule::kInteractive).module, nullptr);
  EXPECT_NE(ParseString("if 1:\n  x", StartRule::kInteractive).module, nullptr);
  EXPECT_EQ(ParseString("@d\ndef f(): pass", StartRule::kInteractive).module, nullptr);
  ParseResult two = ParseString("x = 1\ny = 2", StartRule::kInteractive);
  EXPECT_EQ(two.error.msg, "multiple statements found while compiling a single statement");
  EXPECT_NE(ParseString("a, b\n\n", StartRule::kEval).module, nullptr);
  ParseResult assign = ParseString("x = 1", StartRule::kEval);
  EXPECT_EQ(assign.error.msg, "invalid syntax");
  EXPECT_EQ(assign.error.offset, 3);
  EXPECT_EQ(ParseString("*a", StartRule::kEval).module, nullptr);
}

}  // namespace
}  // namespace pyrt::compiler

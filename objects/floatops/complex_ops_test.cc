// Differential tests for complex_ops: ~35,000 divisions, powers, abs(), repr() and
// complex(str) parses computed by python3 at test time.
#include "objects/floatops/complex_ops.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "objects/floatops/float_ops.h"

namespace pyrt::floatops {
namespace {

double FromPyHex(std::string s) {
  const bool neg = !s.empty() && s[0] == '-';
  if (neg) s.erase(0, 1);
  double v = 0;
  if (s == "inf") {
    v = HUGE_VAL;
  } else if (s == "nan") {
    v = std::nan("");
  } else {
    std::from_chars(s.data() + 2, s.data() + s.size(), v, std::chars_format::hex);
  }
  return neg ? -v : v;
}

Complex ParseC(const std::string& t) {
  const size_t comma = t.find(',');
  return {FromPyHex(t.substr(0, comma)), FromPyHex(t.substr(comma + 1))};
}

std::string ShowC(Complex z) { return Hex(z.real) + "," + Hex(z.imag); }

std::string Err(const format::Error& e) {
  const char* name = e.kind == format::ErrorKind::kZeroDivisionError ? "ZeroDivisionError"
                     : e.kind == format::ErrorKind::kOverflowError  ? "OverflowError"
                                                                    : "ValueError";
  return std::string("ERR:") + name + ":" + e.message;
}

std::string Unhex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

TEST(ComplexOpsTest, MatchesPython) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const std::string cmd = std::string("/usr/bin/python3 ") + (srcdir ? srcdir : ".") +
                          "/pyrt/objects/floatops/complex_cases.py";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buf[4096];
  int cases = 0, failures = 0;
  while (std::fgets(buf, sizeof buf, pipe)) {
    std::string line = buf;
    if (!line.empty() && line.back() == '\n') line.pop_back();
    std::vector<std::string> f;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    std::string got;
    if (f[0] == "div" || f[0] == "pow") {
      Complex out;
      const format::Error e = f[0] == "div" ? Div(ParseC(f[1]), ParseC(f[2]), &out)
                                            : Pow(ParseC(f[1]), ParseC(f[2]), &out);
      got = e.ok() ? "OK:" + ShowC(out) : Err(e);
    } else if (f[0] == "abs") {
      double out = 0;
      const format::Error e = Abs(ParseC(f[1]), &out);
      got = e.ok() ? "OK:" + Hex(out) : Err(e);
    } else if (f[0] == "repr") {
      got = "OK:" + ComplexRepr(ParseC(f[1]));
    } else {
      Complex out;
      switch (ParseComplex(Unhex(f[1]), &out)) {
        case ComplexParse::kOk: got = "OK:" + ShowC(out); break;
        case ComplexParse::kMalformed: got = "ERR:ValueError:malformed"; break;
        case ComplexParse::kBadUnderscore: got = "ERR:ValueError:underscore"; break;
      }
    }
    ++cases;
    if (got != f[3] && ++failures <= 25) {
      ADD_FAILURE() << line << "\n  pyrt: " << got;
    }
  }
  ASSERT_EQ(pclose(pipe), 0);
  EXPECT_GT(cases, 30000);
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace pyrt::floatops

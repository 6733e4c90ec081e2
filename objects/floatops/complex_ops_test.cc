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
#include "objects/testing/python_cases.h"

namespace pyrt::floatops {
namespace {

using objects_testing::FromPyFloatHex;
using objects_testing::RunPythonLines;
using objects_testing::Split;
using objects_testing::Unhex;

Complex ParseC(const std::string& t) {
  const size_t comma = t.find(',');
  return {FromPyFloatHex(t.substr(0, comma)), FromPyFloatHex(t.substr(comma + 1))};
}

std::string ShowC(Complex z) { return Hex(z.real) + "," + Hex(z.imag); }

std::string Err(const format::Error& e) {
  const char* name = e.kind == format::ErrorKind::kZeroDivisionError ? "ZeroDivisionError"
                     : e.kind == format::ErrorKind::kOverflowError  ? "OverflowError"
                                                                    : "ValueError";
  return std::string("ERR:") + name + ":" + e.message;
}

TEST(ComplexOpsTest, MatchesPython) {
  int cases = 0, failures = 0;
  for (const std::string& line : RunPythonLines("objects/floatops/complex_cases.py", "")) {
    const std::vector<std::string> f = Split(line);
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
  EXPECT_GT(cases, 30000);
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace pyrt::floatops

// Differential tests for float_ops: ~17,000 cases computed by python3 at test time.
#include "objects/floatops/float_ops.h"

#include <gtest/gtest.h>
#include "objects/testing/python_cases.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace pyrt::floatops {
namespace {

using objects_testing::FromPyFloatHex;
using objects_testing::RunPythonLines;
using objects_testing::Split;

std::string ErrName(format::ErrorKind k) {
  switch (k) {
    case format::ErrorKind::kValueError: return "ValueError";
    case format::ErrorKind::kOverflowError: return "OverflowError";
    case format::ErrorKind::kZeroDivisionError: return "ZeroDivisionError";
    default: return "?";
  }
}

std::string Render(const Error& e, const std::vector<double>& values) {
  if (!e.ok()) return "ERR:" + ErrName(e.kind) + ":" + e.message;
  std::string out = "OK:";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ",";
    out += Hex(values[i]);
  }
  return out;
}

TEST(FloatOpsTest, MatchesPython) {
  int cases = 0, failures = 0;
  for (const std::string& line : RunPythonLines("objects/floatops/float_cases.py", "")) {
    const std::vector<std::string> f = Split(line);
    const std::string& op = f[0];
    const double x = FromPyFloatHex(f[1]);
    std::string got;
    if (op == "round" || op == "roundint" || op == "hex" || op == "ratio" || op == "isint") {
      double r = 0;
      if (op == "round") {
        Error e = Round(x, std::stoll(f[2]), &r);
        got = Render(e, {r});
      } else if (op == "roundint") {
        Error e = RoundToIntegral(x, &r);
        got = Render(e, {r + 0.0});  // Python converts to int: a -0.0 becomes 0
      } else if (op == "hex") {
        got = "OK:" + Hex(x);
      } else if (op == "isint") {
        got = std::string("OK:") + (IsInteger(x) ? "True" : "False");
      } else {
        int64_t m = 0;
        int e = 0;
        Error err = IntegerRatioParts(x, &m, &e);
        if (!err.ok()) {
          got = Render(err, {});
        } else {
          // Python's (numerator, denominator), when both fit in int64 (else skip).
          if (e >= 0 && e < 63 - 53) {
            got = "OK:" + std::to_string(m << e) + ",1";
          } else if (e < 0 && e > -63) {
            got = "OK:" + std::to_string(m) + "," + std::to_string(int64_t{1} << -e);
          } else {
            continue;
          }
        }
      }
    } else {
      const double y = FromPyFloatHex(f[2]);
      double a = 0, b = 0;
      if (op == "truediv") {
        Error e = TrueDiv(x, y, &a);
        got = Render(e, {a});
      } else if (op == "floordiv") {
        Error e = FloorDiv(x, y, &a);
        got = Render(e, {a});
      } else if (op == "mod") {
        Error e = Mod(x, y, &a);
        got = Render(e, {a});
      } else if (op == "divmod") {
        Error e = DivMod(x, y, &a, &b);
        got = Render(e, {a, b});
      } else {
        bool complex_result = false;
        Error e = Pow(x, y, &a, &complex_result);
        got = complex_result ? "COMPLEX" : Render(e, {a});
      }
    }
    ++cases;
    if (got != f[3] && ++failures <= 25) {
      ADD_FAILURE() << op << "(" << f[1] << ", " << f[2] << ")\n  python3: " << f[3]
                    << "\n  pyrt:    " << got;
    }
  }
  EXPECT_GT(cases, 15000);
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace pyrt::floatops

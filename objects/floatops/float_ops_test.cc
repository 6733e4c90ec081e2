// Differential tests for float_ops: ~17,000 cases computed by python3 at test time.
#include "objects/floatops/float_ops.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

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
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const std::string cmd = std::string("/usr/bin/python3 ") + (srcdir ? srcdir : ".") +
                          "/pyrt/objects/floatops/float_cases.py";
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
    const std::string& op = f[0];
    const double x = FromPyHex(f[1]);
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
      const double y = FromPyHex(f[2]);
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
  ASSERT_EQ(pclose(pipe), 0);
  EXPECT_GT(cases, 15000);
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace pyrt::floatops

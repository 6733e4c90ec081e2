// testing_python.h — test-only plumbing for vm/modules' differential tests: runs a case
// generator script under /usr/bin/python3 (a Bazel `data` file) and returns its lines
// split at tabs, plus the float-text helpers the cases use. (objects/testing has the same
// for objects/*, but its visibility stops at //objects.)
#ifndef PYRT_VM_MODULES_TESTING_PYTHON_H_
#define PYRT_VM_MODULES_TESTING_PYTHON_H_

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace pyrt::modules_testing {

inline std::vector<std::string> SplitTabs(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find('\t', start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos
                                                                  : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

// Runs `<env> /usr/bin/python3 $TEST_SRCDIR/pyrt/<script>` (env: "NAME=value ..." or
// empty); one vector of fields per line.
inline std::vector<std::vector<std::string>> RunPythonCases(const std::string& script,
                                                            const std::string& env = "") {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  std::string cmd = env + (env.empty() ? "" : " ") + "/usr/bin/python3 ";
  cmd += srcdir ? srcdir : ".";
  cmd += "/pyrt/" + script;
  std::vector<std::vector<std::string>> out;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << cmd;
    return out;
  }
  std::string line;
  char buf[1 << 16];
  while (std::fgets(buf, sizeof buf, pipe)) {
    line += buf;
    if (!line.empty() && line.back() == '\n') {
      line.pop_back();
      out.push_back(SplitTabs(line));
      line.clear();
    }
  }
  if (pclose(pipe) != 0) ADD_FAILURE() << cmd << " failed";
  return out;
}

// A double from float.hex() text, "inf", "-inf" or "nan".
inline double ParseHexFloat(const std::string& s) {
  if (s == "nan") return std::nan("");
  return std::strtod(s.c_str(), nullptr);
}

// float.hex() of a double (the same text python3 prints), "nan" for NaN.
inline std::string HexFloat(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  if (d == 0) return std::signbit(d) ? "-0x0.0p+0" : "0x0.0p+0";
  int e = 0;
  double m = std::frexp(std::fabs(d), &e);  // m in [0.5, 1)
  // Python normalises to 1.xxx p e-1, or 0.xxx p-1022 for subnormals.
  long long bits = 0;
  int exp2 = e - 1;
  std::string lead = "1";
  if (exp2 < -1022) {
    lead = "0";
    m = std::ldexp(std::fabs(d), 1022);  // in [0, 1)
    exp2 = -1022;
    bits = static_cast<long long>(std::ldexp(m, 52));
  } else {
    bits = static_cast<long long>(std::ldexp(m * 2 - 1, 52));
  }
  char hex[32];
  std::snprintf(hex, sizeof hex, "%013llx", bits);
  std::string frac = hex;
  std::string out = std::signbit(d) ? "-" : "";
  out += "0x" + lead + "." + frac + "p" + (exp2 >= 0 ? "+" : "") + std::to_string(exp2);
  return out;
}

}  // namespace pyrt::modules_testing

#endif  // PYRT_VM_MODULES_TESTING_PYTHON_H_

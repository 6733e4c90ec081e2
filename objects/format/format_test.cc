// Differential tests for objects/format: ~48,000 cases computed by python3 at test time
// (format_cases.py) — format() of floats, ints and strs with curated and random specs,
// repr(float), and float() parsing — compared character for character.
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "objects/format/format_spec.h"
#include "objects/format/number_format.h"
#include "objects/testing/python_cases.h"

namespace pyrt::format {
namespace {

using objects_testing::FromPyFloatHex;
using objects_testing::RunPythonCases;
using objects_testing::Unhex;


std::string Render(const Error& e, const std::string& out) {
  if (e.ok()) return "OK:" + out;
  return std::string("ERR:") + (e.kind == ErrorKind::kValueError ? "ValueError" : "OverflowError") +
         ":" + e.message;
}

std::string Expected(const std::string& field) {
  if (field.rfind("OK:", 0) == 0) return "OK:" + Unhex(field.substr(3));
  const size_t colon = field.find(':', 4);
  return field.substr(0, colon + 1) + Unhex(field.substr(colon + 1));
}

// The digits of |n| in `radix`, as Python's bin/oct/hex/str give them (no prefix).
std::string MagnitudeDigits(int64_t n, int radix) {
  uint64_t m = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  std::string out;
  do {
    out += "0123456789abcdef"[m % radix];
    m /= radix;
  } while (m != 0);
  return std::string(out.rbegin(), out.rend());
}

std::string FormatIntLikeCPython(int64_t n, const std::string& spec_text) {
  FormatSpec spec;
  Error e = ParseFormatSpec(spec_text, U'd', '>', "int", &spec);
  std::string out;
  if (!e.ok()) return Render(e, out);
  const int radix = IntFormatRadix(spec.type);
  if (radix < 0) {
    e = UnknownFormatCode(spec.type, "int");
  } else if (radix == 0) {
    e = FormatFloat(static_cast<double>(n), spec, &out, "int");
  } else if (radix == 1) {
    e = FormatIntChar(n, true, spec, &out);
  } else {
    e = FormatIntDigits(n < 0, MagnitudeDigits(n, radix), spec, &out);
  }
  return Render(e, out);
}

class FormatCasesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    *cases_ = RunPythonCases("objects/format/format_cases.py");
  }
  static std::vector<std::vector<std::string>>* cases_;
};
std::vector<std::vector<std::string>>* FormatCasesTest::cases_ =
    new std::vector<std::vector<std::string>>();

TEST_F(FormatCasesTest, MatchesPython) {
  ASSERT_GT(cases_->size(), 40000u);
  int failures = 0;
  size_t counts[5] = {};
  for (const auto& c : *cases_) {
    std::string want, got, what;
    if (c[0] == "F") {
      const double x = FromPyFloatHex(c[1]);
      const std::string spec_text = Unhex(c[2]);
      FormatSpec spec;
      std::string out;
      Error e = ParseFormatSpec(spec_text, 0, '>', "float", &spec);
      if (e.ok()) e = FormatFloat(x, spec, &out);
      got = Render(e, out);
      want = Expected(c[3]);
      what = "format(" + c[1] + ", '" + spec_text + "')";
      ++counts[0];
    } else if (c[0] == "I") {
      const std::string spec_text = Unhex(c[2]);
      got = FormatIntLikeCPython(std::stoll(c[1]), spec_text);
      want = Expected(c[3]);
      what = "format(" + c[1] + ", '" + spec_text + "')";
      ++counts[1];
    } else if (c[0] == "S") {
      const std::string s = Unhex(c[1]), spec_text = Unhex(c[2]);
      FormatSpec spec;
      std::string out;
      Error e = ParseFormatSpec(spec_text, U's', '<', "str", &spec);
      if (e.ok()) e = FormatString(s, spec, &out);
      got = Render(e, out);
      want = Expected(c[3]);
      what = "format('" + s + "', '" + spec_text + "')";
      ++counts[2];
    } else if (c[0] == "R") {
      got = FloatRepr(FromPyFloatHex(c[1]));
      want = Unhex(c[2]);
      what = "repr(" + c[1] + ")";
      ++counts[3];
    } else if (c[0] == "P") {
      const std::string s = Unhex(c[1]);
      const std::optional<double> v = ParseFloat(s);
      if (c[2] == "ERR" || !v) {
        got = v ? "a value" : "ERR";
      } else {
        const double expect = FromPyFloatHex(c[2]);
        const bool same = std::isnan(expect) ? std::isnan(*v)
                                             : std::memcmp(&expect, &*v, sizeof expect) == 0;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%a", *v);
        got = same ? c[2] : std::string(buf);
      }
      want = c[2];
      what = "float('" + s + "')";
      ++counts[4];
    }
    if (got != want) {
      if (++failures <= 30) ADD_FAILURE() << what << "\n  python3: " << want << "\n  pyrt:    " << got;
    }
  }
  EXPECT_EQ(failures, 0);
  std::printf("cases: %zu float formats, %zu int formats, %zu str formats, %zu reprs, %zu parses\n",
              counts[0], counts[1], counts[2], counts[3], counts[4]);
}

TEST(FormatSpecTest, ParsesEveryField) {
  FormatSpec s;
  ASSERT_TRUE(ParseFormatSpec(std::string_view("*^+z#012,.3f"), 0, '>', "float", &s).ok());
  EXPECT_EQ(s.fill, U'*');
  EXPECT_EQ(s.align, '^');
  EXPECT_EQ(s.sign, '+');
  EXPECT_TRUE(s.no_neg_zero);
  EXPECT_TRUE(s.alternate);
  EXPECT_EQ(s.width, 12);
  EXPECT_EQ(s.grouping, Grouping::kComma);
  EXPECT_EQ(s.precision, 3);
  EXPECT_EQ(s.type, U'f');
}

TEST(DigitsTest, Modes) {
  Digits d = ToDigits(0.1, DigitMode::kShortest, 0);
  EXPECT_EQ(d.digits, "1");
  EXPECT_EQ(d.decpt, 0);
  d = ToDigits(-1234.5678, DigitMode::kSignificant, 3);
  EXPECT_EQ(d.digits, "123");
  EXPECT_EQ(d.decpt, 4);
  EXPECT_TRUE(d.negative);
  d = ToDigits(0.001, DigitMode::kFixed, 1);  // rounds to zero
  EXPECT_EQ(d.digits, "");
  d = ToDigits(9.99, DigitMode::kFixed, 1);  // carries into a new digit
  EXPECT_EQ(d.digits, "1");
  EXPECT_EQ(d.decpt, 2);
}

}  // namespace
}  // namespace pyrt::format

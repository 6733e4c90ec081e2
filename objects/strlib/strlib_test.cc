// Differential tests for strlib: ~95,000 str method calls on random strings (separators,
// line breaks, tabs, cased letters, Greek sigma, ligatures, titlecase digraphs, ...)
// computed by python3 at test time.
#include "objects/strlib/strlib.h"

#include <gtest/gtest.h>
#include "objects/testing/python_cases.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace pyrt::strlib {
namespace {

using objects_testing::CodePointsFromHex;
using objects_testing::HexOfCodePoints;
using objects_testing::RunPythonLines;

std::string List(const std::vector<std::u32string>& v) {
  if (v.empty()) return "[]";
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + HexOfCodePoints(v[i]);
  return out;
}

std::string Bool(bool b) { return b ? "True" : "False"; }

std::string CallMethod(const std::vector<std::string>& f) {
  const std::string& m = f[0];
  const std::u32string s = CodePointsFromHex(f[1]);
  const bool a1_none = f[2] == "~";
  const std::u32string a1 = a1_none || f[2] == "True" || f[2] == "False" ? U"" : CodePointsFromHex(f[2]);
  if (m == "find") return std::to_string(Find(s, a1));
  if (m == "rfind") return std::to_string(RFind(s, a1));
  if (m == "count") return std::to_string(Count(s, a1));
  if (m == "split" || m == "rsplit") {
    std::vector<std::u32string> out;
    const std::u32string_view sep = a1;
    const bool ok = m == "split" ? Split(s, a1_none ? nullptr : &sep, std::stoll(f[3]), &out)
                                 : RSplit(s, a1_none ? nullptr : &sep, std::stoll(f[3]), &out);
    return ok ? List(out) : "ERR";
  }
  if (m == "splitlines") return List(SplitLines(s, f[2] == "True"));
  if (m == "partition" || m == "rpartition") {
    std::u32string parts[3];
    const bool ok = m == "partition" ? Partition(s, a1, parts) : RPartition(s, a1, parts);
    return ok ? List({parts[0], parts[1], parts[2]}) : "ERR";
  }
  if (m == "replace") {
    const size_t colon = f[3].find(':');
    return HexOfCodePoints(Replace(s, a1, CodePointsFromHex(f[3].substr(0, colon)), std::stoll(f[3].substr(colon + 1))));
  }
  if (m == "strip" || m == "lstrip" || m == "rstrip") {
    const std::u32string_view chars = a1;
    const StripSide side = m == "strip" ? StripSide::kBoth : m == "lstrip" ? StripSide::kLeft : StripSide::kRight;
    return HexOfCodePoints(Strip(s, a1_none ? nullptr : &chars, side));
  }
  if (m == "center" || m == "ljust" || m == "rjust") {
    const int64_t w = std::stoll(f[2]);
    const char32_t fill = CodePointsFromHex(f[3])[0];
    return HexOfCodePoints(m == "center" ? Center(s, w, fill) : m == "ljust" ? LJust(s, w, fill) : RJust(s, w, fill));
  }
  if (m == "zfill") return HexOfCodePoints(ZFill(s, std::stoll(f[2])));
  if (m == "expandtabs") return HexOfCodePoints(ExpandTabs(s, std::stoll(f[2])));
  if (m == "lower") return HexOfCodePoints(Lower(s));
  if (m == "upper") return HexOfCodePoints(Upper(s));
  if (m == "casefold") return HexOfCodePoints(CaseFold(s));
  if (m == "swapcase") return HexOfCodePoints(SwapCase(s));
  if (m == "title") return HexOfCodePoints(Title(s));
  if (m == "capitalize") return HexOfCodePoints(Capitalize(s));
  if (m == "islower") return Bool(IsLower(s));
  if (m == "isupper") return Bool(IsUpper(s));
  if (m == "istitle") return Bool(IsTitle(s));
  if (m == "isspace") return Bool(IsSpace(s));
  if (m == "isalpha") return Bool(IsAlpha(s));
  if (m == "isalnum") return Bool(IsAlnum(s));
  if (m == "isdecimal") return Bool(IsDecimal(s));
  if (m == "isdigit") return Bool(IsDigit(s));
  if (m == "isnumeric") return Bool(IsNumeric(s));
  if (m == "isprintable") return Bool(IsPrintable(s));
  if (m == "isascii") return Bool(IsAscii(s));
  if (m == "isidentifier") return Bool(IsIdentifier(s));
  return "unknown method " + m;
}

TEST(StrlibTest, MatchesPython) {
  int cases = 0, failures = 0;
  for (const std::string& line : RunPythonLines("objects/strlib/strlib_cases.py", "")) {
    const std::vector<std::string> f = objects_testing::Split(line);
    const std::string got = CallMethod(f);
    ++cases;
    if (got != f[4] && ++failures <= 20) {
      ADD_FAILURE() << f[0] << "(" << f[1] << ", " << f[2] << ", " << f[3] << ")\n  python3: "
                    << f[4] << "\n  pyrt:    " << got;
    }
  }
  EXPECT_GT(cases, 90000);
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace pyrt::strlib

// Differential tests for strlib: ~95,000 str method calls on random strings (separators,
// line breaks, tabs, cased letters, Greek sigma, ligatures, titlecase digraphs, ...)
// computed by python3 at test time.
#include "objects/strlib/strlib.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace pyrt::strlib {
namespace {

std::string Unhex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  }
  return out;
}

std::u32string Cp(const std::string& hex) {
  const std::string utf8 = Unhex(hex);
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out += cp;
    i += static_cast<size_t>(n);
  }
  return out;
}

std::string Hex(std::u32string_view s) {
  std::string utf8;
  for (char32_t c : s) {
    if (c < 0x80) {
      utf8 += static_cast<char>(c);
    } else if (c < 0x800) {
      utf8 += static_cast<char>(0xC0 | (c >> 6));
      utf8 += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      utf8 += static_cast<char>(0xE0 | (c >> 12));
      utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      utf8 += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      utf8 += static_cast<char>(0xF0 | (c >> 18));
      utf8 += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      utf8 += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : utf8) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

std::string List(const std::vector<std::u32string>& v) {
  if (v.empty()) return "[]";
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + Hex(v[i]);
  return out;
}

std::string Bool(bool b) { return b ? "True" : "False"; }

std::string CallMethod(const std::vector<std::string>& f) {
  const std::string& m = f[0];
  const std::u32string s = Cp(f[1]);
  const bool a1_none = f[2] == "~";
  const std::u32string a1 = a1_none || f[2] == "True" || f[2] == "False" ? U"" : Cp(f[2]);
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
    return Hex(Replace(s, a1, Cp(f[3].substr(0, colon)), std::stoll(f[3].substr(colon + 1))));
  }
  if (m == "strip" || m == "lstrip" || m == "rstrip") {
    const std::u32string_view chars = a1;
    const StripSide side = m == "strip" ? StripSide::kBoth : m == "lstrip" ? StripSide::kLeft : StripSide::kRight;
    return Hex(Strip(s, a1_none ? nullptr : &chars, side));
  }
  if (m == "center" || m == "ljust" || m == "rjust") {
    const int64_t w = std::stoll(f[2]);
    const char32_t fill = Cp(f[3])[0];
    return Hex(m == "center" ? Center(s, w, fill) : m == "ljust" ? LJust(s, w, fill) : RJust(s, w, fill));
  }
  if (m == "zfill") return Hex(ZFill(s, std::stoll(f[2])));
  if (m == "expandtabs") return Hex(ExpandTabs(s, std::stoll(f[2])));
  if (m == "lower") return Hex(Lower(s));
  if (m == "upper") return Hex(Upper(s));
  if (m == "casefold") return Hex(CaseFold(s));
  if (m == "swapcase") return Hex(SwapCase(s));
  if (m == "title") return Hex(Title(s));
  if (m == "capitalize") return Hex(Capitalize(s));
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
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const std::string cmd = std::string("/usr/bin/python3 ") + (srcdir ? srcdir : ".") +
                          "/pyrt/objects/strlib/strlib_cases.py";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buf[1 << 14];
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
    const std::string got = CallMethod(f);
    ++cases;
    if (got != f[4] && ++failures <= 20) {
      ADD_FAILURE() << f[0] << "(" << f[1] << ", " << f[2] << ", " << f[3] << ")\n  python3: "
                    << f[4] << "\n  pyrt:    " << got;
    }
  }
  ASSERT_EQ(pclose(pipe), 0);
  EXPECT_GT(cases, 90000);
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace pyrt::strlib

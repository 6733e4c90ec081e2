#include "regex/regex.h"

#include <gtest/gtest.h>

namespace pyrt::regex {
namespace {

TEST(Regex, Smoke) {
  CompileResult r = Regex::Compile(std::string_view(R"((?P<key>\w+)=(\d+))"));
  ASSERT_TRUE(r.ok()) << r.error.ToString();
  Utf8Match m;
  ASSERT_TRUE(r.regex->SearchUtf8("x: abc=42", &m));
  EXPECT_EQ(m.group(0), "abc=42");
  EXPECT_EQ(m.group(r.regex->GroupIndex("key")), "abc");
  EXPECT_EQ(m.group(2), "42");
}

}  // namespace
}  // namespace pyrt::regex

// Runs the committed case table (regex/testdata/cases.txt, generated from CPython's
// `re` by regex/gen_cases.py) through every engine and subject layout.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <string>

#include "regex/internal/case_runner.h"

namespace pyrt::regex_internal {
namespace {

std::string DataPath(const std::string& rel) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* ws = std::getenv("TEST_WORKSPACE");
  if (srcdir && ws) return std::string(srcdir) + "/" + ws + "/" + rel;
  return rel;
}

TEST(RegexCases, CommittedTable) {
  std::ifstream in(DataPath("regex/testdata/cases.txt"));
  ASSERT_TRUE(in.good());
  std::string line;
  int total = 0, failures = 0, pike_checked = 0;
  using Engine = pyrt::regex::MatchOptions::Engine;
  std::set<std::u32string> reported;  // one report per pattern keeps the log readable
  auto report = [&](const Case& c) {
    ++failures;
    return reported.insert(c.pattern + char32_t(c.flags)).second && reported.size() <= 80;
  };
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    Case c;
    ASSERT_TRUE(ParseCase(line, &c)) << line;
    ++total;
    std::string got = RunCase(c, Engine::kAuto, 0);
    if (got != c.expected) {
      if (report(c)) {
        ADD_FAILURE() << "case: " << c.line << "\n  python: " << c.expected
                      << "\n  pyrt:   " << got;
      }
      continue;
    }
    // Engine and layout cross-checks: every engine must agree with the table.
    if (c.expected[0] == 'E' || c.op == "compile") continue;
    std::string bt = RunCase(c, Engine::kBacktrack, 4);
    if (bt != c.expected && report(c)) {
      ADD_FAILURE() << "backtracker/UCS4 differs: " << c.line << "\n  python: " << c.expected
                    << "\n  pyrt:   " << bt;
    }
    std::string pk = RunCase(c, Engine::kPikeVm, 0);
    ++pike_checked;
    if (pk != c.expected && report(c)) {
      ADD_FAILURE() << "pike vm differs: " << c.line << "\n  python: " << c.expected
                    << "\n  pyrt:   " << pk;
    }
  }
  EXPECT_GE(total, 1500);
  EXPECT_EQ(failures, 0) << failures << " of " << total << " cases failed";
  std::printf("%d cases, %d failures, %d cross-checked on the Pike VM\n", total, failures,
              pike_checked);
}

}  // namespace
}  // namespace pyrt::regex_internal

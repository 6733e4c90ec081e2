// API behaviour and inputs that used to be dangerous (huge subjects, deep nesting,
// huge repeat counts, catastrophic backtracking). Expected values here are CPython
// 3.11's answers (checked with python3 when the test was written); the broad
// behavioural coverage is in regex_cases_test and regex_random_test.
#include "regex/regex.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace pyrt::regex {
namespace {

std::pair<int64_t, int64_t> Span(int64_t a, int64_t b) { return {a, b}; }

std::unique_ptr<const Regex> MustCompile(std::string_view p, uint32_t flags = 0) {
  CompileResult r = Regex::Compile(p, flags);
  EXPECT_TRUE(r.ok()) << p << ": " << r.error.ToString();
  return std::move(r.regex);
}

MatchStatus Exec8(const Regex& re, const std::string& s, Anchor a, MatchResult* m,
                MatchOptions o = {}) {
  return re.Exec(Subject::Ucs1(reinterpret_cast<const uint8_t*>(s.data()), s.size()), a, 0,
                 kEnd, m, o);
}

TEST(Regex, Utf8Convenience) {
  auto re = MustCompile(R"((?P<key>\w+)=(\d+))");
  Utf8Match m;
  ASSERT_TRUE(re->SearchUtf8("x: größe=42", &m));
  EXPECT_EQ(m.group(0), "größe=42");
  EXPECT_EQ(m.group(re->GroupIndex("key")), "größe");
  EXPECT_EQ(m.group(2), "42");
  EXPECT_EQ(m.spans[0].first, 3);  // byte offset
  EXPECT_FALSE(re->MatchUtf8("x: a=1", &m));
  EXPECT_TRUE(re->FullMatchUtf8("a=1", &m));
  auto all = re->FindAllUtf8("a=1 b=2 c=x");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].group(1), "b");
}

TEST(Regex, GroupsAndNames) {
  auto re = MustCompile(R"((?P<first>a)(b)?(?P<third>c)?)");
  EXPECT_EQ(re->groups(), 3u);
  EXPECT_EQ(re->GroupIndex("first"), 1);
  EXPECT_EQ(re->GroupIndex("third"), 3);
  EXPECT_EQ(re->GroupIndex("nope"), -1);
  MatchResult m;
  ASSERT_EQ(Exec8(*re, "ac", Anchor::kMatch, &m), MatchStatus::kMatch);
  EXPECT_EQ(m.span(0), Span(0, 2));
  EXPECT_FALSE(m.matched(2));
  EXPECT_EQ(m.lastindex(), 3);
  EXPECT_EQ(re->GroupName(m.lastindex()), "third");
  EXPECT_EQ(re->flags(), kUnicode);  // re.compile(...).flags == re.UNICODE
}

TEST(Regex, ErrorsLikePython) {
  CompileResult r = Regex::Compile(std::string_view("(abc"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.kind, ErrorKind::kReError);
  EXPECT_EQ(r.error.ToString(), "missing ), unterminated subpattern at position 0");
  r = Regex::Compile(std::string_view("a\n(b"));
  EXPECT_EQ(r.error.ToString(),
            "missing ), unterminated subpattern at position 2 (line 2, column 1)");
  r = Regex::Compile(std::string_view("a{4294967295}"));
  EXPECT_EQ(r.error.kind, ErrorKind::kOverflowError);
  EXPECT_EQ(r.error.message, "the repetition number is too large");
  r = Regex::Compile(std::string_view("a"), kLocale);
  EXPECT_EQ(r.error.kind, ErrorKind::kValueError);
  EXPECT_EQ(r.error.message, "cannot use LOCALE flag with a str pattern");
  r = Regex::Compile(std::string_view("(?<=a+)"));
  EXPECT_EQ(r.error.ToString(), "look-behind requires fixed-width pattern");
  r = Regex::Compile(std::string_view("[[a]"));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].message, "Possible nested set at position 1");
}

TEST(Regex, SubjectLayoutsAndBytes) {
  auto re = MustCompile("é+");
  std::u16string s2 = u"xééy";
  std::u32string s4 = U"xéé\U0001F600";
  MatchResult m;
  ASSERT_EQ(re->Exec(Subject::Ucs2(s2.data(), s2.size()), Anchor::kSearch, 0, kEnd, &m),
            MatchStatus::kMatch);
  EXPECT_EQ(m.span(), Span(1, 3));
  ASSERT_EQ(re->Exec(Subject::Ucs4(s4.data(), s4.size()), Anchor::kSearch, 2, kEnd, &m),
            MatchStatus::kMatch);
  EXPECT_EQ(m.span(), Span(2, 3));
  // A str pattern on bytes is a TypeError in Python.
  EXPECT_EQ(re->Exec(Subject::Bytes("x", 1), Anchor::kSearch, 0, kEnd, &m),
            MatchStatus::kTypeError);
  CompileResult b = Regex::CompileBytes("\\w+", 0);
  ASSERT_TRUE(b.ok());
  const char data[] = "\xe9\xe9" "ab";
  ASSERT_EQ(b.regex->Exec(Subject::Bytes(data, 4), Anchor::kSearch, 0, kEnd, &m),
            MatchStatus::kMatch);
  EXPECT_EQ(m.span(), Span(2, 4));  // bytes \w is ASCII
}

TEST(Regex, ScannerEmptyMatchRules) {
  // list(re.finditer(r'a*', 'baaac')) spans: (0,0) (1,4) (4,4) (5,5)
  auto re = MustCompile("a*");
  std::string s = "baaac";
  Regex::Scanner sc(*re, Subject::Ucs1(reinterpret_cast<const uint8_t*>(s.data()), s.size()));
  std::vector<std::pair<int64_t, int64_t>> spans;
  MatchResult m;
  while (sc.Next(&m) == MatchStatus::kMatch) spans.push_back(m.span());
  std::vector<std::pair<int64_t, int64_t>> want = {{0, 0}, {1, 4}, {4, 4}, {5, 5}};
  EXPECT_EQ(spans, want);
}

TEST(Regex, MillionCharacterSubjects) {
  std::string s(1000000, 'a');
  MatchResult m;
  // Single-character repeats keep one choice point however long the run is.
  auto re = MustCompile("a*b|a+$");
  ASSERT_EQ(Exec8(*re, s, Anchor::kSearch, &m), MatchStatus::kMatch);
  EXPECT_EQ(m.end(), 1000000);
  // A general repeat over 10^6 iterations on the backtracker.
  auto alt = MustCompile("(?:a|bc)*");
  MatchOptions bt;
  bt.engine = MatchOptions::Engine::kBacktrack;
  ASSERT_EQ(Exec8(*alt, s, Anchor::kMatch, &m, bt), MatchStatus::kMatch);
  EXPECT_EQ(m.end(), 1000000);
  // ... and with a small memory budget it stops cleanly instead.
  bt.max_stack_bytes = 1 << 20;
  EXPECT_EQ(Exec8(*alt, s, Anchor::kMatch, &m, bt), MatchStatus::kResourceExhausted);
  // The Pike VM needs no stack at all.
  MatchOptions pike;
  pike.engine = MatchOptions::Engine::kPikeVm;
  pike.max_stack_bytes = 1 << 20;
  ASSERT_EQ(Exec8(*alt, s, Anchor::kMatch, &m, pike), MatchStatus::kMatch);
  EXPECT_EQ(m.end(), 1000000);
}

TEST(Regex, DeepNesting) {
  // CPython compiles 495 nested groups and raises RecursionError above; pyrt
  // accepts up to 500 and reports deeper nesting as a clean RecursionError.
  std::string p400 = std::string(400, '(') + "a" + std::string(400, ')');
  auto re = MustCompile(p400);
  MatchResult m;
  ASSERT_EQ(Exec8(*re, "a", Anchor::kMatch, &m), MatchStatus::kMatch);
  EXPECT_EQ(m.size(), 401u);
  std::string p500 = std::string(500, '(') + "a" + std::string(500, ')');
  EXPECT_TRUE(Regex::Compile(std::string_view(p500)).ok());
  std::string p10k = std::string(10000, '(') + "a" + std::string(10000, ')');
  CompileResult r = Regex::Compile(std::string_view(p10k));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.kind, ErrorKind::kRecursionError);
  std::string nc10k;
  for (int i = 0; i < 10000; ++i) nc10k += "(?:";
  nc10k += "a" + std::string(10000, ')');
  r = Regex::Compile(std::string_view(nc10k));
  EXPECT_EQ(r.error.kind, ErrorKind::kRecursionError);
}

TEST(Regex, HugeRepeatCounts) {
  auto re = MustCompile("a{1000000}");
  MatchResult m;
  std::string s(1000000, 'a');
  ASSERT_EQ(Exec8(*re, s, Anchor::kFullMatch, &m), MatchStatus::kMatch);
  EXPECT_EQ(Exec8(*re, s.substr(1), Anchor::kSearch, &m), MatchStatus::kNoMatch);
  auto grp = MustCompile("(?:ab){100000}");
  std::string ab;
  for (int i = 0; i < 100000; ++i) ab += "ab";
  EXPECT_EQ(Exec8(*grp, ab, Anchor::kFullMatch, &m), MatchStatus::kMatch);
  auto max = MustCompile("a{4294967294}");  // MAXREPEAT - 1 is allowed
  EXPECT_EQ(Exec8(*max, "aaa", Anchor::kSearch, &m), MatchStatus::kNoMatch);
}

TEST(Regex, PathologicalPatternsRunInLinearTime) {
  // Each of these takes exponential time in CPython's re on these inputs.
  std::string as(100000, 'a');
  std::string line(100000, 'x');
  MatchResult m;
  for (const char* p : {"(a|aa)*c", "(a*)*b", "(x+x+)+y", "([^\\n]*)*l", "(?:a|a)*c"}) {
    auto re = MustCompile(p);
    EXPECT_TRUE(re->linear_time_capable()) << p;
    std::string& subject = p[1] == '[' ? line : (p[1] == 'x' ? line : as);
    EXPECT_EQ(Exec8(*re, subject, Anchor::kSearch, &m), MatchStatus::kNoMatch) << p;
  }
  auto re = MustCompile("(a|aa)*c");
  ASSERT_EQ(Exec8(*re, as + "c", Anchor::kSearch, &m), MatchStatus::kMatch);
  EXPECT_EQ(m.span(1), Span(99999, 100000));
}

TEST(Regex, BacktrackerBudgetOnCatastrophicPatterns) {
  // A backreference keeps the pattern on the backtracker; the interrupt hook stops it.
  auto re = MustCompile("(a*)*\\1b");
  EXPECT_FALSE(re->linear_time_capable());
  std::string s = std::string(40, 'a') + "cb";
  MatchResult m;
  MatchOptions o;
  int polls = 0;
  o.interrupt = [](void* arg) { return ++*static_cast<int*>(arg) > 2; };
  o.interrupt_arg = &polls;
  EXPECT_EQ(Exec8(*re, s, Anchor::kMatch, &m, o), MatchStatus::kInterrupted);
  // Without the 'b' that every match contains, it gives up at once.
  EXPECT_EQ(Exec8(*re, s.substr(0, 41), Anchor::kSearch, &m, o), MatchStatus::kNoMatch);
}

TEST(Regex, ConcurrentUse) {
  auto re = MustCompile(R"((\w+)@(\w+)\.com)");
  std::vector<std::thread> threads;
  std::vector<int> found(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::string s = "mail bob@example.com and alice@test.com now";
      for (int i = 0; i < 2000; ++i) {
        auto all = re->FindAllUtf8(s);
        found[t] += int(all.size());
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : found) EXPECT_EQ(f, 4000);
}

}  // namespace
}  // namespace pyrt::regex

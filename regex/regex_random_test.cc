// Randomized differential test: random patterns from a grammar that covers the whole
// syntax, random subjects, compared with python3's `re` in one batch process
// (regex/re_oracle.py). Every case also runs on the backtracker and (where the
// pattern allows) the Pike VM, which must agree.
//
// REGEX_RANDOM_CASES (default 3000) and REGEX_RANDOM_SEED change the run; the
// `regex_random_soak_test` target runs 200000 cases.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <string>

#include "regex/internal/case_runner.h"

namespace pyrt::regex_internal {
namespace {

class PatternGen {
 public:
  explicit PatternGen(uint64_t seed, bool linear_only = false)
      : rng_(seed), linear_only_(linear_only) {}

  std::u32string Pattern() {
    groups_ = 0;
    closed_.clear();
    depth_ = 0;
    return Alt();
  }

  std::u32string Subject() {
    static const char32_t kAlphabet[] = {'a', 'a', 'a', 'b', 'b', 'c', 'A', 'B', '\n', ' ',
                                         '1', '_', 0xe9, 0xc9, 0x212a, 'k', 0x17f, 's', '-'};
    std::u32string s;
    int n = Int(0, 12);
    for (int i = 0; i < n; ++i) s.push_back(kAlphabet[Int(0, std::size(kAlphabet) - 1)]);
    return s;
  }

  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(int percent) { return Int(0, 99) < percent; }

 private:
  std::u32string Alt() {
    std::u32string out = Seq();
    int n = Chance(25) ? Int(1, 2) : 0;
    for (int i = 0; i < n; ++i) out += U"|" + Seq();
    return out;
  }
  std::u32string Seq() {
    std::u32string out;
    int n = Int(0, 4);
    for (int i = 0; i < n; ++i) out += Quantified();
    return out;
  }
  std::u32string Quantified() {
    std::u32string a = Atom();
    if (Chance(35)) {
      static const char32_t* kQ[] = {U"*", U"+", U"?", U"{2}", U"{1,3}", U"{,2}", U"{2,}", U"{0}"};
      a += kQ[Int(0, 7)];
      int k = Int(0, 9);
      if (k < 3) {
        a += U"?";
      } else if (k < 4 && !linear_only_) {
        a += U"+";
      }
    }
    return a;
  }
  std::u32string Literal() {
    static const char32_t* kLit[] = {U"a", U"b", U"c", U"A", U"\\n", U" ", U"1", U"\u00e9",
                                     U"k", U"s", U"\\x41", U"\\.", U"-"};
    return kLit[Int(0, 12)];
  }
  std::u32string Class() {
    static const char32_t* kCls[] = {U"[ab]", U"[^a]", U"[a-c]", U"[\\w]", U"[^\\s]",
                                     U"\\w", U"\\W", U"\\d", U"\\s", U"\\S", U"[A-Z]",
                                     U"[\u00c0-\u00ff]", U"[k\u212a]", U"[^\\n]", U"."};
    return kCls[Int(0, 14)];
  }
  std::u32string FixedWidth() {
    std::u32string out;
    int n = Int(1, 2);
    for (int i = 0; i < n; ++i) out += Chance(50) ? Literal() : Class();
    if (Chance(20)) out += U"|" + std::u32string(n, U'b');
    return out;
  }
  std::u32string Atom() {
    if (depth_ >= 3) return Chance(50) ? Literal() : Class();
    int k = Int(0, 99);
    if (k < 30) return Literal();
    if (k < 45) return Class();
    if (k < 52) {
      static const char32_t* kAt[] = {U"^", U"$", U"\\b", U"\\B", U"\\A", U"\\Z"};
      return kAt[Int(0, 5)];
    }
    if (linear_only_ && k >= 52 && k < 59) return Literal();
    if (k < 56 && !closed_.empty()) {
      int g = closed_[Int(0, int(closed_.size()) - 1)];
      return U"\\" + ToU32(std::to_string(g));
    }
    if (k < 59 && !closed_.empty()) {
      int g = closed_[Int(0, int(closed_.size()) - 1)];
      ++depth_;
      std::u32string yes = Seq(), no = Seq();
      --depth_;
      return U"(?(" + ToU32(std::to_string(g)) + U")" + yes + (Chance(60) ? U"|" + no : U"") +
             U")";
    }
    ++depth_;
    std::u32string out;
    int g = Int(0, 99);
    if (linear_only_ && g >= 60 && g < 90) g = Int(0, 59);
    if (g < 35) {
      int id = ++groups_;
      out = U"(" + Alt() + U")";
      closed_.push_back(id);
    } else if (g < 45) {
      int id = ++groups_;
      out = U"(?P<g" + ToU32(std::to_string(id)) + U">" + Alt() + U")";
      closed_.push_back(id);
    } else if (g < 60) {
      out = U"(?:" + Alt() + U")";
    } else if (g < 67) {
      out = U"(?=" + Alt() + U")";
    } else if (g < 72) {
      out = U"(?!" + Alt() + U")";
    } else if (g < 78) {
      out = U"(?<=" + FixedWidth() + U")";
    } else if (g < 82) {
      out = U"(?<!" + FixedWidth() + U")";
    } else if (g < 90) {
      out = U"(?>" + Alt() + U")";
    } else {
      static const char32_t* kF[] = {U"i", U"s", U"m", U"-i", U"a", U"x"};
      out = U"(?" + std::u32string(kF[Int(0, 5)]) + U":" + Alt() + U")";
    }
    --depth_;
    return out;
  }
  static std::u32string ToU32(const std::string& s) { return std::u32string(s.begin(), s.end()); }

  std::mt19937_64 rng_;
  bool linear_only_;
  int groups_ = 0;
  int depth_ = 0;
  std::vector<int> closed_;
};

std::string DataPath(const std::string& rel) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* ws = std::getenv("TEST_WORKSPACE");
  if (srcdir && ws) return std::string(srcdir) + "/" + ws + "/" + rel;
  return rel;
}

TEST(RegexRandom, DifferentialAgainstPython) {
  int n = 3000;
  uint64_t seed = 20261124;
  if (const char* e = std::getenv("REGEX_RANDOM_CASES")) n = std::atoi(e);
  if (const char* e = std::getenv("REGEX_RANDOM_SEED")) seed = std::strtoull(e, nullptr, 10);
  PatternGen gen(seed);
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::string dir = tmp ? tmp : "/tmp";
  std::string in_path = dir + "/regex_random_in.txt", out_path = dir + "/regex_random_out.txt";
  {
    std::ofstream in(in_path);
    static const uint32_t kFlags[] = {0, 0, 0, 2, 8, 16, 256, 2 | 8, 64};
    static const char* kOps[] = {"search", "search", "match", "fullmatch", "finditer"};
    for (int i = 0; i < n; ++i) {
      std::u32string p = gen.Pattern();
      uint32_t flags = kFlags[gen.Int(0, 8)];
      const char* op = kOps[gen.Int(0, 4)];
      in << "s\t" << flags << "\t" << EscapeText(p) << "\t" << op << "\t"
         << EscapeText(gen.Subject()) << "\t0\t-1\n";
    }
  }
  std::string cmd = "/usr/bin/python3 " + DataPath("regex/re_oracle.py") + " < " + in_path +
                    " > " + out_path;
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream out(out_path);
  std::string line;
  int total = 0, failures = 0;
  using Engine = pyrt::regex::MatchOptions::Engine;
  while (std::getline(out, line)) {
    Case c;
    ASSERT_TRUE(ParseCase(line, &c)) << line;
    ++total;
    std::string got = RunCase(c, Engine::kAuto, 0);
    std::string bt = RunCase(c, Engine::kBacktrack, 4);
    std::string pk = RunCase(c, Engine::kPikeVm, 0);
    if (got != c.expected || bt != c.expected || pk != c.expected) {
      if (++failures <= 30) {
        ADD_FAILURE() << "case: " << c.line << "\n  python:    " << c.expected
                      << "\n  pyrt:      " << got << "\n  backtrack: " << bt
                      << "\n  pike:      " << pk;
      }
    }
  }
  EXPECT_EQ(total, n);
  EXPECT_EQ(failures, 0) << failures << " of " << total << " random cases differ";
}

}  // namespace
}  // namespace pyrt::regex_internal

namespace pyrt::regex_internal {
namespace {

// Engine cross-check without python: patterns the Pike VM accepts, longer subjects
// (the backtracker, being the reference, can take exponential time: keep them short),
// backtracker (the reference) against the Pike VM.
TEST(RegexRandom, PikeVmAgreesWithBacktracker) {
  PatternGen gen(777, /*linear_only=*/true);
  using pyrt::regex::MatchOptions;
  int checked = 0;
  for (int i = 0; i < 5000; ++i) {
    Case c;
    c.pattern = gen.Pattern();
    static const uint32_t kFlags[] = {0, 2, 8, 16, 256};
    c.flags = kFlags[gen.Int(0, 4)];
    static const char* kOps[] = {"search", "match", "fullmatch", "finditer"};
    c.op = kOps[gen.Int(0, 3)];
    c.subject = gen.Subject() + gen.Subject();
    std::string bt = RunCase(c, MatchOptions::Engine::kBacktrack, 0);
    std::string pk = RunCase(c, MatchOptions::Engine::kPikeVm, 0);
    auto compiled = pyrt::regex::Regex::Compile(std::u32string_view(c.pattern), c.flags);
    if (compiled.ok() && compiled.regex->linear_time_capable()) ++checked;
    ASSERT_EQ(bt, pk) << "pattern " << EscapeText(c.pattern) << " flags " << c.flags << " "
                      << c.op << " subject " << EscapeText(c.subject);
  }
  // Most generated patterns must really exercise the Pike VM.
  EXPECT_GT(checked, 3500);
  std::printf("%d of 5000 patterns ran on the Pike VM\n", checked);
}

}  // namespace
}  // namespace pyrt::regex_internal

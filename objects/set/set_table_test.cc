// Tests for SetTable: random operation sequences replayed against python3's own sets,
// comparing the full iteration order after every step (so every probing, dummy-reuse,
// resizing and merge detail must match CPython 3.11's), plus a callback that mutates the
// table and one that fails.
#include "objects/set/set_table.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "objects/hash/hash.h"
#include "objects/testing/python_cases.h"

namespace pyrt {
namespace {

using objects_testing::FromPyFloatHex;
using objects_testing::RunPythonLines;

// A Python number: the test's stand-in for an object. Keys are 1-based indexes into a
// pool of these, so Key{} == 0 never names one, and equal numbers have distinct keys.
struct Num {
  bool is_float = false;
  int64_t i = 0;
  double f = 0;
};

bool NumEqual(const Num& a, const Num& b) {
  if (a.is_float && b.is_float) return a.f == b.f;
  if (!a.is_float && !b.is_float) return a.i == b.i;
  const Num& fl = a.is_float ? a : b;
  const Num& in = a.is_float ? b : a;
  if (!std::isfinite(fl.f) || std::trunc(fl.f) != fl.f) return false;
  if (fl.f < -9223372036854775808.0 || fl.f >= 9223372036854775808.0) return false;
  return static_cast<int64_t>(fl.f) == in.i;
}

bool NumIdentical(const Num& a, const Num& b) {
  if (a.is_float != b.is_float) return false;
  return a.is_float ? std::memcmp(&a.f, &b.f, sizeof a.f) == 0 : a.i == b.i;
}

Num Parse(const std::string& token) {
  Num n;
  if (token[0] == 'i') {
    n.i = std::stoll(token.substr(2));
    return n;
  }
  n.is_float = true;
  n.f = FromPyFloatHex(token.substr(2));
  return n;
}

class Replay {
 public:
  using Table = SetTable<uint64_t>;

  uint64_t NewKey(const Num& n) {
    pool_.push_back(n);
    return pool_.size();
  }
  const Num& Get(uint64_t key) const { return pool_[key - 1]; }
  int64_t Hash(uint64_t key) const {
    const Num& n = Get(key);
    return n.is_float ? hash::HashDouble(n.f, nullptr) : hash::HashInt64(n.i);
  }
  auto EqTo(uint64_t key) {
    return [this, key](const uint64_t& stored) {
      return NumEqual(Get(stored), Get(key)) ? SetEq::kEqual : SetEq::kNotEqual;
    };
  }
  // set(xs): adds one by one.
  Table FromList(const std::vector<uint64_t>& xs) {
    Table t;
    for (uint64_t k : xs) (void)t.Add(k, Hash(k), EqTo(k));
    return t;
  }
  std::vector<Num> pool_;
};

std::vector<std::string> Tokens(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

TEST(SetTableTest, IterationOrderMatchesPythonAfterEveryOperation) {
  Replay r;
  Replay::Table s;
  int steps = 0, failures = 0;
  for (const std::string& line : RunPythonLines("objects/set/set_cases.py", "")) {
    const size_t bar = line.find(" |");
    std::vector<std::string> op = Tokens(line.substr(0, bar));
    std::vector<std::string> want = Tokens(line.substr(bar + 2));
    std::vector<uint64_t> args;
    for (size_t i = 1; i < op.size(); ++i) args.push_back(r.NewKey(Parse(op[i])));
    const std::string& name = op[0];
    if (name == "add") {
      ASSERT_NE(s.Add(args[0], r.Hash(args[0]), r.EqTo(args[0])), SetStatus::kError);
    } else if (name == "discard") {
      uint64_t removed = 0;
      (void)s.Discard(args[0], r.Hash(args[0]), r.EqTo(args[0]), &removed);
    } else if (name == "pop") {
      uint64_t popped = 0;
      ASSERT_TRUE(s.Pop(&popped));
      if (!NumIdentical(r.Get(popped), r.Get(args[0]))) {
        ++failures;
        ADD_FAILURE() << "step " << steps << ": pop gave a different element";
      }
    } else if (name == "update_set") {
      Replay::Table other = r.FromList(args);
      ASSERT_NE(s.Merge(other, [&](uint64_t k) { return r.EqTo(k); }, [](uint64_t) {}),
                SetStatus::kError);
    } else if (name == "update_dict") {
      // dict.fromkeys keeps the first of equal keys, in insertion order; set.update then
      // resizes once and adds each.
      std::vector<uint64_t> keys;
      for (uint64_t k : args) {
        bool dup = false;
        for (uint64_t seen : keys) dup = dup || NumEqual(r.Get(seen), r.Get(k));
        if (!dup) keys.push_back(k);
      }
      if ((s.fill() + keys.size()) * 5 >= s.mask() * 3) s.Resize((s.size() + keys.size()) * 2);
      for (uint64_t k : keys) (void)s.Add(k, r.Hash(k), r.EqTo(k));
    } else if (name == "update_list") {
      for (uint64_t k : args) (void)s.Add(k, r.Hash(k), r.EqTo(k));
    } else if (name == "clear") {
      s.Clear();
    } else if (name == "copy") {
      Replay::Table copy;
      ASSERT_NE(copy.Merge(s, [&](uint64_t k) { return r.EqTo(k); }, [](uint64_t) {}),
                SetStatus::kError);
      s = std::move(copy);
    } else if (name == "new") {
      s = r.FromList(args);
    } else {
      FAIL() << "unknown op " << name;
    }
    std::vector<uint64_t> got;
    s.ForEach([&](uint64_t k, int64_t) { got.push_back(k); });
    bool same = got.size() == want.size();
    for (size_t i = 0; same && i < got.size(); ++i) {
      same = NumIdentical(r.Get(got[i]), Parse(want[i]));
    }
    if (!same && ++failures <= 5) {
      ADD_FAILURE() << "step " << steps << " after: " << line.substr(0, 200);
    }
    ++steps;
  }
  EXPECT_GT(steps, 10000);
  EXPECT_EQ(failures, 0);
}

TEST(SetTableTest, EqualityThatMutatesTheTableRestarts) {
  SetTable<uint64_t> t;
  // Keys 1..5 all hash to 3; key 6 is "equal" to key 4 by the callback below.
  for (uint64_t k = 1; k <= 5; ++k) {
    ASSERT_EQ(t.Add(k, 3, [](const uint64_t&) { return SetEq::kNotEqual; }), SetStatus::kAbsent);
  }
  int calls = 0;
  auto mutating = [&](const uint64_t& stored) {
    ++calls;
    if (calls == 1) {
      // Python's __eq__ discarding an element and adding many (forcing a resize).
      uint64_t removed = 0;
      (void)t.Discard(1, 3, [](const uint64_t&) { return SetEq::kNotEqual; }, &removed);
      for (uint64_t k = 100; k < 140; ++k) {
        (void)t.Add(k, static_cast<int64_t>(k), [](const uint64_t&) { return SetEq::kNotEqual; });
      }
    }
    return stored == 4 ? SetEq::kEqual : SetEq::kNotEqual;
  };
  EXPECT_EQ(t.Add(6, 3, mutating), SetStatus::kFound);
  EXPECT_EQ(t.size(), 4u + 40u);
  EXPECT_GT(calls, 1);
}

TEST(SetTableTest, FailingEqualityStopsWithoutChanges) {
  SetTable<uint64_t> t;
  ASSERT_EQ(t.Add(1, 7, [](const uint64_t&) { return SetEq::kNotEqual; }), SetStatus::kAbsent);
  auto fail = [](const uint64_t&) { return SetEq::kError; };
  EXPECT_EQ(t.Add(2, 7, fail), SetStatus::kError);
  EXPECT_EQ(t.Contains(2, 7, fail), SetStatus::kError);
  uint64_t removed = 0;
  EXPECT_EQ(t.Discard(2, 7, fail, &removed), SetStatus::kError);
  EXPECT_EQ(t.size(), 1u);
  EXPECT_EQ(t.Contains(1, 7, fail), SetStatus::kFound);  // identity needs no callback
}

}  // namespace
}  // namespace pyrt

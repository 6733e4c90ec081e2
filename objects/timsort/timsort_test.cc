// Tests for pyrt::timsort: results against std::stable_sort, stability, the parallel
// key/value variant, failing and throwing comparators, inconsistent comparators, and the
// number of comparisons against CPython's list.sort (counted by running python3).
#include "objects/timsort/timsort.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "objects/timsort/internal/shapes.h"

namespace pyrt {
namespace {

using timsort::Less;
using timsort::Status;
using timsort_internal::MakeShape;
using timsort_internal::kShapeNames;

struct Item {
  std::int64_t key;
  std::int64_t id;  // original position: checks stability and permutation
  bool operator==(const Item&) const = default;
};
bool KeyLess(const Item& a, const Item& b) { return a.key < b.key; }

std::vector<Item> Items(const std::vector<std::int64_t>& keys) {
  std::vector<Item> out;
  for (std::size_t i = 0; i < keys.size(); ++i) out.push_back({keys[i], std::int64_t(i)});
  return out;
}

// A permutation of the input: every id exactly once, each with its own key.
void ExpectPermutation(const std::vector<Item>& got, const std::vector<Item>& input) {
  std::vector<Item> a = got;
  std::sort(a.begin(), a.end(), [](const Item& x, const Item& y) { return x.id < y.id; });
  ASSERT_EQ(a, input);
}

const std::vector<std::ptrdiff_t> kSizes = {0,   1,   2,   3,   7,    31,   32,   33,  63,
                                            64,  65,  127, 128, 129,  255,  256,  1000, 2047,
                                            2048, 2049, 4096 + 17, 10000, 65536 + 3};

// --- Against std::stable_sort -------------------------------------------------------------

TEST(Timsort, MatchesStableSortOnAllShapesAndSizes) {
  int cases = 0;
  for (int shape = 0; shape < timsort_internal::kNumShapes; ++shape) {
    for (std::ptrdiff_t n : kSizes) {
      for (std::uint64_t seed = 1; seed <= 2; ++seed) {
        const std::vector<Item> input = Items(MakeShape(shape, n, seed));
        std::vector<Item> expect = input;
        std::stable_sort(expect.begin(), expect.end(), KeyLess);
        std::vector<Item> got = input;
        timsort::sort(got.begin(), got.end(), KeyLess);
        ASSERT_EQ(got, expect) << kShapeNames[shape] << " n=" << n << " seed=" << seed;
        ++cases;
      }
    }
  }
  RecordProperty("cases", cases);
}

TEST(Timsort, OneMillionRandomAndPartlySorted) {
  for (int shape : {0, 5}) {
    std::vector<std::int64_t> v = MakeShape(shape, 1000000, 3);
    std::vector<std::int64_t> expect = v;
    std::stable_sort(expect.begin(), expect.end());
    timsort::sort(v.begin(), v.end());
    ASSERT_EQ(v, expect) << kShapeNames[shape];
  }
}

TEST(Timsort, StabilityWithManyEqualKeys) {
  std::mt19937_64 rng(5);
  for (int keys : {1, 2, 3, 10, 100}) {
    std::vector<std::int64_t> k(50000);
    for (auto& x : k) x = static_cast<std::int64_t>(rng() % keys);
    const std::vector<Item> input = Items(k);
    std::vector<Item> got = input;
    timsort::sort(got.begin(), got.end(), KeyLess);
    for (std::size_t i = 1; i < got.size(); ++i) {
      ASSERT_TRUE(got[i - 1].key < got[i].key ||
                  (got[i - 1].key == got[i].key && got[i - 1].id < got[i].id))
          << "unstable at " << i;
    }
  }
}

TEST(Timsort, StringsDescendingComparatorAndMoveOnly) {
  std::mt19937_64 rng(9);
  std::vector<std::string> s(3000);
  for (auto& x : s) x = std::to_string(rng() % 500) + "-padding-to-defeat-sso";
  std::vector<std::string> expect = s;
  std::stable_sort(expect.begin(), expect.end(), std::greater<>());
  timsort::sort(s.begin(), s.end(), std::greater<>());
  EXPECT_EQ(s, expect);

  std::vector<std::unique_ptr<int>> p;
  for (int i = 0; i < 1000; ++i) p.push_back(std::make_unique<int>((i * 7919) % 1000));
  timsort::sort(p.begin(), p.end(), [](const auto& a, const auto& b) { return *a < *b; });
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(*p[i], i);

  int raw[] = {3, 1, 2};
  timsort::sort(std::begin(raw), std::end(raw));
  EXPECT_EQ(raw[0], 1);
  EXPECT_EQ(raw[2], 3);
}

TEST(Timsort, SortByKeyPermutesValuesAlike) {
  for (int shape = 0; shape < timsort_internal::kNumShapes; ++shape) {
    for (std::ptrdiff_t n : {0, 1, 5, 64, 1000, 20000}) {
      const std::vector<std::int64_t> keys = MakeShape(shape, n, 11);
      std::vector<Item> expect = Items(keys);
      std::stable_sort(expect.begin(), expect.end(), KeyLess);
      std::vector<std::int64_t> k = keys;
      std::vector<std::string> v;
      for (std::ptrdiff_t i = 0; i < n; ++i) v.push_back("value-" + std::to_string(i));
      timsort::sort_by_key(k.begin(), k.end(), v.begin());
      for (std::ptrdiff_t i = 0; i < n; ++i) {
        ASSERT_EQ(k[i], expect[i].key);
        ASSERT_EQ(v[i], "value-" + std::to_string(expect[i].id)) << kShapeNames[shape];
      }
    }
  }
}

// --- Failing, throwing and inconsistent comparators -------------------------------------

TEST(TimsortFailure, FallibleComparatorWithoutFailureSorts) {
  std::vector<std::int64_t> v = MakeShape(0, 5000, 2);
  std::vector<std::int64_t> expect = v;
  std::stable_sort(expect.begin(), expect.end());
  const Status st = timsort::sort(v.begin(), v.end(), [](std::int64_t a, std::int64_t b) {
    return a < b ? Less::kTrue : Less::kFalse;
  });
  EXPECT_EQ(st, Status::kOk);
  EXPECT_EQ(v, expect);
}

// Fails at the k-th comparison for many k over several shapes: the sort must stop (no
// further comparisons), report the failure, and leave a permutation.
TEST(TimsortFailure, FailureAtKthComparisonLeavesPermutation) {
  int runs = 0;
  for (int shape = 0; shape < timsort_internal::kNumShapes; ++shape) {
    for (std::ptrdiff_t n : {2, 40, 200, 3000}) {
      const std::vector<Item> input = Items(MakeShape(shape, n, 4));
      // Total comparisons of a successful run bound the interesting k.
      std::int64_t total = 0;
      {
        std::vector<Item> v = input;
        timsort::sort(v.begin(), v.end(), [&](const Item& a, const Item& b) {
          ++total;
          return a.key < b.key;
        });
      }
      const std::int64_t step = std::max<std::int64_t>(1, total / 150);
      for (std::int64_t k = 1; k <= total; k += step) {
        std::vector<Item> v = input;
        std::int64_t calls = 0;
        const Status st = timsort::sort(v.begin(), v.end(), [&](const Item& a, const Item& b) {
          ++calls;
          EXPECT_LE(calls, k) << "compared after the failure";
          if (calls == k) return Less::kError;
          return a.key < b.key ? Less::kTrue : Less::kFalse;
        });
        ASSERT_EQ(st, Status::kComparisonFailed);
        ExpectPermutation(v, input);
        ++runs;
      }
    }
  }
  RecordProperty("runs", runs);
}

TEST(TimsortFailure, SortByKeyFailureKeepsPairs) {
  const std::vector<std::int64_t> keys = MakeShape(0, 2000, 8);
  for (std::int64_t k = 1; k < 25000; k += 97) {
    std::vector<std::int64_t> kk = keys;
    std::vector<std::int64_t> vals(keys.size());
    std::iota(vals.begin(), vals.end(), 0);
    std::int64_t calls = 0;
    const Status st = timsort::sort_by_key(kk.begin(), kk.end(), vals.begin(),
                                           [&](std::int64_t a, std::int64_t b) {
                                             if (++calls == k) return Less::kError;
                                             return a < b ? Less::kTrue : Less::kFalse;
                                           });
    std::vector<bool> seen(keys.size(), false);
    for (std::size_t i = 0; i < kk.size(); ++i) {
      ASSERT_EQ(kk[i], keys[vals[i]]) << "value separated from its key";
      ASSERT_FALSE(seen[vals[i]]);
      seen[vals[i]] = true;
    }
    if (calls >= k) {
      ASSERT_EQ(st, Status::kComparisonFailed);
    } else {
      ASSERT_EQ(st, Status::kOk);
      ASSERT_TRUE(std::is_sorted(kk.begin(), kk.end()));
    }
  }
}

TEST(TimsortFailure, ThrowingComparatorLeavesPermutation) {
  for (int shape : {0, 3, 5, 6}) {
    const std::vector<Item> input = Items(MakeShape(shape, 2500, 6));
    for (std::int64_t k = 1; k < 30000; k += 211) {
      std::vector<Item> v = input;
      std::int64_t calls = 0;
      try {
        timsort::sort(v.begin(), v.end(), [&](const Item& a, const Item& b) {
          if (++calls == k) throw std::runtime_error("boom");
          return a.key < b.key;
        });
      } catch (const std::runtime_error&) {
      }
      ExpectPermutation(v, input);
    }
  }
}

TEST(TimsortFailure, InconsistentComparatorStaysInBoundsAndPermutes) {
  // Strings make out-of-bounds or duplicated moves visible to ASan and to the check.
  for (std::ptrdiff_t n : {2, 10, 64, 65, 500, 5000, 40000}) {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      std::vector<std::string> input;
      for (std::ptrdiff_t i = 0; i < n; ++i) input.push_back("element-number-" + std::to_string(i));
      std::vector<std::string> v = input;
      std::mt19937_64 rng(seed);
      // Mostly-consistent answers make long gallops; pure noise makes short runs.
      const int noise = static_cast<int>(seed);
      timsort::sort(v.begin(), v.end(), [&](const std::string& a, const std::string& b) {
        if (rng() % (noise * 3) == 0) return static_cast<bool>(rng() & 1);
        return a.size() < b.size() || (a.size() == b.size() && a < b);
      });
      std::sort(v.begin(), v.end());
      std::vector<std::string> sorted_input = input;
      std::sort(sorted_input.begin(), sorted_input.end());
      ASSERT_EQ(v, sorted_input) << "n=" << n << " seed=" << seed;
    }
  }
}

// --- Comparison counts against CPython ----------------------------------------------------

std::string TmpDir() {
  const char* t = std::getenv("TEST_TMPDIR");
  return t ? t : "/tmp";
}

// The same inputs are written to a file that python3 reads, sorts with a counting __lt__,
// and reports; our sort must never compare more often. Counts go to the test log.
TEST(TimsortComparisons, NeverMoreThanCPython) {
  const std::string dir = TmpDir();
  const std::string data = dir + "/timsort_inputs.txt";
  const std::string script = dir + "/count_lt.py";
  const std::string out = dir + "/python_counts.txt";
  struct Case {
    std::string name;
    std::vector<std::int64_t> v;
  };
  std::vector<Case> cases;
  for (int shape = 0; shape < timsort_internal::kNumShapes; ++shape) {
    for (std::ptrdiff_t n : {10, 64, 100, 1000, 10000, 100000}) {
      cases.push_back({std::string(kShapeNames[shape]) + "/" + std::to_string(n),
                       MakeShape(shape, n, 1)});
    }
  }
  {
    std::ofstream f(data);
    for (const Case& c : cases) {
      f << c.name;
      for (std::int64_t x : c.v) f << ' ' << x;
      f << '\n';
    }
  }
  {
    std::ofstream f(script);
    f << "import sys\n"
         "class K:\n"
         "    __slots__ = ('v',)\n"
         "    n = 0\n"
         "    def __init__(self, v): self.v = v\n"
         "    def __lt__(self, other):\n"
         "        K.n += 1\n"
         "        return self.v < other.v\n"
         "with open(sys.argv[1]) as f, open(sys.argv[2], 'w') as out:\n"
         "    for line in f:\n"
         "        parts = line.split()\n"
         "        xs = [K(int(p)) for p in parts[1:]]\n"
         "        K.n = 0\n"
         "        xs.sort()\n"
         "        count = K.n\n"
         "        assert all(not (xs[i + 1] < xs[i]) for i in range(len(xs) - 1))\n"
         "        out.write('%s %d\\n' % (parts[0], count))\n";
  }
  const std::string cmd = "/usr/bin/python3 " + script + " " + data + " " + out;
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream f(out);
  std::string name;
  std::int64_t py_count;
  std::size_t i = 0;
  std::ostringstream report;
  while (f >> name >> py_count) {
    ASSERT_LT(i, cases.size());
    ASSERT_EQ(name, cases[i].name);
    std::vector<std::int64_t> v = cases[i].v;
    std::int64_t ours = 0;
    timsort::sort(v.begin(), v.end(), [&](std::int64_t a, std::int64_t b) {
      ++ours;
      return a < b;
    });
    ASSERT_TRUE(std::is_sorted(v.begin(), v.end()));
    EXPECT_LE(ours, py_count) << name;
    report << name << " pyrt=" << ours << " cpython=" << py_count << "\n";
    ++i;
  }
  EXPECT_EQ(i, cases.size()) << "python3 did not report every case";
  std::printf("comparison counts (pyrt vs CPython 3.11 list.sort):\n%s", report.str().c_str());
}

// Direct checks of the small pure functions against listsort.txt's definitions.
TEST(TimsortInternals, MinrunAndPower) {
  using timsort_internal::ComputeMinrun;
  EXPECT_EQ(ComputeMinrun(63), 63);
  EXPECT_EQ(ComputeMinrun(64), 32);
  EXPECT_EQ(ComputeMinrun(65), 33);
  EXPECT_EQ(ComputeMinrun(2112), 33);
  for (std::ptrdiff_t n = 64; n < 100000; n += 37) {
    const std::ptrdiff_t m = ComputeMinrun(n);
    ASSERT_GE(m, 32);
    ASSERT_LE(m, 64);
  }
  // Two halves of an array meet at the top of the tree: power 1.
  EXPECT_EQ(timsort_internal::PowerLoop(0, 50, 50, 100), 1);
  // Boundary at a quarter: power 2.
  EXPECT_EQ(timsort_internal::PowerLoop(0, 25, 25, 100), 2);
  EXPECT_EQ(timsort_internal::PowerLoop(50, 25, 25, 100), 2);
}

}  // namespace
}  // namespace pyrt

// Benchmarks of pyrt::timsort::sort against std::sort and std::stable_sort, all in this
// binary. Names are Case/impl/N (see tools/bench): Case is SortInt64<Shape> or
// SortString<Shape>, impl is pyrt, std_sort or std_stable_sort. Each timed iteration sorts a
// fresh copy of the same input (the copy is not timed). The counter cmp_per_elem is the
// number of comparisons the implementation made on that input, divided by N.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "benchmark/benchmark.h"
#include "objects/timsort/internal/shapes.h"
#include "objects/timsort/timsort.h"

namespace {

using pyrt::timsort_internal::MakeShape;

enum Impl { kPyrt, kStdSort, kStdStableSort };

template <class T>
std::vector<T> Input(int shape, std::int64_t n) {
  const std::vector<std::int64_t> v = MakeShape(shape, n, 1);
  if constexpr (std::is_same_v<T, std::string>) {
    std::vector<std::string> s;
    s.reserve(v.size());
    // Zero-padded so that string order equals numeric order; long enough to be on the heap.
    for (std::int64_t x : v) {
      std::string d = std::to_string(x);
      s.push_back("key-" + std::string(20 - d.size(), '0') + d);
    }
    return s;
  } else {
    return v;
  }
}

template <class It, class Comp>
void Sort(Impl impl, It first, It last, Comp comp) {
  switch (impl) {
    case kPyrt: pyrt::timsort::sort(first, last, comp); break;
    case kStdSort: std::sort(first, last, comp); break;
    case kStdStableSort: std::stable_sort(first, last, comp); break;
  }
}

// Inputs are built once per (shape, n) and shared by the implementations and repetitions.
template <class T>
const std::vector<T>& CachedInput(int shape, std::int64_t n) {
  static std::map<std::pair<int, std::int64_t>, std::vector<T>> cache;
  auto it = cache.find({shape, n});
  if (it == cache.end()) it = cache.emplace(std::make_pair(shape, n), Input<T>(shape, n)).first;
  return it->second;
}

template <class T>
void BM_Sort(benchmark::State& state, Impl impl, int shape) {
  const std::vector<T>& input = CachedInput<T>(shape, state.range(0));
  std::vector<T> work;
  for (auto _ : state) {
    state.PauseTiming();
    work = input;
    state.ResumeTiming();
    Sort(impl, work.begin(), work.end(), std::less<>());
    benchmark::DoNotOptimize(work.data());
  }
  if (!std::is_sorted(work.begin(), work.end())) state.SkipWithError("not sorted");
  // Comparison count, once per (impl, shape, n, type): it does not vary between runs.
  static std::map<std::tuple<int, int, std::int64_t>, std::int64_t> counted;  // per T
  auto key = std::make_tuple(static_cast<int>(impl), shape, state.range(0));
  auto found = counted.find(key);
  if (found == counted.end()) {
    std::int64_t cmps = 0;
    work = input;
    Sort(impl, work.begin(), work.end(), [&](const T& a, const T& b) {
      ++cmps;
      return a < b;
    });
    found = counted.emplace(key, cmps).first;
  }
  state.counters["cmp_per_elem"] = static_cast<double>(found->second) / input.size();
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

const char* const kCaseNames[] = {"Random",    "Sorted",   "Reversed", "Sawtooth",
                                  "FewUnique", "Sorted95", "OrganPipe"};

int Register() {
  const struct {
    Impl impl;
    const char* name;
  } impls[] = {{kPyrt, "pyrt"}, {kStdSort, "std_sort"}, {kStdStableSort, "std_stable_sort"}};
  for (int shape = 0; shape < 7; ++shape) {
    for (const auto& im : impls) {
      benchmark::RegisterBenchmark(
          (std::string("SortInt64") + kCaseNames[shape] + "/" + im.name).c_str(),
          [impl = im.impl, shape](benchmark::State& s) { BM_Sort<std::int64_t>(s, impl, shape); })
          ->Arg(1000)
          ->Arg(100000)
          ->Arg(1000000)
          ->Unit(benchmark::kMicrosecond);
      benchmark::RegisterBenchmark(
          (std::string("SortString") + kCaseNames[shape] + "/" + im.name).c_str(),
          [impl = im.impl, shape](benchmark::State& s) { BM_Sort<std::string>(s, impl, shape); })
          ->Arg(1000)
          ->Arg(100000)
          ->Arg(1000000)
          ->Unit(benchmark::kMicrosecond);
    }
  }
  return 0;
}
const int kRegistered = Register();

}  // namespace

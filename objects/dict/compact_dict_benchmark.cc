// Benchmarks of pyrt::CompactDict against absl::flat_hash_map, absl::node_hash_map and
// std::unordered_map, all in this binary. Names are Case/impl/N (see tools/bench):
//   Insert*      build a map of N random keys from empty (no reserve); counters give the
//                steady-state table bytes per entry and the peak bytes per entry during
//                growth, counted by an instrumented allocator (table memory only)
//   FindHit*     look up present keys in random order
//   FindMiss*    look up absent keys
//   EraseReinsert*  erase half of the keys, then insert them again
//   Iterate*     visit every entry
// "Str" cases use 24-byte std::string keys; the others uint64_t keys.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "benchmark/benchmark.h"
#include "objects/dict/compact_dict.h"

namespace {

// --- Instrumented allocator ---------------------------------------------------------------

struct AllocStats {
  static inline std::size_t current = 0;
  static inline std::size_t peak = 0;
  static void Reset() {
    current = 0;
    peak = 0;
  }
};

template <class T>
struct CountingAlloc {
  using value_type = T;
  CountingAlloc() = default;
  template <class U>
  CountingAlloc(const CountingAlloc<U>&) {}
  T* allocate(std::size_t n) {
    AllocStats::current += n * sizeof(T);
    if (AllocStats::current > AllocStats::peak) AllocStats::peak = AllocStats::current;
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, std::size_t n) {
    AllocStats::current -= n * sizeof(T);
    std::allocator<T>().deallocate(p, n);
  }
  template <class U>
  bool operator==(const CountingAlloc<U>&) const {
    return true;
  }
};

// --- The maps ---------------------------------------------------------------------------

template <class K>
using Pyrt = pyrt::CompactDict<K, std::uint64_t, pyrt::CompactDictHash<K>, std::equal_to<K>,
                               CountingAlloc<std::pair<const K, std::uint64_t>>>;
template <class K>
using AbslFlat = absl::flat_hash_map<K, std::uint64_t, absl::Hash<K>, std::equal_to<K>,
                                     CountingAlloc<std::pair<const K, std::uint64_t>>>;
template <class K>
using AbslNode = absl::node_hash_map<K, std::uint64_t, absl::Hash<K>, std::equal_to<K>,
                                     CountingAlloc<std::pair<const K, std::uint64_t>>>;
template <class K>
using StdUnordered = std::unordered_map<K, std::uint64_t, std::hash<K>, std::equal_to<K>,
                                        CountingAlloc<std::pair<const K, std::uint64_t>>>;

// --- Keys ---------------------------------------------------------------------------------

std::string StrKey(std::uint64_t x) {
  // 24 bytes: past std::string's small-string buffer, like a typical identifier-ish key.
  std::string s(24, 'a');
  for (int i = 0; i < 16; ++i) s[8 + i] = static_cast<char>('a' + ((x >> (4 * i)) & 15));
  return s;
}

template <class K>
K MakeKey(std::uint64_t x) {
  if constexpr (std::is_same_v<K, std::string>) {
    return StrKey(x);
  } else {
    return x;
  }
}

// N distinct random keys (present) and N other distinct keys (absent), memoised per N.
template <class K>
const std::vector<K>& Keys(std::size_t n, bool absent) {
  static std::vector<std::pair<std::size_t, std::vector<K>>> cache[2];
  for (auto& [size, v] : cache[absent]) {
    if (size == n) return v;
  }
  std::mt19937_64 rng(absent ? 0xabcdef : 0x12345);
  std::vector<K> v;
  v.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    // Even values present, odd absent: the two sets never intersect.
    v.push_back(MakeKey<K>((rng() << 1) | (absent ? 1 : 0)));
  }
  cache[absent].emplace_back(n, std::move(v));
  return cache[absent].back().second;
}

template <class Map, class K>
Map Build(const std::vector<K>& keys) {
  Map m;
  for (std::size_t i = 0; i < keys.size(); ++i) m[keys[i]] = i;
  return m;
}

// --- Benchmarks ---------------------------------------------------------------------------

template <class Map, class K>
void BM_Insert(benchmark::State& state) {
  const auto& keys = Keys<K>(static_cast<std::size_t>(state.range(0)), false);
  std::size_t bytes = 0;
  std::size_t peak = 0;
  for (auto _ : state) {
    AllocStats::Reset();
    Map m;
    for (std::size_t i = 0; i < keys.size(); ++i) m[keys[i]] = i;
    bytes = AllocStats::current;
    peak = AllocStats::peak;
    benchmark::DoNotOptimize(m);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(keys.size()));
  state.counters["bytes_per_entry"] = static_cast<double>(bytes) / keys.size();
  state.counters["peak_bytes_per_entry"] = static_cast<double>(peak) / keys.size();
}

template <class Map, class K>
void BM_FindHit(benchmark::State& state) {
  const auto& keys = Keys<K>(static_cast<std::size_t>(state.range(0)), false);
  const Map m = Build<Map>(keys);
  // Look keys up in an order unrelated to insertion order.
  std::vector<std::size_t> order(keys.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), std::mt19937_64(7));
  std::size_t i = 0;
  std::uint64_t sum = 0;
  for (auto _ : state) {
    sum += m.find(keys[order[i]])->second;
    if (++i == order.size()) i = 0;
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations());
}

template <class Map, class K>
void BM_FindMiss(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Map m = Build<Map>(Keys<K>(n, false));
  const auto& absent = Keys<K>(n, true);
  std::size_t i = 0;
  std::size_t found = 0;
  for (auto _ : state) {
    found += m.find(absent[i]) != m.end();
    if (++i == absent.size()) i = 0;
  }
  if (found != 0) state.SkipWithError("absent key found");
  state.SetItemsProcessed(state.iterations());
}

template <class Map, class K>
void BM_EraseReinsert(benchmark::State& state) {
  const auto& keys = Keys<K>(static_cast<std::size_t>(state.range(0)), false);
  Map m = Build<Map>(keys);
  for (auto _ : state) {
    for (std::size_t i = 0; i < keys.size(); i += 2) m.erase(keys[i]);
    for (std::size_t i = 0; i < keys.size(); i += 2) m[keys[i]] = i;
  }
  benchmark::DoNotOptimize(m);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(keys.size()));
}

template <class Map, class K>
void BM_Iterate(benchmark::State& state) {
  const auto& keys = Keys<K>(static_cast<std::size_t>(state.range(0)), false);
  const Map m = Build<Map>(keys);
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (const auto& kv : m) sum += kv.second;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(keys.size()));
}

#define PYRT_DICT_CASE(Case, Fn, K, Suffix)                                            \
  BENCHMARK(Fn<Pyrt<K>, K>)->Name(#Case Suffix "/pyrt")->Arg(1000)->Arg(1000000);      \
  BENCHMARK(Fn<AbslFlat<K>, K>)->Name(#Case Suffix "/absl_flat")->Arg(1000)->Arg(1000000); \
  BENCHMARK(Fn<AbslNode<K>, K>)->Name(#Case Suffix "/absl_node")->Arg(1000)->Arg(1000000); \
  BENCHMARK(Fn<StdUnordered<K>, K>)                                                    \
      ->Name(#Case Suffix "/std_unordered")                                            \
      ->Arg(1000)                                                                      \
      ->Arg(1000000);

#define PYRT_DICT_ALL(K, Suffix)                      \
  PYRT_DICT_CASE(Insert, BM_Insert, K, Suffix)        \
  PYRT_DICT_CASE(FindHit, BM_FindHit, K, Suffix)      \
  PYRT_DICT_CASE(FindMiss, BM_FindMiss, K, Suffix)    \
  PYRT_DICT_CASE(EraseReinsert, BM_EraseReinsert, K, Suffix) \
  PYRT_DICT_CASE(Iterate, BM_Iterate, K, Suffix)

PYRT_DICT_ALL(std::uint64_t, "")
PYRT_DICT_ALL(std::string, "Str")

}  // namespace

// Deterministic input shapes shared by timsort's tests and benchmarks: the shapes of
// listsort.txt's measurements (random, sorted, reversed, sawtooth, few unique values,
// 95% sorted, organ pipe) plus all-equal.
#ifndef PYRT_OBJECTS_TIMSORT_INTERNAL_SHAPES_H_
#define PYRT_OBJECTS_TIMSORT_INTERNAL_SHAPES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pyrt::timsort_internal {

inline constexpr int kNumShapes = 8;
inline constexpr const char* kShapeNames[kNumShapes] = {
    "random", "sorted", "reversed", "sawtooth", "few_unique", "sorted95", "organ_pipe", "equal"};

// splitmix64: a tiny generator whose output is the same on every platform.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t operator()() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

// n values of shape `shape` (an index into kShapeNames), determined by `seed`.
inline std::vector<std::int64_t> MakeShape(int shape, std::ptrdiff_t n, std::uint64_t seed) {
  SplitMix64 rng{seed * 0x632BE59BD9B4E019ull + static_cast<std::uint64_t>(shape)};
  std::vector<std::int64_t> v(static_cast<std::size_t>(n));
  const auto un = static_cast<std::uint64_t>(n);
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    std::int64_t x = 0;
    switch (shape) {
      case 0: x = static_cast<std::int64_t>(rng() % 1000000000); break;
      case 1: x = i; break;
      case 2: x = n - i; break;
      case 3: x = i % 1000; break;  // ascending runs of 1000
      case 4: x = static_cast<std::int64_t>(rng() % 4); break;
      case 5: x = i; break;  // perturbed below
      case 6: x = i < n / 2 ? i : n - i; break;
      default: x = 7; break;
    }
    v[static_cast<std::size_t>(i)] = x;
  }
  if (shape == 5 && n > 0) {
    // 5% of positions get a random value.
    for (std::uint64_t k = 0; k < un / 20; ++k) {
      v[rng() % un] = static_cast<std::int64_t>(rng() % un);
    }
  }
  return v;
}

}  // namespace pyrt::timsort_internal

#endif  // PYRT_OBJECTS_TIMSORT_INTERNAL_SHAPES_H_

// Benchmarks for pyrt::bigint. Names are Case/impl/args (see tools/bench): `pyrt` is
// this library; `schoolbook` and `limb32` are in-binary baselines for the algorithm and
// limb-size choices. CPython's own timings of the same operations come from
// bigint_bench_python.py (run it beside this binary; README.md has both).
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "objects/bigint/bigint.h"
#include "objects/bigint/internal/nat.h"

namespace pyrt::bigint {
namespace {

// A random positive integer with exactly `digits` decimal digits (as text parse).
BigInt RandomDecimal(std::size_t digits, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(digits, '0');
  for (auto& c : s) c = static_cast<char>('0' + rng() % 10);
  s[0] = static_cast<char>('1' + rng() % 9);
  BigInt v;
  if (!Parse(s, 10, &v, 0).ok()) std::abort();
  return v;
}

void BM_Mul(benchmark::State& state) {
  BigInt a = RandomDecimal(state.range(0), 1), b = RandomDecimal(state.range(0), 2), r;
  for (auto _ : state) {
    if (!Mul(a, b, &r).ok()) std::abort();
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_Mul)->Name("Mul/pyrt")->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// divmod of a 2n-digit number by an n-digit one.
void BM_DivMod(benchmark::State& state) {
  BigInt a = RandomDecimal(2 * state.range(0), 3), b = RandomDecimal(state.range(0), 4), q, r;
  for (auto _ : state) {
    if (!DivMod(a, b, &q, &r).ok()) std::abort();
    benchmark::DoNotOptimize(q);
  }
}
BENCHMARK(BM_DivMod)->Name("DivMod/pyrt")->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void BM_Str(benchmark::State& state) {
  BigInt a = RandomDecimal(state.range(0), 5);
  std::string s;
  for (auto _ : state) {
    if (!ToString(a, 10, &s, 0).ok()) std::abort();
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_Str)->Name("Str/pyrt")->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void BM_Parse(benchmark::State& state) {
  BigInt a = RandomDecimal(state.range(0), 6), v;
  std::string s;
  if (!ToString(a, 10, &s, 0).ok()) std::abort();
  for (auto _ : state) {
    if (!Parse(s, 10, &v, 0).ok()) std::abort();
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_Parse)->Name("Parse/pyrt")->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void BM_Pow(benchmark::State& state) {  // 3 ** n
  BigInt three(3), e(state.range(0)), r;
  for (auto _ : state) {
    if (!Pow(three, e, &r).ok()) std::abort();
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_Pow)->Name("Pow3/pyrt")->Arg(100000)->Unit(benchmark::kMicrosecond);

void BM_Gcd(benchmark::State& state) {
  BigInt a = RandomDecimal(state.range(0), 7), b = RandomDecimal(state.range(0), 8), r;
  for (auto _ : state) {
    if (!Gcd(a, b, &r).ok()) std::abort();
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_Gcd)->Name("Gcd/pyrt")->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

void BM_Isqrt(benchmark::State& state) {
  BigInt a = RandomDecimal(state.range(0), 9), r;
  for (auto _ : state) {
    if (!Isqrt(a, &r).ok()) std::abort();
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_Isqrt)->Name("Isqrt/pyrt")->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

// --- Algorithm choices: Karatsuba vs schoolbook, 64-bit vs 32-bit limbs ---

bigint_internal::Nat RandomLimbs(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  bigint_internal::Nat a(n);
  for (auto& x : a) x = rng();
  a.back() |= 1;
  return a;
}

void BM_MulLimbs(benchmark::State& state) {
  auto a = RandomLimbs(state.range(0), 1), b = RandomLimbs(state.range(0), 2);
  for (auto _ : state) benchmark::DoNotOptimize(bigint_internal::MulNat(a, b));
}
void BM_MulLimbsKaratsuba(benchmark::State& state) {
  auto a = RandomLimbs(state.range(0), 1), b = RandomLimbs(state.range(0), 2);
  for (auto _ : state) benchmark::DoNotOptimize(bigint_internal::MulNatKaratsuba(a, b));
}
void BM_MulLimbsSchoolbook(benchmark::State& state) {
  auto a = RandomLimbs(state.range(0), 1), b = RandomLimbs(state.range(0), 2);
  for (auto _ : state) benchmark::DoNotOptimize(bigint_internal::MulNatSchoolbook(a, b));
}
// The same product (same number of bits) with 32-bit limbs and 64-bit intermediates,
// the classic layout: twice the limbs, four times the inner-loop iterations.
void BM_MulLimbs32(benchmark::State& state) {
  auto a64 = RandomLimbs(state.range(0), 1), b64 = RandomLimbs(state.range(0), 2);
  std::vector<std::uint32_t> a, b;
  for (auto x : a64) { a.push_back(static_cast<std::uint32_t>(x)); a.push_back(static_cast<std::uint32_t>(x >> 32)); }
  for (auto x : b64) { b.push_back(static_cast<std::uint32_t>(x)); b.push_back(static_cast<std::uint32_t>(x >> 32)); }
  std::vector<std::uint32_t> r(a.size() + b.size());
  for (auto _ : state) {
    std::fill(r.begin(), r.end(), 0u);
    for (std::size_t j = 0; j < b.size(); ++j) {
      std::uint64_t carry = 0;
      for (std::size_t i = 0; i < a.size(); ++i) {
        std::uint64_t t = std::uint64_t{a[i]} * b[j] + r[i + j] + carry;
        r[i + j] = static_cast<std::uint32_t>(t);
        carry = t >> 32;
      }
      r[j + a.size()] = static_cast<std::uint32_t>(carry);
    }
    benchmark::DoNotOptimize(r.data());
  }
}
#define LIMB_ARGS ->Arg(8)->Arg(16)->Arg(24)->Arg(32)->Arg(48)->Arg(64)->Arg(128)->Arg(512)
BENCHMARK(BM_MulLimbs)->Name("MulLimbs/pyrt") LIMB_ARGS;
BENCHMARK(BM_MulLimbsSchoolbook)->Name("MulLimbs/schoolbook") LIMB_ARGS;
BENCHMARK(BM_MulLimbsKaratsuba)->Name("MulLimbs/karatsuba") LIMB_ARGS->Arg(2048)->Arg(4096)->Arg(8192);
BENCHMARK(BM_MulLimbs)->Name("MulLimbs/pyrt")->Arg(2048)->Arg(4096)->Arg(8192);
BENCHMARK(BM_MulLimbs32)->Name("MulLimbs/limb32") LIMB_ARGS;

// Newton-reciprocal division against Knuth's algorithm D (2n by n limbs).
void BM_DivLimbs(benchmark::State& state) {
  auto a = RandomLimbs(2 * state.range(0), 3), b = RandomLimbs(state.range(0), 4);
  bigint_internal::Nat q, r;
  for (auto _ : state) bigint_internal::DivModNat(a, b, &q, &r);
}
void BM_DivLimbsKnuth(benchmark::State& state) {
  auto a = RandomLimbs(2 * state.range(0), 3), b = RandomLimbs(state.range(0), 4);
  bigint_internal::Nat q, r;
  for (auto _ : state) bigint_internal::DivModKnuth(a, b, &q, &r);
}
BENCHMARK(BM_DivLimbs)->Name("DivLimbs/pyrt")->Arg(64)->Arg(128)->Arg(256)->Arg(512)->Arg(1024)->Arg(4096);
BENCHMARK(BM_DivLimbsKnuth)->Name("DivLimbs/knuth")->Arg(64)->Arg(128)->Arg(256)->Arg(512)->Arg(1024)->Arg(4096);

}  // namespace
}  // namespace pyrt::bigint

BENCHMARK_MAIN();

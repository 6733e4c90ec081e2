// Per-code-point lookup cost of //unicode, with glibc's wide-character
// classification (C.UTF-8 locale) as the baseline where one exists.
//
// Text: a mix of ASCII Python source and non-ASCII letters, so the two-level
// tables see both hot and cold blocks.

#include <benchmark/benchmark.h>

#include <clocale>
#include <cwctype>
#include <random>
#include <string>
#include <vector>

#include "unicode/unicode.h"

namespace {

namespace u = pyrt::unicode;

const std::u32string& Text() {
  static const std::u32string text = [] {
    std::u32string t;
    std::mt19937 rng(1);
    const std::u32string ascii =
        U"def foo(self, x):\n    return x.lower() + 42\n";
    const std::u32string other = U"éßΣωЖжअ中文한국어ｱ𝐀😀";
    for (int i = 0; i < 4096; ++i) {
      t += (rng() % 4 == 0) ? other.substr(rng() % other.size(), 1)
                            : ascii.substr(rng() % ascii.size(), 1);
    }
    return t;
  }();
  return text;
}

void SetLocale() { std::setlocale(LC_ALL, "C.UTF-8"); }

void BM_IsAlphaPyrt(benchmark::State& state) {
  const std::u32string& t = Text();
  for (auto _ : state) {
    int n = 0;
    for (char32_t c : t) n += u::IsAlpha(c);
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * t.size());
}
BENCHMARK(BM_IsAlphaPyrt)->Name("IsAlpha/pyrt");

void BM_IsAlphaGlibc(benchmark::State& state) {
  SetLocale();
  const std::u32string& t = Text();
  for (auto _ : state) {
    int n = 0;
    for (char32_t c : t) n += std::iswalpha(static_cast<wint_t>(c)) != 0;
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * t.size());
}
BENCHMARK(BM_IsAlphaGlibc)->Name("IsAlpha/glibc");

void BM_SimpleLowerPyrt(benchmark::State& state) {
  const std::u32string& t = Text();
  for (auto _ : state) {
    char32_t x = 0;
    for (char32_t c : t) x ^= u::SimpleLower(c);
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(state.iterations() * t.size());
}
BENCHMARK(BM_SimpleLowerPyrt)->Name("SimpleLower/pyrt");

void BM_SimpleLowerGlibc(benchmark::State& state) {
  SetLocale();
  const std::u32string& t = Text();
  for (auto _ : state) {
    wint_t x = 0;
    for (char32_t c : t) x ^= std::towlower(static_cast<wint_t>(c));
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(state.iterations() * t.size());
}
BENCHMARK(BM_SimpleLowerGlibc)->Name("SimpleLower/glibc");

void BM_NormalizeNfc(benchmark::State& state) {
  const std::u32string t = u::Normalize(u::NormalForm::NFD, Text());
  for (auto _ : state) {
    benchmark::DoNotOptimize(u::Normalize(u::NormalForm::NFC, t));
  }
  state.SetItemsProcessed(state.iterations() * t.size());
}
BENCHMARK(BM_NormalizeNfc)->Name("NormalizeNFC/pyrt");

void BM_Name(benchmark::State& state) {
  char32_t cp = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(u::Name(cp));
    cp = (cp + 7919) % 0x30000;
  }
}
BENCHMARK(BM_Name)->Name("Name/pyrt");

void BM_Lookup(benchmark::State& state) {
  const std::string name = "LATIN SMALL LETTER E WITH ACUTE";
  for (auto _ : state) benchmark::DoNotOptimize(u::Lookup(name));
}
BENCHMARK(BM_Lookup)->Name("Lookup/pyrt");

}  // namespace

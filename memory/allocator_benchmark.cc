// Benchmarks: pyrt's allocator against glibc malloc and mimalloc in the same binary.
//
//   AllocFree/<impl>/<size>          1000 allocations of one size, then 1000 frees
//   PyTraceLifo/<impl>/1000000       10^6 live objects with a Python-like size mix,
//                                    freed newest first
//   PyTraceRandom/<impl>/1000000     the same, freed in random order
//   PyTrace{Lifo,Random}Retained/... the same, with pyrt keeping empty arenas mapped (as
//                                    glibc and mimalloc keep freed memory): the allocator's
//                                    own speed without the cost of handing memory back
//   PyTraceChurn/<impl>/1000000      10^6 live objects, then steps that free a random one
//                                    and allocate a new one (1000 steps per iteration)
//   Resident/<impl>/1000000          resident memory of 10^6 live objects and after freeing
//                                    them (run in a fresh child process per allocator;
//                                    counters in MiB, time is not meaningful)
//
// impl is pyrt, glibc or mimalloc. Run with
//   bazel run --config=opt //memory:allocator_benchmark -- --benchmark_repetitions=3
//       --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <dlfcn.h>
#include <malloc.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <random>
#include <string>
#include <vector>

#include "memory/allocator.h"

namespace {

using pyrt::memory::Allocator;
using pyrt::memory::Mode;

// Two allocators in static storage (constructed in main): the default policy (one empty
// arena kept, the rest unmapped at once, as CPython) and one that keeps every empty arena
// mapped, like glibc and mimalloc keep freed memory.
alignas(Allocator) unsigned char g_storage[2][sizeof(Allocator)];
Allocator* g_pyrt = nullptr;
Allocator* g_pyrt_retain = nullptr;

struct Pyrt {
  static void* Alloc(size_t n) { return g_pyrt->Allocate(n); }
  static void Free(void* p) { g_pyrt->Free(p); }
  // pyrt's blocks over 512 bytes live in glibc's heap, so its trim is both.
  static void Trim() {
    g_pyrt->ReleaseFreeArenas();
    malloc_trim(0);
  }
};
struct PyrtRetain {
  static void* Alloc(size_t n) { return g_pyrt_retain->Allocate(n); }
  static void Free(void* p) { g_pyrt_retain->Free(p); }
  static void Trim() { g_pyrt_retain->ReleaseFreeArenas(); }
};
struct Glibc {
  static void* Alloc(size_t n) { return std::malloc(n); }
  static void Free(void* p) { std::free(p); }
  static void Trim() { malloc_trim(0); }
};
// mimalloc is loaded with dlopen(RTLD_LOCAL) and called through mi_* only. Linking
// libmimalloc.so.2 would not do: Debian's build exports malloc/free, so linking it
// replaces glibc's malloc for the whole process (the "glibc" baseline and pyrt's large
// blocks would silently be mimalloc). Loaded late and locally, it interposes nothing.
struct MiApi {
  void* (*malloc)(size_t) = nullptr;
  void (*free)(void*) = nullptr;
  void (*collect)(bool) = nullptr;
};
MiApi g_mi;

bool LoadMimalloc() {
  void* h = dlopen("libmimalloc.so.2", RTLD_NOW | RTLD_LOCAL);
  if (h == nullptr) return false;
  g_mi.malloc = reinterpret_cast<void* (*)(size_t)>(dlsym(h, "mi_malloc"));
  g_mi.free = reinterpret_cast<void (*)(void*)>(dlsym(h, "mi_free"));
  g_mi.collect = reinterpret_cast<void (*)(bool)>(dlsym(h, "mi_collect"));
  return g_mi.malloc != nullptr && g_mi.free != nullptr && g_mi.collect != nullptr;
}

struct Mimalloc {
  static void* Alloc(size_t n) { return g_mi.malloc(n); }
  static void Free(void* p) { g_mi.free(p); }
  static void Trim() { g_mi.collect(true); }
};

// A Python-like size mix: most objects 32-64 bytes (ints, small tuples, frames of
// small lists, short strs), a tail up to a few KiB (dicts, longer strs, list storage).
std::vector<uint32_t> PythonSizes(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint32_t> sizes(n);
  for (uint32_t& s : sizes) {
    const unsigned r = rng() % 100;
    if (r < 15) s = 16 + rng() % 16;          // 16..31
    else if (r < 55) s = 32 + rng() % 17;     // 32..48
    else if (r < 80) s = 49 + rng() % 16;     // 49..64
    else if (r < 92) s = 65 + rng() % 192;    // 65..256
    else if (r < 99) s = 257 + rng() % 256;   // 257..512
    else s = 513 + rng() % 3584;              // 513..4096
  }
  return sizes;
}

const std::vector<uint32_t>& TraceSizes() {
  static const std::vector<uint32_t> sizes = PythonSizes(1000000, 42);
  return sizes;
}

const std::vector<uint32_t>& RandomOrder() {
  static const std::vector<uint32_t> order = [] {
    std::vector<uint32_t> o(1000000);
    for (uint32_t i = 0; i < o.size(); ++i) o[i] = i;
    std::mt19937_64 rng(7);
    std::shuffle(o.begin(), o.end(), rng);
    return o;
  }();
  return order;
}

template <typename Impl>
void BM_AllocFree(benchmark::State& state) {
  const size_t size = static_cast<size_t>(state.range(0));
  std::vector<void*> blocks(1000);
  for (auto _ : state) {
    for (void*& p : blocks) {
      p = Impl::Alloc(size);
      *static_cast<char*>(p) = 1;
    }
    for (void* p : blocks) Impl::Free(p);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(blocks.size()));
}

// Allocates the whole trace (touching each block), then frees it in the given order.
template <typename Impl, bool kRandom>
void BM_PyTrace(benchmark::State& state) {
  const std::vector<uint32_t>& sizes = TraceSizes();
  const std::vector<uint32_t>& order = RandomOrder();
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<void*> blocks(n);
  // One untimed pass first, so that allocators that keep freed memory start warm.
  for (size_t i = 0; i < n; ++i) blocks[i] = Impl::Alloc(sizes[i]);
  for (size_t i = n; i-- > 0;) Impl::Free(blocks[i]);
  for (auto _ : state) {
    for (size_t i = 0; i < n; ++i) {
      blocks[i] = Impl::Alloc(sizes[i]);
      *static_cast<char*>(blocks[i]) = static_cast<char>(i);
    }
    if (kRandom) {
      for (size_t i = 0; i < n; ++i) Impl::Free(blocks[order[i]]);
    } else {
      for (size_t i = n; i-- > 0;) Impl::Free(blocks[i]);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(2 * n));
}

// Steady state: 10^6 live objects, each step frees a random one and allocates a new one.
template <typename Impl>
void BM_PyTraceChurn(benchmark::State& state) {
  const std::vector<uint32_t>& sizes = TraceSizes();
  const std::vector<uint32_t>& order = RandomOrder();
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<void*> blocks(n);
  for (size_t i = 0; i < n; ++i) blocks[i] = Impl::Alloc(sizes[i]);
  size_t step = 0;
  for (auto _ : state) {
    for (size_t k = 0; k < 1000; ++k, ++step) {
      const size_t victim = order[step % n];
      Impl::Free(blocks[victim]);
      blocks[victim] = Impl::Alloc(sizes[(step * 7 + 3) % n]);
      *static_cast<char*>(blocks[victim]) = 1;
    }
  }
  for (void* p : blocks) Impl::Free(p);
  state.SetItemsProcessed(state.iterations() * 1000 * 2);
}

// --- Resident memory, measured in a fresh child process ---------------------------------

size_t ResidentBytes() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long size = 0, resident = 0;
  if (std::fscanf(f, "%lu %lu", &size, &resident) != 2) resident = 0;
  std::fclose(f);
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

// Runs in the child: prints "<live> <after free> <after trim>" resident deltas in bytes.
template <typename Impl>
int ResidentChild(size_t n) {
  const std::vector<uint32_t>& sizes = TraceSizes();
  const std::vector<uint32_t>& order = RandomOrder();
  std::vector<void*> blocks(n);
  const size_t base = ResidentBytes();
  for (size_t i = 0; i < n; ++i) {
    blocks[i] = Impl::Alloc(sizes[i]);
    std::memset(blocks[i], 1, sizes[i]);  // touch every byte, as a real object would
  }
  const size_t live = ResidentBytes();
  for (size_t i = 0; i < n; ++i) Impl::Free(blocks[order[i]]);
  const size_t after = ResidentBytes();
  Impl::Trim();
  const size_t trimmed = ResidentBytes();
  auto delta = [base](size_t v) { return v > base ? v - base : 0; };
  std::printf("%zu %zu %zu\n", delta(live), delta(after), delta(trimmed));
  return 0;
}

std::string g_self_exe;

void BM_Resident(benchmark::State& state, const char* impl) {
  const std::string cmd = g_self_exe + " --resident_child=" + impl;
  double live = 0, after = 0, trimmed = 0;
  for (auto _ : state) {
    FILE* p = popen(cmd.c_str(), "r");
    size_t a = 0, b = 0, c = 0;
    if (p == nullptr || std::fscanf(p, "%zu %zu %zu", &a, &b, &c) != 3) {
      state.SkipWithError("resident child failed");
      if (p != nullptr) pclose(p);
      return;
    }
    pclose(p);
    live = static_cast<double>(a) / (1 << 20);
    after = static_cast<double>(b) / (1 << 20);
    trimmed = static_cast<double>(c) / (1 << 20);
  }
  state.counters["live_MiB"] = live;
  state.counters["after_free_MiB"] = after;
  state.counters["after_trim_MiB"] = trimmed;
}

}  // namespace

int main(int argc, char** argv) {
  if (dlsym(RTLD_DEFAULT, "mi_malloc") != nullptr) {
    std::fprintf(stderr, "mimalloc is linked into this process: malloc is not glibc's\n");
    return 1;
  }
  if (!LoadMimalloc()) {
    std::fprintf(stderr, "cannot load libmimalloc.so.2: %s\n", dlerror());
    return 1;
  }
  g_pyrt = ::new (g_storage[0]) Allocator(Mode::kPooled);
  g_pyrt_retain = ::new (g_storage[1]) Allocator(Mode::kPooled);
  g_pyrt_retain->SetRetainedEmptyArenas(SIZE_MAX);
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--resident_child=", 17) == 0) {
      const char* impl = argv[i] + 17;
      if (std::strcmp(impl, "pyrt") == 0) return ResidentChild<Pyrt>(1000000);
      if (std::strcmp(impl, "glibc") == 0) return ResidentChild<Glibc>(1000000);
      if (std::strcmp(impl, "mimalloc") == 0) return ResidentChild<Mimalloc>(1000000);
      return 2;
    }
  }
  char exe[4096];
  const ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len > 0) g_self_exe.assign(exe, static_cast<size_t>(len));

  const struct {
    const char* name;
    void (*pyrt)(benchmark::State&);
    void (*glibc)(benchmark::State&);
    void (*mimalloc)(benchmark::State&);
  } cases[] = {
      {"AllocFree", BM_AllocFree<Pyrt>, BM_AllocFree<Glibc>, BM_AllocFree<Mimalloc>},
  };
  for (const auto& c : cases) {
    for (int size : {16, 32, 64, 128, 256, 512}) {
      benchmark::RegisterBenchmark((std::string(c.name) + "/pyrt").c_str(), c.pyrt)->Arg(size);
      benchmark::RegisterBenchmark((std::string(c.name) + "/glibc").c_str(), c.glibc)->Arg(size);
      benchmark::RegisterBenchmark((std::string(c.name) + "/mimalloc").c_str(), c.mimalloc)->Arg(size);
    }
  }
  const struct {
    const char* name;
    void (*fn)(benchmark::State&);
  } traces[] = {
      {"PyTraceLifo/pyrt", BM_PyTrace<Pyrt, false>},
      {"PyTraceLifo/glibc", BM_PyTrace<Glibc, false>},
      {"PyTraceLifo/mimalloc", BM_PyTrace<Mimalloc, false>},
      {"PyTraceRandom/pyrt", BM_PyTrace<Pyrt, true>},
      {"PyTraceRandom/glibc", BM_PyTrace<Glibc, true>},
      {"PyTraceRandom/mimalloc", BM_PyTrace<Mimalloc, true>},
      {"PyTraceLifoRetained/pyrt", BM_PyTrace<PyrtRetain, false>},
      {"PyTraceLifoRetained/glibc", BM_PyTrace<Glibc, false>},
      {"PyTraceLifoRetained/mimalloc", BM_PyTrace<Mimalloc, false>},
      {"PyTraceRandomRetained/pyrt", BM_PyTrace<PyrtRetain, true>},
      {"PyTraceRandomRetained/glibc", BM_PyTrace<Glibc, true>},
      {"PyTraceRandomRetained/mimalloc", BM_PyTrace<Mimalloc, true>},
      {"PyTraceChurn/pyrt", BM_PyTraceChurn<Pyrt>},
      {"PyTraceChurn/glibc", BM_PyTraceChurn<Glibc>},
      {"PyTraceChurn/mimalloc", BM_PyTraceChurn<Mimalloc>},
  };
  for (const auto& t : traces) {
    benchmark::RegisterBenchmark(t.name, t.fn)->Arg(1000000)->Unit(benchmark::kMillisecond);
  }
  for (const char* impl : {"pyrt", "glibc", "mimalloc"}) {
    benchmark::RegisterBenchmark((std::string("Resident/") + impl).c_str(), BM_Resident, impl)
        ->Arg(1000000)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

// Benchmarks: full-collection time of pyrt's collector on toy objects in several graph
// shapes, and pause times under allocation churn, with CPython 3.11 measured on the same
// shapes in the same run (gc/testdata/gc_shapes.py, run by this binary's main()).
//
// (Every name gets Google Benchmark's "/manual_time" suffix: all times are CPU time.)
//   GcCollectLive/<impl>/<shape>/<n>     full collection, n live nodes (nothing freed)
//   GcCollectGarbage/<impl>/<shape>/<n>  full collection that finds and frees n nodes
//   GcChurnPause/<impl>/1000000          10^6 live containers, 2*10^6 allocations with
//                                        automatic collection; counters: max and mean
//                                        pause, number of collections
//
// impl is pyrt or cpython. Shapes: chain, tree (binary), cycles (rings of 4 held by one
// list), bigcycle (one ring). Flags: --cpython=0 skips the python3 run;
// --python=PATH picks the interpreter (default /usr/bin/python3).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "gc/collector.h"
#include "gc/testing/toy.h"

namespace {

using pyrt::gc::CallbackInfo;
using pyrt::gc::Decref;
using pyrt::gc::ObjectHead;
using pyrt::gc::Phase;
using pyrt::gc_testing::World;

// CPU time of the process. All timings here are CPU time (SetIterationTime), as the
// python3 side measures with time.process_time(): the benchmark machines are shared and
// wall time includes waiting for a core. Both sides are then named .../manual_time.
double CpuNow() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

enum class Shape { kChain, kTree, kCycles, kBigCycle };
const char* ShapeName(Shape s) {
  switch (s) {
    case Shape::kChain: return "chain";
    case Shape::kTree: return "tree";
    case Shape::kCycles: return "cycles";
    case Shape::kBigCycle: return "bigcycle";
  }
  return "?";
}

// Builds n nodes in the shape; returns a new reference to the root, from which all
// nodes are reachable. Automatic collection is off while building.
ObjectHead* Build(World& w, Shape shape, int n) {
  switch (shape) {
    case Shape::kChain: {
      ObjectHead* node = nullptr;
      for (int i = 0; i < n; ++i) {
        ObjectHead* next = w.NewNode();
        if (node != nullptr) {
          World::Link(next, node);
          Decref(node);
        }
        node = next;
      }
      return node;
    }
    case Shape::kTree: {
      std::vector<ObjectHead*> nodes(n);
      for (ObjectHead*& o : nodes) o = w.NewNode();
      for (int i = 0; i < n; ++i) {
        if (2 * i + 1 < n) World::Link(nodes[i], nodes[2 * i + 1]);
        if (2 * i + 2 < n) World::Link(nodes[i], nodes[2 * i + 2]);
      }
      for (int i = 1; i < n; ++i) Decref(nodes[i]);
      return nodes[0];
    }
    case Shape::kCycles: {
      ObjectHead* holder = w.NewNode();
      for (int k = 0; k < n / 4; ++k) {
        ObjectHead* a = w.NewNode();
        ObjectHead* b = w.NewNode();
        ObjectHead* c = w.NewNode();
        ObjectHead* d = w.NewNode();
        World::Link(b, a);
        World::Link(c, b);
        World::Link(d, c);
        World::Link(a, d);
        World::Link(holder, a);
        Decref(a);
        Decref(b);
        Decref(c);
        Decref(d);
      }
      return holder;
    }
    case Shape::kBigCycle: {
      ObjectHead* first = w.NewNode();
      ObjectHead* node = first;
      for (int i = 1; i < n; ++i) {
        ObjectHead* next = w.NewNode();
        World::Link(next, node);
        if (node != first) Decref(node);
        node = next;
      }
      World::Link(first, node);
      if (node != first) Decref(node);
      return first;
    }
  }
  return nullptr;
}

void BM_CollectLive(benchmark::State& state, Shape shape) {
  const int n = static_cast<int>(state.range(0));
  World w(pyrt::memory::Mode::kPooled);
  w.log_deallocations = false;
  w.gc.Disable();
  ObjectHead* root = Build(w, shape, n);
  w.gc.Collect();  // everything moves to the oldest generation
  for (auto _ : state) {
    const double t0 = CpuNow();
    benchmark::DoNotOptimize(w.gc.Collect());
    state.SetIterationTime(CpuNow() - t0);
  }
  state.SetItemsProcessed(state.iterations() * n);
  Decref(root);
  w.gc.Collect();
}

void BM_CollectGarbage(benchmark::State& state, Shape shape) {
  const int n = static_cast<int>(state.range(0));
  World w(pyrt::memory::Mode::kPooled);
  w.log_deallocations = false;
  w.gc.Disable();
  size_t found = 0;
  for (auto _ : state) {
    ObjectHead* root = Build(w, shape, n);
    Decref(root);
    const double t0 = CpuNow();
    found = w.gc.Collect();
    state.SetIterationTime(CpuNow() - t0);
  }
  state.counters["found"] = static_cast<double>(found);
  state.SetItemsProcessed(state.iterations() * n);
}

// The churn loop of gc_shapes.py: 10^6 live containers; each step allocates one, every
// 4th step makes a garbage 2-cycle, every 8th replaces a random live container.
void BM_ChurnPause(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  auto cpu_now = CpuNow;
  std::vector<double> pauses;
  double start = 0;
  World w(pyrt::memory::Mode::kPooled);
  w.log_deallocations = false;
  w.gc.AddCallback([&](Phase p, const CallbackInfo&) {
    if (p == Phase::kStart) {
      start = cpu_now();
    } else {
      pauses.push_back(cpu_now() - start);
    }
  });
  w.gc.Disable();
  std::vector<ObjectHead*> live(n);
  for (ObjectHead*& o : live) o = w.NewNode();
  w.gc.Collect();
  pauses.clear();
  std::mt19937_64 rng(1);
  w.gc.Enable();
  for (auto _ : state) {
    const double t0 = CpuNow();
    for (int i = 0; i < 2 * n; ++i) {
      ObjectHead* x = w.NewNode();
      if (i % 4 == 0) {
        ObjectHead* y = w.NewNode();
        World::Link(y, x);
        World::Link(x, y);
        Decref(y);
      }
      if (i % 8 == 0) {
        std::swap(live[rng() % n], x);
      }
      Decref(x);
    }
    state.SetIterationTime(CpuNow() - t0);
  }
  w.gc.Disable();
  const double max_pause = pauses.empty() ? 0 : *std::max_element(pauses.begin(), pauses.end());
  double sum = 0;
  for (double p : pauses) sum += p;
  state.counters["max_pause_ms"] = max_pause * 1e3;
  state.counters["mean_pause_us"] = pauses.empty() ? 0 : sum / static_cast<double>(pauses.size()) * 1e6;
  state.counters["collections"] = static_cast<double>(pauses.size());
  for (ObjectHead* o : live) Decref(o);
  w.gc.Collect();
}

// --- CPython figures from gc_shapes.py ------------------------------------------------------

struct CpythonResult {
  double seconds = 0;
  std::vector<double> extra;
};
std::map<std::string, CpythonResult> g_cpython;

void BM_Cpython(benchmark::State& state, std::string key) {
  const CpythonResult& r = g_cpython[key];
  if (r.seconds <= 0) {
    state.SkipWithError("no CPython figure");
    return;
  }
  for (auto _ : state) state.SetIterationTime(r.seconds);
  if (key.rfind("GcChurnPause", 0) == 0 && r.extra.size() == 3) {
    state.counters["max_pause_ms"] = r.extra[0];
    state.counters["mean_pause_us"] = r.extra[1];
    state.counters["collections"] = r.extra[2];
  }
}

std::string FindScript(const char* argv0) {
  const char* candidates[] = {"gc/testdata/gc_shapes.py"};
  for (const char* c : candidates) {
    if (FILE* f = std::fopen(c, "r")) {
      std::fclose(f);
      return c;
    }
  }
  std::string runfiles = std::string(argv0) + ".runfiles/pyrt/gc/testdata/gc_shapes.py";
  if (FILE* f = std::fopen(runfiles.c_str(), "r")) {
    std::fclose(f);
    return runfiles;
  }
  return "";
}

void RunCpython(const std::string& python, const std::string& script, int churn) {
  const std::string cmd = python + " " + script + " 10000,100000,1000000 " + std::to_string(churn);
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return;
  char line[512];
  while (std::fgets(line, sizeof line, p) != nullptr) {
    char name[256];
    double v[4] = {0, 0, 0, 0};
    const int got = std::sscanf(line, "%255s %lf %lf %lf %lf", name, &v[0], &v[1], &v[2], &v[3]);
    if (got < 2) continue;
    CpythonResult r;
    r.seconds = v[0];
    for (int i = 1; i < got - 1; ++i) r.extra.push_back(v[i]);
    g_cpython[name] = r;
  }
  pclose(p);
}

}  // namespace

int main(int argc, char** argv) {
  bool run_cpython = true;
  std::string python = "/usr/bin/python3";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--cpython=0") == 0) run_cpython = false;
    if (std::strncmp(argv[i], "--python=", 9) == 0) python = argv[i] + 9;
  }
  constexpr int kChurn = 1000000;
  const Shape shapes[] = {Shape::kChain, Shape::kTree, Shape::kCycles, Shape::kBigCycle};
  for (int n : {10000, 100000, 1000000}) {
    for (Shape s : shapes) {
      benchmark::RegisterBenchmark((std::string("GcCollectLive/pyrt/") + ShapeName(s)).c_str(),
                                   BM_CollectLive, s)
          ->Arg(n)
          ->UseManualTime()
          ->Unit(benchmark::kMicrosecond);
    }
    for (Shape s : {Shape::kCycles, Shape::kBigCycle}) {
      benchmark::RegisterBenchmark((std::string("GcCollectGarbage/pyrt/") + ShapeName(s)).c_str(),
                                   BM_CollectGarbage, s)
          ->Arg(n)
          ->UseManualTime()
          ->Unit(benchmark::kMicrosecond);
    }
  }
  // One iteration (2*10^6 allocations) already exceeds the minimum time.
  benchmark::RegisterBenchmark("GcChurnPause/pyrt", BM_ChurnPause)
      ->Arg(kChurn)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond);

  if (run_cpython) {
    const std::string script = FindScript(argv[0]);
    if (script.empty()) {
      std::fprintf(stderr, "gc_shapes.py not found; skipping CPython figures\n");
    } else {
      RunCpython(python, script, kChurn);
    }
    for (const auto& [name, r] : g_cpython) {
      // name is Case/cpython/args...; Google Benchmark appends nothing (no Arg).
      benchmark::RegisterBenchmark(name.c_str(), BM_Cpython, name)
          ->UseManualTime()
          ->Unit(name.rfind("GcChurnPause", 0) == 0 ? benchmark::kMillisecond
                                                    : benchmark::kMicrosecond);
    }
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

// Parses every .py file of the installed CPython Lib with our front end and,
// in one python3 process (start-up excluded), with ast.parse; prints files/s
// for both, the ratio, and peak RSS of each process.
//   bazel run --config=opt //compiler:parser_benchmark [-- LIBDIR [REPS]]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/parser.h"

int main(int argc, char** argv) {
  std::string lib = argc > 1 ? argv[1] : "/usr/lib/python3.11";
  int reps = argc > 2 ? std::atoi(argv[2]) : 3;
  std::vector<std::string> paths, sources;
  for (auto& e : std::filesystem::recursive_directory_iterator(lib)) {
    std::string p = e.path().string();
    if (p.find("site-packages") != std::string::npos || p.find("dist-packages") != std::string::npos)
      continue;
    if (e.is_regular_file() && e.path().extension() == ".py") paths.push_back(p);
  }
  for (const auto& p : paths) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    sources.push_back(ss.str());
  }
  double best = 1e30;
  size_t ok = 0;
  for (int r = 0; r < reps; ++r) {
    ok = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (const auto& s : sources) {
      pyrt::compiler::ParseResult res = pyrt::compiler::ParseFile(s);
      ok += res.module != nullptr;
    }
    double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (dt < best) best = dt;
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  long our_rss_kb = ru.ru_maxrss;
  // The baseline: one python3 process; reads all files first, then times ast.parse.
  std::string list = "/tmp/pyrt_parser_benchmark_files.txt";
  {
    std::ofstream out(list);
    for (const auto& p : paths) out << p << "\n";
  }
  std::string cmd =
      "/usr/bin/python3 -c \"import ast,sys,time,resource\n"
      "paths=open(sys.argv[1]).read().split()\n"
      "srcs=[open(p,'rb').read() for p in paths]\n"
      "best=1e30\n"
      "for r in range(int(sys.argv[2])):\n"
      "    t=time.perf_counter()\n"
      "    for s in srcs:\n"
      "        try: ast.parse(s)\n"
      "        except Exception: pass\n"
      "    best=min(best,time.perf_counter()-t)\n"
      "print(best, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\" " +
      list + " " + std::to_string(reps);
  FILE* p = popen(cmd.c_str(), "r");
  double py_time = 0;
  long py_rss_kb = 0;
  if (!p || std::fscanf(p, "%lf %ld", &py_time, &py_rss_kb) != 2) {
    std::fprintf(stderr, "python3 baseline failed\n");
    return 1;
  }
  pclose(p);
  size_t n = sources.size();
  std::printf("files: %zu (%zu parsed without error), best of %d runs\n", n, ok, reps);
  std::printf("ParseLib/pyrt        %8.1f files/s  (%.3f s)  peak RSS %ld MB\n", n / best, best,
              our_rss_kb / 1024);
  std::printf("ParseLib/cpython_ast %8.1f files/s  (%.3f s)  peak RSS %ld MB\n", n / py_time,
              py_time, py_rss_kb / 1024);
  std::printf("ratio pyrt/cpython: %.2fx\n", py_time / best);
  return 0;
}

// Benchmarks: pyrt::aio against python3's asyncio on the same work, in one binary run.
//
//   CallSoon/{pyrt,python3_asyncio}/N          N call_soon callbacks then one run
//   TimerScheduleCancel/{pyrt,python3_asyncio}/N  N call_later + cancel, then the
//                                               iteration that drops them
//   TcpEcho/{pyrt,python3_asyncio,python3_asyncio_streams}/100
//       100 loopback connections doing 1 KiB ping-pong for a fixed time against each
//       server, driven by the same C++ client (pyrt's loop on its own thread); items
//       are round trips.
//
// CallSoon and TimerScheduleCancel are CPU-bound, and the machines are shared, so both
// sides are timed in CPU time: Google Benchmark's CPU time for pyrt, and for python3
// time.process_time() around the same loop inside the interpreter (the median of 3
// after a warm-up, reported as manual time, so start-up is not counted).  TcpEcho is
// wall-clock round trips over a fixed interval.  Compare items_per_second.
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "asyncio_core/loop.h"
#include "asyncio_core/tcp.h"
#include "benchmark/benchmark.h"

extern char** environ;

namespace pyrt::aio {
namespace {

constexpr const char* kPython = "/usr/bin/python3";

// Runs python3 -c script with args; returns its stdout.
std::string RunPython(const std::string& script, const std::vector<std::string>& args) {
  std::string cmd = std::string(kPython) + " -c '" + script + "'";
  for (const auto& a : args) cmd += " " + a;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "";
  std::string out;
  char buf[256];
  while (fgets(buf, sizeof buf, p)) out += buf;
  pclose(p);
  return out;
}

// --- call_soon ------------------------------------------------------------------------

void BM_CallSoon_Pyrt(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  EventLoop loop;
  long counter = 0;
  for (auto _ : state) {
    for (int i = 0; i < n; ++i) loop.call_soon([&counter] { ++counter; });
    loop.call_soon([&loop] { loop.stop(); });
    loop.run_forever();
  }
  benchmark::DoNotOptimize(counter);
  state.SetItemsProcessed(state.iterations() * n);
}

const char* kCallSoonPy = R"PY(
import asyncio, sys, time
N = int(sys.argv[1])
loop = asyncio.new_event_loop()
cnt = 0
def cb():
    global cnt
    cnt += 1
ts = []
for rep in range(4):
    t0 = time.process_time()
    for i in range(N): loop.call_soon(cb)
    loop.call_soon(loop.stop)
    loop.run_forever()
    ts.append(time.process_time() - t0)
print(sorted(ts[1:])[1])
)PY";

void BM_CallSoon_Python(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) {
    double secs = atof(RunPython(kCallSoonPy, {std::to_string(n)}).c_str());
    state.SetIterationTime(secs > 0 ? secs : 1e9);
  }
  state.SetItemsProcessed(state.iterations() * n);
}

// --- timers ---------------------------------------------------------------------------

void BM_TimerScheduleCancel_Pyrt(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  EventLoop loop;
  std::vector<Handle> hs;
  hs.reserve(n);
  long counter = 0;
  for (auto _ : state) {
    for (int i = 0; i < n; ++i) {
      hs.push_back(loop.call_later(1.0 + (i * 7919 % 1000) / 1000.0, [&counter] { ++counter; }));
    }
    for (auto& h : hs) h.cancel();
    hs.clear();
    loop.call_soon([&loop] { loop.stop(); });
    loop.run_forever();  // the iteration's housekeeping drops the cancelled timers
  }
  benchmark::DoNotOptimize(counter);
  state.SetItemsProcessed(state.iterations() * n);
}

const char* kTimerPy = R"PY(
import asyncio, sys, time
N = int(sys.argv[1])
loop = asyncio.new_event_loop()
def cb(): pass
ts = []
for rep in range(4):
    t0 = time.process_time()
    hs = [loop.call_later(1.0 + (i * 7919 % 1000) / 1000.0, cb) for i in range(N)]
    for h in hs: h.cancel()
    del hs
    loop.call_soon(loop.stop)
    loop.run_forever()
    ts.append(time.process_time() - t0)
    assert not loop._scheduled
print(sorted(ts[1:])[1])
)PY";

void BM_TimerScheduleCancel_Python(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) {
    double secs = atof(RunPython(kTimerPy, {std::to_string(n)}).c_str());
    state.SetIterationTime(secs > 0 ? secs : 1e9);
  }
  state.SetItemsProcessed(state.iterations() * n);
}

// --- TCP echo -------------------------------------------------------------------------

constexpr std::size_t kMessage = 1024;
constexpr double kEchoSeconds = 2.0;

struct EchoProtocol : Protocol {
  void connection_made(TcpTransport& t) override { tr = &t; }
  void data_received(std::string_view d) override { tr->write(d); }
  TcpTransport* tr = nullptr;
};

// The load: `conns` clients, each sending 1 KiB and waiting for all of it to come back,
// repeatedly, until the deadline.  Returns completed round trips.
long RunEchoClients(int port, int conns, double seconds) {
  EventLoop loop;
  // The loop is closed with the connections open: closing aborts them (reported).
  loop.set_exception_handler([](EventLoop&, const ErrorContext&) {});
  long round_trips = 0;
  struct Client : Protocol {
    explicit Client(long* rt) : rt(rt) {}
    void connection_made(TcpTransport& t) override {
      tr = &t;
      tr->write(std::string_view(msg, kMessage));
    }
    void data_received(std::string_view d) override {
      got += d.size();
      if (got < kMessage) return;
      got -= kMessage;
      ++*rt;
      tr->write(std::string_view(msg, kMessage));
    }
    long* rt;
    TcpTransport* tr = nullptr;
    std::size_t got = 0;
    char msg[kMessage] = {};
  };
  for (int i = 0; i < conns; ++i) {
    (void)create_connection(loop, "127.0.0.1", port, [&] {
      return std::make_unique<Client>(&round_trips);
    });
  }
  long at_start = 0;
  double t0 = 0;
  // Measure after a short warm-up, for `seconds`.
  loop.call_later(0.2, [&] {
    at_start = round_trips;
    t0 = loop.time();
  });
  long at_end = 0;
  double t1 = 0;
  // Record the count at the deadline and stop; closing the loop aborts the clients.
  loop.call_later(0.2 + seconds, [&] {
    at_end = round_trips;
    t1 = loop.time();
    loop.stop();
  });
  loop.run_forever();
  if (t1 <= t0) return 0;
  return static_cast<long>((at_end - at_start) * (seconds / (t1 - t0)));
}

void BM_TcpEcho_Pyrt(benchmark::State& state) {
  const int conns = static_cast<int>(state.range(0));
  EventLoop server_loop;
  // Closing the server loop aborts the connections the clients left open (reported).
  server_loop.set_exception_handler([](EventLoop&, const ErrorContext&) {});
  auto server = create_server(server_loop, "127.0.0.1", 0,
                              [] { return std::make_unique<EchoProtocol>(); }, nullptr, 1024);
  int port = server->port();
  std::thread server_thread([&] { server_loop.run_forever(); });
  long total = 0;
  for (auto _ : state) {
    long rt = RunEchoClients(port, conns, kEchoSeconds);
    total += rt;
    state.SetIterationTime(kEchoSeconds);
  }
  server_loop.call_soon_threadsafe([&] { server_loop.stop(); });
  server_thread.join();
  server->close();
  state.SetItemsProcessed(total);
}

const char* kPyProtocolServer = R"PY(
import asyncio, sys
class Echo(asyncio.Protocol):
    def connection_made(self, t): self.t = t
    def data_received(self, d): self.t.write(d)
async def main():
    srv = await asyncio.get_running_loop().create_server(Echo, "127.0.0.1", 0, backlog=1024)
    print(srv.sockets[0].getsockname()[1], flush=True)
    await asyncio.Event().wait()
asyncio.run(main())
)PY";

const char* kPyStreamsServer = R"PY(
import asyncio, sys
async def handle(r, w):
    while data := await r.read(65536):
        w.write(data)
        await w.drain()
    w.close()
async def main():
    srv = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    print(srv.sockets[0].getsockname()[1], flush=True)
    await asyncio.Event().wait()
asyncio.run(main())
)PY";

// Starts python3 with `script`, reads the port it prints; *pid gets its process id.
int StartPythonServer(const char* script, pid_t* pid) {
  int out[2];
  if (pipe(out) != 0) return -1;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  std::string s = script;
  char* argv[] = {const_cast<char*>(kPython), const_cast<char*>("-c"), s.data(), nullptr};
  int rc = posix_spawn(pid, kPython, &fa, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  if (rc != 0) {
    close(out[0]);
    return -1;
  }
  FILE* f = fdopen(out[0], "r");
  int port = -1;
  if (fscanf(f, "%d", &port) != 1) port = -1;
  fclose(f);
  return port;
}

void RunPythonEcho(benchmark::State& state, const char* script) {
  const int conns = static_cast<int>(state.range(0));
  pid_t pid = 0;
  int port = StartPythonServer(script, &pid);
  if (port <= 0) {
    state.SkipWithError("python3 server did not start");
    return;
  }
  long total = 0;
  for (auto _ : state) {
    total += RunEchoClients(port, conns, kEchoSeconds);
    state.SetIterationTime(kEchoSeconds);
  }
  kill(pid, SIGTERM);
  int status;
  waitpid(pid, &status, 0);
  state.SetItemsProcessed(total);
}

void BM_TcpEcho_Python(benchmark::State& state) { RunPythonEcho(state, kPyProtocolServer); }
void BM_TcpEcho_PythonStreams(benchmark::State& state) { RunPythonEcho(state, kPyStreamsServer); }

BENCHMARK(BM_CallSoon_Pyrt)->Name("CallSoon/pyrt")->Arg(100000);
BENCHMARK(BM_CallSoon_Python)
    ->Name("CallSoon/python3_asyncio")
    ->Arg(100000)
    ->UseManualTime()
    ->Iterations(3);
BENCHMARK(BM_TimerScheduleCancel_Pyrt)->Name("TimerScheduleCancel/pyrt")->Arg(1000000);
BENCHMARK(BM_TimerScheduleCancel_Python)
    ->Name("TimerScheduleCancel/python3_asyncio")
    ->Arg(1000000)
    ->UseManualTime()
    ->Iterations(1);
BENCHMARK(BM_TcpEcho_Pyrt)->Name("TcpEcho/pyrt")->Arg(100)->UseManualTime()->Iterations(1);
BENCHMARK(BM_TcpEcho_Python)
    ->Name("TcpEcho/python3_asyncio")
    ->Arg(100)
    ->UseManualTime()
    ->Iterations(1);
BENCHMARK(BM_TcpEcho_PythonStreams)
    ->Name("TcpEcho/python3_asyncio_streams")
    ->Arg(100)
    ->UseManualTime()
    ->Iterations(1);

}  // namespace
}  // namespace pyrt::aio

BENCHMARK_MAIN();

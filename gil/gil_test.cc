// Tests of the lock, the breaker, pending calls, async exceptions and thread
// states. None asserts a duration: bounds are counts (tenures, switches) or, in the
// two share tests, a ratio of lock time between two threads, asserted at half of
// what the design gives.
#include "gil/gil.h"

#include <gtest/gtest.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <latch>
#include <thread>
#include <vector>

namespace pyrt::gil {
namespace {

using std::chrono::hours;
using std::chrono::microseconds;

// One back-edge of a fake eval loop: the one-load-one-branch test and the slow path.
BreakerOutcome Tick(Interpreter& interp, ThreadState& ts) {
  if (interp.eval_breaker().Tripped()) return interp.HandleEvalBreaker(ts);
  return {};
}

// --- Basics ---

TEST(Gil, ScopeTakesAndReleases) {
  Interpreter interp;
  EXPECT_EQ(interp.gil().holder(), nullptr);
  {
    ThreadScope scope(interp, ThreadRole::kMain);
    EXPECT_TRUE(scope.state().holds_gil());
    EXPECT_EQ(CurrentThreadState(), &scope.state());
    EXPECT_TRUE(scope.state().is_main());
    EXPECT_EQ(interp.main_thread(), &scope.state());
    {
      ReleaseGil release;
      EXPECT_FALSE(scope.state().holds_gil());
      EXPECT_EQ(interp.gil().holder(), nullptr);
    }
    EXPECT_TRUE(scope.state().holds_gil());
    {
      AcquireGil again(interp);  // re-entrant: already held, nothing happens
      EXPECT_EQ(&again.state(), &scope.state());
      EXPECT_TRUE(scope.state().holds_gil());
    }
    EXPECT_TRUE(scope.state().holds_gil());
  }
  EXPECT_EQ(interp.gil().holder(), nullptr);
  EXPECT_EQ(CurrentThreadState(), nullptr);
  EXPECT_EQ(interp.thread_count(), 0u);
  EXPECT_EQ(interp.main_thread(), nullptr);
}

TEST(Gil, SwitchIntervalSettable) {
  Interpreter interp;
  EXPECT_EQ(interp.gil().switch_interval(), kDefaultSwitchInterval);
  interp.gil().SetSwitchInterval(microseconds(250));
  EXPECT_EQ(interp.gil().switch_interval(), microseconds(250));
  interp.gil().SetSwitchInterval(std::chrono::nanoseconds(1));
  EXPECT_EQ(interp.gil().switch_interval(), microseconds(1));
}

TEST(EvalBreaker, SetClearTripped) {
  EvalBreaker b;
  EXPECT_FALSE(b.Tripped());
  b.Set(EvalBreaker::kGcRequest | EvalBreaker::kPendingCalls);
  EXPECT_TRUE(b.Tripped());
  b.Clear(EvalBreaker::kGcRequest);
  EXPECT_EQ(b.Load(), EvalBreaker::kPendingCalls);
  b.Clear(EvalBreaker::kPendingCalls);
  EXPECT_FALSE(b.Tripped());
  EXPECT_EQ(b.word()->load(), 0u);
}

// --- Mutual exclusion ---

// A non-atomic counter incremented by many threads with the GIL changing hands
// through every path (interval drops, ReleaseGil, Yield) stays exact. TSan would
// also report the race if the lock ever admitted two threads.
TEST(Gil, MutualExclusion) {
  constexpr int kThreads = 8;
  constexpr int kIncrements = 20000;
  Interpreter interp;
  interp.gil().SetSwitchInterval(microseconds(50));
  uint64_t counter = 0;  // deliberately not atomic
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ThreadScope scope(interp);
      ThreadState& ts = scope.state();
      for (int i = 0; i < kIncrements; ++i) {
        uint64_t v = counter;
        if ((i & 63) == 0) std::this_thread::yield();  // widen the window
        counter = v + 1;
        EXPECT_EQ(Tick(interp, ts).status, 0);
        if ((i + t) % 500 == 0) ReleaseGil release;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(counter, uint64_t{kThreads} * kIncrements);
  EXPECT_GT(interp.gil().stats().switches, 0u);
}

// --- Forced switching ---

// After the holder answers a drop request, the requester has run before the
// holder gets the lock back: "the requester, not the dropper, runs next".
void ForcedSwitchRounds(AcquireMode mode) {
  constexpr int kChecks = 100;
  Interpreter interp;
  interp.gil().SetSwitchInterval(microseconds(200));
  std::atomic<int> requester_runs{0};  // written under the GIL, read by the holder
  std::atomic<bool> done{false};
  int checked = 0;
  std::atomic<bool> holding{false};
  std::thread holder([&] {
    ThreadScope scope(interp);
    ThreadState& ts = scope.state();
    holding.store(true);
    while (!done.load()) {
      if (interp.eval_breaker().Tripped()) {
        int before = requester_runs.load();
        bool drop = interp.eval_breaker().Load() & EvalBreaker::kGilDropRequest;
        uint64_t forced = interp.gil().stats().forced_switches;
        (void)interp.HandleEvalBreaker(ts);
        if (drop && interp.gil().stats().forced_switches != forced) {
          // We let go because of the request: the requester must have run (it
          // may have run more than once: a release to a sleeping waiter frees the
          // lock, and a running thread may take it first).
          EXPECT_GT(requester_runs.load(), before);
          if (++checked == kChecks) done.store(true);
        }
      }
    }
  });
  while (!holding.load()) std::this_thread::yield();
  std::thread requester([&] {
    ThreadScope scope(interp);  // takes the GIL (kNormal) from the spinning holder
    ThreadState& ts = scope.state();
    requester_runs.fetch_add(1);
    // Until the holder has seen enough forced switches (a release to a sleeping
    // holder only wakes it, so some rounds are not switches).
    while (!done.load()) {
      interp.DropGil(ts);
      interp.TakeGil(ts, mode);
      requester_runs.fetch_add(1);  // one run per tenure
    }
  });
  requester.join();
  holder.join();
  EXPECT_EQ(checked, kChecks);
  if (mode == AcquireMode::kAfterBlocking) {
    EXPECT_GT(interp.gil().stats().priority_grants, 0u);
  } else {
    EXPECT_GT(interp.gil().stats().drop_requests, 0u);
  }
}

TEST(Gil, ForcedSwitchingAfterInterval) { ForcedSwitchRounds(AcquireMode::kNormal); }
TEST(Gil, ForcedSwitchingPriority) { ForcedSwitchRounds(AcquireMode::kAfterBlocking); }

// --- Fairness ---

// Four CPU-bound threads: each gets the lock again within a bounded number of
// tenures (intervals) of the others, counted from a log of who held it when.
TEST(Gil, FairnessAmongCpuBoundThreads) {
  constexpr int kThreads = 4;
  constexpr size_t kTenures = 200;
  Interpreter interp;
  interp.gil().SetSwitchInterval(microseconds(500));
  std::vector<int> log;  // appended under the GIL
  log.reserve(kTenures + 64);
  std::atomic<bool> stop{false};
  std::latch ready(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ready.arrive_and_wait();
      ThreadScope scope(interp);
      ThreadState& ts = scope.state();
      if (!stop.load()) log.push_back(t);
      while (!stop.load()) {
        if (interp.eval_breaker().Tripped()) {
          uint64_t before = interp.gil().stats().switches;
          (void)interp.HandleEvalBreaker(ts);
          if (interp.gil().stats().switches != before && !stop.load()) {
            log.push_back(t);
            if (log.size() >= kTenures) stop.store(true);
          }
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_GE(log.size(), kTenures);
  // Skip the start-up (threads arriving one by one); then between two tenures of
  // the same thread at most 2 * (kThreads - 1) tenures of others (FIFO gives
  // exactly kThreads - 1).
  std::vector<int> last(kThreads, -1);
  int max_gap = 0;
  for (size_t i = 16; i < log.size(); ++i) {
    int t = log[i];
    if (last[t] >= 0) max_gap = std::max(max_gap, static_cast<int>(i) - last[t] - 1);
    last[t] = static_cast<int>(i);
  }
  for (int t = 0; t < kThreads; ++t)
    EXPECT_GE(last[t], 0) << "thread " << t << " starved";
  EXPECT_LE(max_gap, 2 * (kThreads - 1));
}

// --- Many switches ---

// 10^5 hand-offs through every path without deadlock or lost wake-up. Phase 0 sets
// an interval of an hour, so a lost wake-up of a parked waiter would hang the test
// (the interval timeout cannot rescue it); phase 1 uses a tiny interval so the
// timed drop-request path carries the last 2% of the switches (each costs a timer
// wake-up, milliseconds on a loaded machine).
TEST(Gil, HundredThousandSwitches) {
  constexpr uint64_t kSwitches = 100000;
  Interpreter interp;
  for (int phase = 0; phase < 2; ++phase) {
    if (phase == 0) {
      interp.gil().SetSwitchInterval(hours(1));
    } else {
      interp.gil().SetSwitchInterval(microseconds(20));
    }
    // Most switches through the hand-off paths, the rest through the timed rule.
    uint64_t target = interp.gil().stats().switches +
                      (phase == 0 ? kSwitches * 49 / 50 : kSwitches / 50);
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < (phase == 0 ? 2 : 3); ++t) {
      threads.emplace_back([&, t] {
        ThreadScope scope(interp);
        ThreadState& ts = scope.state();
        uint64_t i = 0;
        while (interp.gil().stats().switches < target) {
          ++i;
          if (phase == 0) {
            if (t == 0 || i % 3 == 0) {
              ReleaseGil release;  // priority return
            } else if (i % 3 == 1) {
              interp.gil().Yield(ts);  // explicit hand-off
            } else {
              interp.DropGil(ts);  // plain release and normal re-take
              interp.TakeGil(ts);
            }
          }
          (void)Tick(interp, ts);
        }
      });
    }
    for (auto& th : threads) th.join();
    EXPECT_GE(interp.gil().stats().switches, target);
    if (getenv("GIL_TEST_VERBOSE")) {
      auto s = interp.gil().stats();
      fprintf(
          stderr,
          "phase %d: %.2fs switches %lu forced %lu requests %lu grants %lu parks %lu\n",
          phase,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
          s.switches, s.forced_switches, s.drop_requests, s.priority_grants, s.parks);
    }
  }
  EXPECT_GT(interp.gil().stats().drop_requests, 0u);
  EXPECT_GT(interp.gil().stats().priority_grants, 0u);
}

// --- Priority hand-off ---

// With an interval of an hour, CPython's rule would make a thread returning from a
// blocking call wait an hour next to a CPU-bound holder. The priority hand-off
// gets it the lock at the holder's next back-edge: 1000 round trips complete.
TEST(Gil, ReturnFromBlockingDoesNotWaitAnInterval) {
  Interpreter interp;
  interp.gil().SetSwitchInterval(hours(1));
  std::atomic<bool> stop{false};
  std::atomic<bool> cpu_running{false};
  ThreadScope io(interp);  // holds the GIL first
  std::thread cpu([&] {
    ThreadScope scope(interp);  // gets the lock at one of io's releases below
    cpu_running.store(true);
    while (!stop.load()) (void)Tick(interp, scope.state());
  });
  while (!cpu_running.load()) {
    ReleaseGil release;
    std::this_thread::yield();
  }
  uint64_t grants = interp.gil().stats().priority_grants;
  for (int i = 0; i < 200; ++i) {
    ReleaseGil release;  // the "blocking call"
    std::this_thread::sleep_for(microseconds(200));
  }
  // Completing at all shows no return waited an interval (an hour); the CPU
  // thread took the lock during the sleeps, so returns went through the priority
  // path.
  EXPECT_GT(interp.gil().stats().priority_grants, grants);
  stop.store(true);
  {
    ReleaseGil release;
    cpu.join();
  }
}

// Two threads share the lock for a while: a CPU-bound one that only answers drop
// requests, and an "abuser" that loops over 300 µs of computing followed by a
// blocking call (`ReleaseGil`). Returns the CPU-bound thread's share of the time
// the lock was held (lock time, not wall time: both sides are measured alike, so
// a loaded machine that preempts holders distorts the ratio little).
// `wait_for_cpu`: the "blocking call" lasts until the CPU thread holds the lock,
// so every return asks for the priority hand-off; otherwise it is empty, and the
// abuser mostly re-takes the lock it has just freed (a barge).
double CpuShareNextToAbuser(Interpreter& interp, bool wait_for_cpu) {
  interp.gil().SetSwitchInterval(microseconds(1000));
  std::atomic<bool> stop{false};
  std::atomic<int64_t> cpu_held_ns{0}, abuser_held_ns{0};
  auto now = [] { return std::chrono::steady_clock::now(); };
  auto run = [&](bool abuser, std::atomic<int64_t>& held) {
    ThreadScope scope(interp);
    ThreadState& ts = scope.state();
    auto since = now();
    auto account = [&] {
      held.fetch_add(
          std::chrono::duration_cast<std::chrono::nanoseconds>(now() - since).count());
    };
    while (!stop.load()) {
      if (abuser) {
        auto until = now() + microseconds(300);
        while (now() < until && !stop.load()) {
          if (interp.eval_breaker().Tripped()) {
            account();
            (void)interp.HandleEvalBreaker(ts);
            since = now();
          }
        }
        account();
        {
          ReleaseGil release;
          // Bounded, so that a CPU thread that is not running cannot stall us.
          auto give_up = now() + std::chrono::milliseconds(5);
          while (wait_for_cpu && interp.gil().holder() == nullptr && !stop.load() &&
                 now() < give_up) {
            std::this_thread::yield();
          }
        }
        since = now();
      } else if (interp.eval_breaker().Tripped()) {
        account();
        (void)interp.HandleEvalBreaker(ts);
        since = now();
      }
    }
    account();
  };
  std::thread a([&] { run(true, abuser_held_ns); });
  std::thread c([&] { run(false, cpu_held_ns); });
  // Let it run for a while (the length is not critical: the share is the figure).
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  stop.store(true);
  a.join();
  c.join();
  double cpu = static_cast<double>(cpu_held_ns.load());
  double total = cpu + static_cast<double>(abuser_held_ns.load());
  if (getenv("GIL_TEST_VERBOSE")) {
    GilStats s = interp.gil().stats();
    fprintf(stderr,
            "cpu share %.3f: switches %lu forced %lu requests %lu grants %lu "
            "denials %lu parks %lu\n",
            cpu / total, s.switches, s.forced_switches, s.drop_requests,
            s.priority_grants, s.priority_denials, s.parks);
  }
  return total > 0 ? cpu / total : 0;
}

// A thread that frees the lock and takes it straight back in a loop (a zero-length
// blocking call) never queues, so it never uses the priority hand-off; what must
// protect the CPU thread is the interval rule, whose clock only the queue's head
// being served restarts (a re-take past the queue does not). The CPU thread asks
// for a drop one interval after it queued and then holds the lock until the abuser
// asks in turn an interval later: about half of the lock time each (measured on a
// 2-core machine, idle, with 4 extra busy processes and among other builds:
// 0.43-0.86; before the clock fix, 0.00-0.01). Asserted: 25%, half the design's
// share, a margin for a loaded machine that preempts holders.
TEST(Gil, PriorityCannotStarveCpuThreads) {
  Interpreter interp;
  double share = CpuShareNextToAbuser(interp, /*wait_for_cpu=*/false);
  EXPECT_GT(interp.gil().stats().drop_requests, 0u);
  EXPECT_GE(share, 0.25);
}

// A thread that abuses the priority path (every blocking call returns while the CPU
// thread holds the lock, and is followed by long computing) drains the budget and
// falls back to the interval rule. Priority tenures get at most half of the lock time;
// the abuser's other tenures are its 300 µs bursts against the CPU thread's whole
// intervals, so the CPU thread keeps about half of the lock time or more (measured
// as above: 0.42-0.86; with the budget refilled by wall-clock time, 0.10 on the
// loaded machine). Asserted: 25%, for the same margin as above.
TEST(Gil, PriorityBudgetIsEnforced) {
  Interpreter interp;
  double share = CpuShareNextToAbuser(interp, /*wait_for_cpu=*/true);
  EXPECT_GT(interp.gil().stats().priority_grants, 0u);
  EXPECT_GT(interp.gil().stats().priority_denials, 0u);
  EXPECT_GE(share, 0.25);
}

// --- Pending calls ---

struct CallLog {
  std::vector<intptr_t> calls;  // touched only by the main thread under the GIL
};
CallLog* g_log = nullptr;

int Record(void* arg) {
  g_log->calls.push_back(reinterpret_cast<intptr_t>(arg));
  return 0;
}

// Producers without the GIL post calls; the main thread runs each exactly once,
// each producer's in posting order.
TEST(PendingCalls, ExactlyOnceInOrder) {
  constexpr int kProducers = 3;
  constexpr int kPerProducer = 3000;
  Interpreter interp;
  CallLog log;
  g_log = &log;
  ThreadScope main_scope(interp, ThreadRole::kMain);
  ThreadState& ts = main_scope.state();
  std::vector<std::thread> producers;
  for (int p = 0; p < kProducers; ++p) {
    producers.emplace_back([&interp, p] {
      for (int i = 0; i < kPerProducer; ++i) {
        void* arg = reinterpret_cast<void*>(static_cast<intptr_t>(p) << 32 | i);
        while (!interp.AddPendingCall(&Record, arg)) std::this_thread::yield();
      }
    });
  }
  while (log.calls.size() < size_t{kProducers} * kPerProducer) {
    ASSERT_EQ(Tick(interp, ts).status, 0);
    std::this_thread::yield();
  }
  for (auto& t : producers) t.join();
  ASSERT_EQ(Tick(interp, ts).status, 0);
  ASSERT_EQ(log.calls.size(), size_t{kProducers} * kPerProducer);
  std::vector<int> next(kProducers, 0);
  for (intptr_t v : log.calls) {
    int p = static_cast<int>(v >> 32);
    ASSERT_EQ(static_cast<int>(v & 0xffffffff), next[p]);
    ++next[p];
  }
  g_log = nullptr;
}

int FailOnce(void* arg) {
  auto* n = static_cast<int*>(arg);
  ++*n;
  return *n == 1 ? -1 : 0;
}

TEST(PendingCalls, FailureStopsAndKeepsTheRest) {
  Interpreter interp;
  CallLog log;
  g_log = &log;
  ThreadScope main_scope(interp, ThreadRole::kMain);
  int fail_runs = 0;
  ASSERT_TRUE(interp.AddPendingCall(&FailOnce, &fail_runs));
  ASSERT_TRUE(interp.AddPendingCall(&Record, reinterpret_cast<void*>(7)));
  EXPECT_TRUE(interp.eval_breaker().Tripped());
  EXPECT_EQ(interp.HandleEvalBreaker(main_scope.state()).status, -1);
  EXPECT_EQ(fail_runs, 1);
  EXPECT_TRUE(log.calls.empty());
  EXPECT_TRUE(interp.eval_breaker().Load() & EvalBreaker::kPendingCalls);
  EXPECT_EQ(interp.HandleEvalBreaker(main_scope.state()).status, 0);
  EXPECT_EQ(log.calls, std::vector<intptr_t>{7});
  EXPECT_FALSE(interp.eval_breaker().Tripped());
  g_log = nullptr;
}

TEST(PendingCalls, RingFullReportsFalse) {
  Interpreter interp;
  for (size_t i = 0; i < kPendingCallsCapacity; ++i) {
    ASSERT_TRUE(interp.AddPendingCall(&Record, nullptr));
  }
  EXPECT_FALSE(interp.AddPendingCall(&Record, nullptr));
}

// Only the main thread runs pending calls; a worker holding the GIL clears the bit
// and the main thread re-raises it when it takes the lock.
TEST(PendingCalls, OnlyTheMainThreadRunsThem) {
  Interpreter interp;
  CallLog log;
  g_log = &log;
  ThreadScope main_scope(interp, ThreadRole::kMain);
  ASSERT_TRUE(interp.AddPendingCall(&Record, reinterpret_cast<void*>(1)));
  std::thread worker([&] {
    ThreadScope scope(interp);  // waits for main's ReleaseGil below
    EXPECT_TRUE(interp.eval_breaker().Tripped());
    EXPECT_EQ(interp.HandleEvalBreaker(scope.state()).status, 0);
    EXPECT_TRUE(log.calls.empty());
    EXPECT_FALSE(interp.eval_breaker().Load() & EvalBreaker::kPendingCalls);
  });
  {
    ReleaseGil release;
    worker.join();
  }
  EXPECT_TRUE(interp.eval_breaker().Load() & EvalBreaker::kPendingCalls);
  EXPECT_EQ(interp.HandleEvalBreaker(main_scope.state()).status, 0);
  EXPECT_EQ(log.calls, std::vector<intptr_t>{1});
  g_log = nullptr;
}

Interpreter* g_signal_interp = nullptr;
std::atomic<int> g_signal_calls{0};
int CountSignal(void*) {
  g_signal_calls.fetch_add(1);
  return 0;
}
void OnSigusr1(int) { (void)g_signal_interp->AddPendingCall(&CountSignal, nullptr); }

// A signal handler posts; the eval loop runs the call on the main thread.
TEST(PendingCalls, PostedFromASignalHandler) {
  Interpreter interp;
  g_signal_interp = &interp;
  g_signal_calls.store(0);
  struct sigaction sa = {};
  struct sigaction old = {};
  sa.sa_handler = &OnSigusr1;
  sigemptyset(&sa.sa_mask);
  ASSERT_EQ(sigaction(SIGUSR1, &sa, &old), 0);
  ThreadScope main_scope(interp, ThreadRole::kMain);
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(pthread_kill(pthread_self(), SIGUSR1), 0);
    while (g_signal_calls.load() < i + 1) {
      ASSERT_EQ(Tick(interp, main_scope.state()).status, 0);
      sched_yield();  // an interceptor call, where TSan delivers deferred signals
    }
  }
  EXPECT_EQ(g_signal_calls.load(), 5);
  sigaction(SIGUSR1, &old, nullptr);
  g_signal_interp = nullptr;
}

// --- Async exceptions ---

std::atomic<int> g_dropped{0};
void CountDrop(void*) { g_dropped.fetch_add(1); }

TEST(AsyncException, RaisedInTheTargetThread) {
  g_dropped.store(0);
  Interpreter interp({.drop_object = &CountDrop});
  int token = 0;
  std::atomic<uint64_t> ident{0};
  void* received = nullptr;
  std::thread worker([&] {
    ThreadScope scope(interp);
    ident.store(scope.state().ident());
    for (;;) {
      BreakerOutcome o = Tick(interp, scope.state());
      if (o.async_exception != nullptr) {
        received = o.async_exception;
        break;
      }
    }
  });
  while (ident.load() == 0) std::this_thread::yield();
  EXPECT_EQ(interp.SetAsyncException(ident.load() + 12345, &token), 0);
  EXPECT_EQ(interp.SetAsyncException(ident.load(), &token), 1);
  worker.join();
  EXPECT_EQ(received, &token);
  EXPECT_EQ(g_dropped.load(), 0);
}

TEST(AsyncException, ReplacedAndLeftOverAreDropped) {
  g_dropped.store(0);
  Interpreter interp({.drop_object = &CountDrop});
  int a = 0, b = 0;
  std::latch posted(1);
  std::atomic<uint64_t> ident{0};
  std::thread worker([&] {
    ThreadScope scope(interp);
    ident.store(scope.state().ident());
    ReleaseGil release;  // let the poster run; never looks at the breaker
    posted.wait();
  });
  while (ident.load() == 0) std::this_thread::yield();
  EXPECT_EQ(interp.SetAsyncException(ident.load(), &a), 1);
  EXPECT_EQ(interp.SetAsyncException(ident.load(), &b), 1);  // replaces a
  EXPECT_EQ(g_dropped.load(), 1);
  posted.count_down();
  worker.join();  // exits with b pending
  EXPECT_EQ(g_dropped.load(), 2);
}

// --- Thread states ---

TEST(ThreadStates, RegisteredWhileAliveAndCleanedUp) {
  constexpr int kThreads = 8;
  Interpreter interp;
  ThreadScope main_scope(interp, ThreadRole::kMain);
  std::latch alive(kThreads + 1);
  std::latch release(1);
  std::vector<std::thread> threads;
  {
    ReleaseGil no_gil;  // the workers take the GIL in their scopes
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&] {
        ThreadScope scope(interp);
        ReleaseGil let_others;
        alive.count_down();
        release.wait();
      });
    }
    alive.arrive_and_wait();
  }
  EXPECT_EQ(interp.thread_count(), size_t{kThreads} + 1);
  std::vector<uint64_t> ids;
  interp.ForEachThread([&](ThreadState& t) { ids.push_back(t.id()); });
  ASSERT_EQ(ids.size(), size_t{kThreads} + 1);
  EXPECT_EQ(ids[0], main_scope.state().id());  // creation order
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  {
    ReleaseGil no_gil;
    release.count_down();
    for (auto& th : threads) th.join();
  }
  EXPECT_EQ(interp.thread_count(), 1u);
  int seen = 0;
  interp.ForEachThread([&](ThreadState& t) {
    EXPECT_EQ(&t, &main_scope.state());
    ++seen;
  });
  EXPECT_EQ(seen, 1);
}

// A foreign thread entering through AcquireGil gets a temporary state that is
// gone when the scope ends; the VM fields start empty.
TEST(ThreadStates, AcquireGilFromForeignThread) {
  Interpreter interp;
  ThreadScope main_scope(interp, ThreadRole::kMain);
  main_scope.state().recursion_depth = 3;
  size_t inside = 0;
  {
    ReleaseGil no_gil;
    std::thread foreign([&] {
      EXPECT_EQ(CurrentThreadState(), nullptr);
      {
        AcquireGil gil(interp);
        EXPECT_TRUE(gil.state().holds_gil());
        EXPECT_FALSE(gil.state().is_main());
        EXPECT_EQ(gil.state().current_exception, nullptr);
        EXPECT_EQ(gil.state().frame, nullptr);
        EXPECT_EQ(gil.state().recursion_depth, 0);
        EXPECT_EQ(gil.state().vm_data, nullptr);
        inside = interp.thread_count();
      }
      EXPECT_EQ(CurrentThreadState(), nullptr);
    });
    foreign.join();
  }
  EXPECT_EQ(inside, 2u);
  EXPECT_EQ(interp.thread_count(), 1u);
  EXPECT_EQ(main_scope.state().recursion_depth, 3);
}

// --- GC request hook ---

std::atomic<int> g_collections{0};
int Collect(ThreadState&) {
  g_collections.fetch_add(1);
  return 0;
}

TEST(EvalBreaker, GcRequestCallsTheHookOnce) {
  g_collections.store(0);  // --gtest_repeat runs this more than once
  Interpreter interp({.collect_garbage = &Collect});
  ThreadScope scope(interp);
  interp.RequestGc();
  EXPECT_TRUE(interp.eval_breaker().Tripped());
  EXPECT_EQ(Tick(interp, scope.state()).status, 0);
  EXPECT_EQ(Tick(interp, scope.state()).status, 0);
  EXPECT_EQ(g_collections.load(), 1);
  EXPECT_FALSE(interp.eval_breaker().Tripped());
}

}  // namespace
}  // namespace pyrt::gil

// pyrt::gil — the global interpreter lock, thread states and the eval breaker.
//
// What this is
// ------------
// One `Interpreter` object owns everything a Python runtime needs to let many OS
// threads run Python code one at a time:
//
//   * `Gil`          — the lock itself. Exactly one `ThreadState` holds it at a time.
//   * `EvalBreaker`  — one 32-bit atomic word that the eval loop tests at every
//                      back-edge and call with one load and one branch. A non-zero
//                      word sends the loop into `Interpreter::HandleEvalBreaker`.
//   * pending calls  — a fixed ring of (function, argument) pairs that any thread,
//                      or a signal handler, can post (async-signal-safe) and that the
//                      main thread runs, in posting order, exactly once each.
//   * thread states  — one per OS thread that runs Python code, holding what the VM
//                      keeps per thread (as opaque pointers: this library does not know
//                      the VM), and a registry that enumerates them.
//   * RAII scopes    — `ThreadScope` (bind a new OS thread), `ReleaseGil` (around a
//                      blocking call) and `AcquireGil` (a thread entering from C++).
//
// The eval-breaker word
// ---------------------
//      31                               4    3    2    1    0
//     +--------------------------------+----+----+----+----+
//     |            reserved (0)        | GC | AX | PC | DR |
//     +--------------------------------+----+----+----+----+
//     DR  kGilDropRequest   another thread asked the holder to let go of the lock
//     PC  kPendingCalls     pending calls are queued (meaningful to the main thread)
//     AX  kAsyncException   an exception was posted for the *current holder*
//     GC  kGcRequest        the allocator asks for a collection at a safe point
// PC and AX describe work for the thread that holds the lock: when a thread that
// cannot do that work handles the breaker it clears the bit, and every acquisition
// recomputes both bits for the new holder (main thread + queue non-empty → PC; a
// posted exception → AX). Clearing always happens *before* re-reading the condition,
// so a post that races with a clear is never lost (both are sequentially consistent).
//
// The lock: CPython's "new GIL" plus a priority hand-off
// ------------------------------------------------------
// CPython 3.2+ (bpo-7946's starting point): a waiter sleeps for one *switch interval*
// (default 5 ms, `sys.setswitchinterval`); if the lock has not changed hands in that
// time it sets the drop request; the holder notices at its next back-edge, drops the
// lock and — "forced switching" — does not take it back before another thread did.
// The flaw ("convoy effect"): a thread returning from a short blocking call (I/O)
// next to a CPU-bound thread waits a whole interval for every wake-up, so an I/O
// loop that should do 50 000 round trips a second does ~200.
//
// Here waiters form a FIFO queue (an intrusive list under the lock's mutex `mu_`).
// Three rules replace CPython's single condition variable:
//
// 1. Forced switches hand over directly. `Yield` (the holder answering a drop
//    request) stores the queue head into the holder word: the lock goes from the
//    dropper to the successor without passing through "free", so the dropper cannot
//    barge back in and forced switching holds by construction, with no second
//    condition variable for the dropper to wait on.
// 2. Voluntary releases hand over only to a *running* waiter. A waiter first spins
//    (`kSpinLimit`) watching the holder word, then parks on its own condition
//    variable. `Release` gives the lock directly to a spinning head (it is on a CPU
//    already: a hand-off costs a cache-line transfer), but to a parked head it only
//    frees the lock and wakes it. Handing the lock to a sleeping thread would leave
//    it idle for a whole wake-up latency and turn every later hand-off into another
//    wake-up (a lock convoy); meanwhile any running thread may take the free lock.
//    A woken head that loses that race spins again, so the next release hands the
//    lock straight to it; and the interval rule, whose Yield hands over directly
//    (rule 1), bounds how long it can lose — because its clock is the queue's:
//    a waiter sets the drop request when the head of the queue has not been served
//    for a whole interval since it began to wait (`head_served_`). CPython restarts
//    the clock whenever the lock is taken by anyone; here a barge (a thread taking
//    the free lock past the queue, typically the releaser itself coming straight
//    back) does not restart it. With CPython's clock a thread that frees and
//    re-takes the lock more often than once an interval starved a CPU-bound waiter
//    completely (measured: 0-1% of the lock time, no drop request ever set).
// 3. Returns from blocking calls are *priority* waiters. A thread coming back from
//    `ReleaseGil` goes to the front of the queue (behind earlier priority waiters)
//    and sets the drop request at once, without waiting an interval: the holder lets
//    go at its next back-edge. This is what removes the convoy effect. A thread
//    pushed off by a drop request during such a tenure (its short burst of Python
//    work after the call) re-queues as a priority waiter too. Priority is paid
//    from a token bucket shared by the interpreter and refilled by *ordinary*
//    tenures (each nanosecond of ordinary lock time buys
//    kPriorityShare / (1 - kPriorityShare) ns of priority; burst and cap: one
//    switch interval), so priority tenures get at most `kPriorityShare` of the time
//    the lock is held — not of wall-clock time, which on a loaded machine is mostly
//    spent waiting for woken threads to run, and refilled the bucket without any
//    thread doing work. A thread that uses its "I/O" priority to run long CPU
//    stretches drains the bucket and falls back to the ordinary interval rule, so
//    CPU-bound threads cannot be starved: all priority tenures together take at
//    most half of the lock time, and the rest is shared by the interval rule.
//
// State machine of the holder word `holder_` (FREE is nullptr):
//
//              Acquire (fast path) or a running waiter: CAS null→T
//              (a barge, unless T is the queue's head: only then ++head_served_)
//     FREE ────────────────────────────────────────────────────────► HELD(T)
//      ▲  ◄──────────────────────────────────────────────────────────  │ │
//      │   Release(T): queue empty, or its head W parked → store null,   │ │
//      │   notify W (under mu_; the fast path re-checks `waiters_`       │ │
//      │   after its store and wakes the head if one queued meanwhile)   │ │
//      └─────────────────────────────────────────────────────────────────┘ │
//                              Yield(T) with a queue, or Release(T) whose   │
//                              head W spins: under mu_, holder_ := W, pop W │
//                              (++head_served_; DR cleared unless the next  ▼
//                              head has priority)                        HELD(W)
//
//   A waiter W:  SPIN ──kSpinLimit──► PARKED ──interval, head not served──► sets DR
//                  ▲                    │ notified, lock taken by another
//                  └────────────────────┘
//   leaving when holder_ == W (handed over) or after its own CAS null→W.
//   A priority waiter enters at the front and sets DR first (if the bucket has credit).
//
// Thread safety: every member of every class here is safe to call from any thread
// unless its comment says "holder only" (the calling thread must hold the GIL).
#ifndef PYRT_GIL_GIL_H_
#define PYRT_GIL_GIL_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "gil/internal/pending_ring.h"

namespace pyrt::gil {

class Interpreter;
class Gil;

// The default switch interval, CPython's (`sys.getswitchinterval()` == 0.005).
inline constexpr std::chrono::microseconds kDefaultSwitchInterval{5000};

// At most this share of the time the lock is held may go to tenures obtained through
// the priority hand-off (plus a burst of one switch interval); the rest goes to
// threads holding it the ordinary way. One half: an I/O-bound thread whose Python
// work per wake-up is short never comes near it, and a CPU-bound thread next to a
// misbehaving "I/O" thread keeps half of the lock time less what the misbehaving
// thread gets the ordinary way (measured: 42-86% next to one with 300 µs bursts).
inline constexpr double kPriorityShare = 0.5;

// How long a waiter watches the holder word before it parks. Long enough to cover
// a hand-off round trip with an I/O thread's few microseconds of Python work (so
// neither side pays a futex wake-up), short against a switch interval (5 ms), so
// the CPU burnt spinning stays under 1% of an interval per waiter. A time bound,
// not a count of pause instructions: `pause` costs 3 cycles on some x86 cores and
// 140 on others.
inline constexpr std::chrono::microseconds kSpinLimit{20};

// ---------------------------------------------------------------------------
// EvalBreaker
// ---------------------------------------------------------------------------

// The interpreter-wide word the eval loop polls. Setting and clearing bits is
// lock-free and async-signal-safe (atomic fetch_or / fetch_and).
class EvalBreaker {
 public:
  // Bits of the word; see the diagram in the header essay.
  enum Bit : uint32_t {
    kGilDropRequest = 1u << 0,
    kPendingCalls = 1u << 1,
    kAsyncException = 1u << 2,
    kGcRequest = 1u << 3,
  };

  // True when any bit is set. The eval loop's whole cost: one relaxed load and a
  // branch. Relaxed is enough: the slow path re-reads everything it acts on under
  // proper synchronisation, and a late observation only delays the slow path.
  [[nodiscard]] bool Tripped() const noexcept {
    return word_.load(std::memory_order_relaxed) != 0;
  }

  // The current bits (sequentially consistent load).
  [[nodiscard]] uint32_t Load() const noexcept { return word_.load(); }

  // Sets / clears `bits`. Async-signal-safe.
  void Set(uint32_t bits) noexcept { word_.fetch_or(bits); }
  void Clear(uint32_t bits) noexcept { word_.fetch_and(~bits); }

  // The word itself, for an eval loop that keeps its address in a register.
  [[nodiscard]] const std::atomic<uint32_t>* word() const noexcept { return &word_; }

 private:
  std::atomic<uint32_t> word_{0};
};
static_assert(std::atomic<uint32_t>::is_always_lock_free,
              "the breaker word must be lock-free to be set from signal handlers");

// ---------------------------------------------------------------------------
// ThreadState
// ---------------------------------------------------------------------------

// Per-OS-thread state. Created by `ThreadScope` (or a temporary one by
// `AcquireGil`), registered with its interpreter for its whole life, destroyed when
// the scope ends. The VM-facing fields are plain data touched only by the owning
// thread while it holds the GIL (other threads read them only while holding the GIL,
// e.g. `sys._current_frames`).
class ThreadState {
 public:
  // Only the scopes below can make a thread state; this key enforces it while still
  // letting them use std::make_unique.
  class Key {
    Key() = default;
    friend class ThreadScope;
    friend class AcquireGil;
  };
  ThreadState(Key, Interpreter& interp, bool is_main);
  ThreadState(const ThreadState&) = delete;
  ThreadState& operator=(const ThreadState&) = delete;
  ~ThreadState();

  // --- What the VM keeps per thread (opaque to this library) ---
  void* current_exception = nullptr;  // the exception being raised/handled
  void* frame = nullptr;              // top of this thread's frame stack
  int recursion_depth = 0;            // Python-level call depth
  void* vm_data = nullptr;            // anything else the VM hangs on the thread

  // A number unique within the process for the life of the process (1, 2, 3, ...).
  [[nodiscard]] uint64_t id() const noexcept { return id_; }
  // `threading.get_ident()`: the pthread id of the owning OS thread.
  [[nodiscard]] uint64_t ident() const noexcept { return ident_; }
  // The interpreter this state belongs to.
  [[nodiscard]] Interpreter& interpreter() const noexcept { return *interp_; }
  // True for the interpreter's main thread (the one that runs pending calls).
  [[nodiscard]] bool is_main() const noexcept { return is_main_; }
  // True while this thread holds its interpreter's GIL.
  [[nodiscard]] bool holds_gil() const noexcept;

  // Takes (and clears) the exception posted by `Interpreter::SetAsyncException`;
  // nullptr if none. The caller owns the returned pointer.
  [[nodiscard]] void* TakeAsyncException() noexcept {
    return async_exc_.exchange(nullptr);
  }
  // True if an asynchronous exception is waiting for this thread.
  [[nodiscard]] bool HasAsyncException() const noexcept {
    return async_exc_.load() != nullptr;
  }

 private:
  friend class Interpreter;
  friend class Gil;
  friend class ThreadScope;
  friend class AcquireGil;

  Interpreter* interp_;
  uint64_t id_ = 0;  // set by Interpreter::Register
  uint64_t ident_;
  bool is_main_;
  std::atomic<void*> async_exc_{nullptr};

  // Registry links (guarded by the interpreter's registry mutex).
  ThreadState* reg_prev_ = nullptr;
  ThreadState* reg_next_ = nullptr;

  // GIL waiter node (guarded by the Gil's `mu_`, except `tenure_start_ns_` and
  // `priority_tenure_`, which only the owning thread touches). Every tenure, not
  // only priority ones, records its start: ordinary lock time refills the budget.
  ThreadState* q_prev_ = nullptr;
  ThreadState* q_next_ = nullptr;
  bool queued_ = false;
  bool parked_ = false;
  bool priority_ = false;         // queued as a priority waiter
  bool priority_tenure_ = false;  // current tenure came through the priority path
  int64_t tenure_start_ns_ = 0;
  std::condition_variable cv_;
};

// ---------------------------------------------------------------------------
// Gil
// ---------------------------------------------------------------------------

// How a thread asks for the lock.
enum class AcquireMode {
  kNormal,         // CPython's rule: wait an interval before asking the holder to drop
  kAfterBlocking,  // returning from a blocking call: priority hand-off (budgeted)
};

// Counters, for tests and benchmarks. Monotonic; read without synchronisation.
struct GilStats {
  uint64_t switches = 0;          // times the lock went from one thread to another
  uint64_t forced_switches = 0;   // drops made because of a drop request
  uint64_t drop_requests = 0;     // drop requests set by timed-out waiters
  uint64_t priority_grants = 0;   // priority hand-offs granted
  uint64_t priority_denials = 0;  // priority asked but the budget was exhausted
  uint64_t parks = 0;             // waits that outlasted the spin and slept
};

// The lock. Owned by an `Interpreter`; the VM normally goes through the
// interpreter's wrappers (which also recompute the breaker for the new holder).
class Gil {
 public:
  explicit Gil(EvalBreaker& breaker);
  Gil(const Gil&) = delete;
  Gil& operator=(const Gil&) = delete;
  ~Gil();

  // Blocks until `ts` holds the lock. `ts` must not hold it already.
  void Acquire(ThreadState& ts, AcquireMode mode = AcquireMode::kNormal);
  // Lets go of the lock: hands it to the first waiter if that one is spinning,
  // otherwise frees it and wakes the first waiter. Holder only.
  void Release(ThreadState& ts);
  // Answers a drop request: if anyone waits, hands the lock to the first waiter
  // and queues behind the others; returns once `ts` holds the lock again. Returns
  // at once (still holding) if nobody waits. Holder only.
  void Yield(ThreadState& ts);

  // The holder, or nullptr. A snapshot: stale as soon as it is returned unless the
  // caller is the holder.
  [[nodiscard]] const ThreadState* holder() const noexcept {
    return holder_.load(std::memory_order_acquire);
  }

  // `sys.setswitchinterval` / `sys.getswitchinterval`. Values below 1 µs are
  // raised to 1 µs.
  void SetSwitchInterval(std::chrono::nanoseconds interval) noexcept;
  [[nodiscard]] std::chrono::nanoseconds switch_interval() const noexcept {
    return std::chrono::nanoseconds(interval_ns_.load(std::memory_order_relaxed));
  }

  // Turns the priority hand-off on or off (on by default). Off, `kAfterBlocking`
  // behaves like `kNormal`: the lock is then CPython's rule with FIFO hand-off.
  void SetPriorityHandoff(bool enabled) noexcept {
    priority_enabled_.store(enabled, std::memory_order_relaxed);
  }

  // A snapshot of the counters.
  [[nodiscard]] GilStats stats() const noexcept;

 private:
  // --- all of these need mu_ held ---
  void Enqueue(ThreadState& ts, bool priority);
  void Unlink(ThreadState& ts);
  // `holder_` has just been set to the queue head: unlink it, count the switch,
  // wake it if parked and set or clear the drop request for the next head.
  void PassToHeadLocked();
  void TookFromQueueLocked(ThreadState& ts);
  // Records the CPU the new holder runs on (a hint for spinning waiters).
  void NoteHolderCpu();
  bool TryTakeLocked(ThreadState& ts);
  void ReleaseLocked();
  // Refills the bucket from `credit_ns_`; true if a priority hand-off is granted.
  bool GrantPriorityLocked();
  // A tenure of `ts` begins: records when (and the CPU hint).
  void StartTenure(ThreadState& ts);
  // A tenure of `ts` ends at `now_ns`: a priority tenure is charged to the bucket
  // (mu_ must be held), an ordinary one credited to it (`locked`: mu_ is held) or
  // to `credit_ns_`.
  void EndTenure(ThreadState& ts, int64_t now_ns, bool locked);
  // Sets or clears the drop request (mu_ held: all changes of that bit are).
  void SetDropRequestLocked(bool on);
  // Spins, then parks until `holder_ == &ts`, applying the interval rule.
  // Called with `lock` held; returns with it released.
  void Wait(ThreadState& ts, std::unique_lock<std::mutex>& lock);

  // Read-mostly settings.
  EvalBreaker& breaker_;
  std::atomic<int64_t> interval_ns_;
  std::atomic<bool> priority_enabled_{true};

  // The words waiters spin on, on a cache line of their own: a hand-off writes them
  // once, and the mutex's line below does not bounce with every spinning read.
  alignas(64) std::atomic<ThreadState*> holder_{nullptr};
  std::atomic<uint32_t> waiters_{0};
  std::atomic<int> holder_cpu_{-1};  // CPU of the holder when it took the lock

  // Everything below is guarded by mu_ (except `credit_ns_`), packed behind it so
  // that taking the mutex brings along what a hand-off touches.
  alignas(64) std::mutex mu_;
  ThreadState* q_head_ = nullptr;  // FIFO of waiters
  ThreadState* q_tail_ = nullptr;
  ThreadState* q_last_priority_ = nullptr;  // last priority waiter in the queue
  // The interval rule's clock: counts the times the lock went to the head of the
  // queue. A waiter asks for a drop when it has not moved for a whole interval; a
  // barge (a thread taking the free lock past the head) does not move it.
  uint64_t head_served_ = 0;
  double bucket_ns_ = 0;  // priority budget
  // The counters of `stats()`: written only under mu_ (so a load and a store, not
  // a locked read-modify-write), read without it.
  std::atomic<uint64_t> n_switches_{0};
  std::atomic<uint64_t> n_forced_{0};
  std::atomic<uint64_t> n_requests_{0};
  std::atomic<uint64_t> n_grants_{0};
  std::atomic<uint64_t> n_denials_{0};
  std::atomic<uint64_t> n_parks_{0};

  // Ordinary lock time not yet added to the bucket (ns; added without mu_).
  alignas(64) std::atomic<int64_t> credit_ns_{0};
};

// ---------------------------------------------------------------------------
// Interpreter
// ---------------------------------------------------------------------------

// A pending call: returns 0 on success, -1 on failure (having left a Python
// exception in the thread state, as CPython's `Py_AddPendingCall` callbacks do).
using PendingCallFn = int (*)(void* arg);

// Hooks the VM installs (this library never calls up into the VM otherwise).
struct InterpreterHooks {
  // Called for an opaque exception pointer this library discards (a posted async
  // exception replaced by a newer one, or left behind by an exiting thread).
  void (*drop_object)(void* object) = nullptr;
  // Called by `HandleEvalBreaker` for a GC request; returns 0 or -1 (error).
  int (*collect_garbage)(ThreadState& ts) = nullptr;
};

// What `HandleEvalBreaker` asks the eval loop to do next.
struct BreakerOutcome {
  // 0, or -1 if a pending call or the GC hook failed (the error is in the thread
  // state, where the failing callback left it).
  int status = 0;
  // An exception posted with `SetAsyncException` that the loop must raise now, or
  // nullptr. Owned by the caller.
  void* async_exception = nullptr;
};

// Capacity of the pending-call ring; CPython's NPENDINGCALLS.
inline constexpr std::size_t kPendingCallsCapacity = 32;

class Interpreter {
 public:
  explicit Interpreter(InterpreterHooks hooks = {});
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;
  // Every thread state must be gone (all ThreadScopes ended).
  ~Interpreter();

  [[nodiscard]] Gil& gil() noexcept { return gil_; }
  [[nodiscard]] EvalBreaker& eval_breaker() noexcept { return breaker_; }

  // Takes the GIL for `ts` and recomputes the breaker's per-holder bits.
  void TakeGil(ThreadState& ts, AcquireMode mode = AcquireMode::kNormal);
  // Releases the GIL. Holder only.
  void DropGil(ThreadState& ts);

  // The eval loop's slow path, called when `eval_breaker().Tripped()`. In
  // CPython's order: pending calls (main thread only), GC request, drop request
  // (forced switch), then the thread's async exception. Holder only.
  [[nodiscard]] BreakerOutcome HandleEvalBreaker(ThreadState& ts);

  // --- Pending calls ---
  // Queues `fn(arg)` to run on the main thread. Lock-free and async-signal-safe;
  // callable with or without the GIL. Returns false if the ring is full.
  [[nodiscard]] bool AddPendingCall(PendingCallFn fn, void* arg) noexcept;
  // Runs queued calls in order (main thread only; elsewhere returns 0 at once).
  // Stops at the first call that returns non-zero, returning -1; the rest stay
  // queued. Not re-entrant: a nested call returns 0. Holder only.
  [[nodiscard]] int MakePendingCalls(ThreadState& ts);

  // --- Asynchronous exceptions (`PyThreadState_SetAsyncExc`) ---
  // Posts `exc` for the thread whose `ident()` is `ident`; it is raised there at its
  // next breaker check while it holds the GIL. `exc` == nullptr cancels a posted one.
  // Returns the number of threads affected (0 or 1). A replaced exception goes to
  // `hooks.drop_object`. Takes ownership of `exc` only when it returns 1.
  [[nodiscard]] int SetAsyncException(uint64_t ident, void* exc);

  // Asks for a collection at the next safe point (async-signal-safe).
  void RequestGc() noexcept { breaker_.Set(EvalBreaker::kGcRequest); }

  // --- Thread registry ---
  // Calls `fn(ThreadState&)` for each registered thread state, in creation order,
  // under the registry's mutex (`fn` must not create or destroy thread states).
  template <typename Fn>
  void ForEachThread(Fn&& fn) {
    std::lock_guard<std::mutex> lock(registry_mu_);
    for (ThreadState* t = reg_head_; t != nullptr; t = t->reg_next_) fn(*t);
  }
  // The number of registered thread states.
  [[nodiscard]] std::size_t thread_count() const;
  // The main thread's state, or nullptr if it has exited.
  [[nodiscard]] ThreadState* main_thread() const;

 private:
  friend class ThreadState;
  friend class ThreadScope;
  friend class AcquireGil;
  void Register(ThreadState& ts);
  void Unregister(ThreadState& ts);
  void RecomputeHolderBits(ThreadState& ts);
  void Drop(void* object) {
    if (object != nullptr && hooks_.drop_object != nullptr) hooks_.drop_object(object);
  }

  InterpreterHooks hooks_;
  EvalBreaker breaker_;
  Gil gil_;
  gil_internal::PendingRing<kPendingCallsCapacity> pending_;
  bool running_pending_ = false;  // re-entrancy guard (main thread, GIL held)

  mutable std::mutex registry_mu_;
  ThreadState* reg_head_ = nullptr;
  ThreadState* reg_tail_ = nullptr;
  std::size_t reg_count_ = 0;
  ThreadState* main_ = nullptr;
};

// ---------------------------------------------------------------------------
// Scopes
// ---------------------------------------------------------------------------

// The thread state bound to the calling OS thread, or nullptr.
[[nodiscard]] ThreadState* CurrentThreadState() noexcept;

// Whether a `ThreadScope` binds the interpreter's main thread.
enum class ThreadRole { kWorker, kMain };

// Binds a new thread state to the calling OS thread for the scope's lifetime and
// takes the GIL; the destructor releases the GIL (if held), unregisters and
// destroys the state. The calling thread must not have a bound state already.
// An interpreter has at most one main thread at a time.
class ThreadScope {
 public:
  explicit ThreadScope(Interpreter& interp, ThreadRole role = ThreadRole::kWorker);
  ThreadScope(const ThreadScope&) = delete;
  ThreadScope& operator=(const ThreadScope&) = delete;
  ~ThreadScope();

  [[nodiscard]] ThreadState& state() noexcept { return *ts_; }

 private:
  std::unique_ptr<ThreadState> ts_;
};

// Lets go of the GIL around a blocking call (sleep, I/O, a lock wait) and takes it
// back, through the priority hand-off, when the scope ends. The calling thread must
// hold the GIL. Python objects must not be touched inside the scope.
class ReleaseGil {
 public:
  ReleaseGil();
  ReleaseGil(const ReleaseGil&) = delete;
  ReleaseGil& operator=(const ReleaseGil&) = delete;
  ~ReleaseGil();

 private:
  ThreadState* ts_;
};

// For a thread entering from C++ (a callback from a foreign thread): makes sure the
// calling thread has a thread state that holds `interp`'s GIL for the scope, as
// `PyGILState_Ensure`/`Release` do. Re-entrant: nothing happens if the thread
// already holds it; a thread without a state gets a temporary one.
class AcquireGil {
 public:
  explicit AcquireGil(Interpreter& interp);
  AcquireGil(const AcquireGil&) = delete;
  AcquireGil& operator=(const AcquireGil&) = delete;
  ~AcquireGil();

  [[nodiscard]] ThreadState& state() noexcept { return *ts_; }

 private:
  ThreadState* ts_;
  std::unique_ptr<ThreadState> owned_;  // the temporary state, if one was made
  bool acquired_ = false;
};

}  // namespace pyrt::gil

#endif  // PYRT_GIL_GIL_H_

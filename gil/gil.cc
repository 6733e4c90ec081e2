// The lock: FIFO hand-off, CPython's interval rule and the budgeted priority
// hand-off. See the state machine in gil.h.
#include "gil/gil.h"

#include <sched.h>

#include <algorithm>
#include <chrono>

namespace pyrt::gil {
namespace {

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

inline void CpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

// Counts one event on a counter that only code under the Gil's mutex writes.
inline void Bump(std::atomic<uint64_t>& counter) {
  counter.store(counter.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

}  // namespace
// --- Construction and settings ---

Gil::Gil(EvalBreaker& breaker)
    : breaker_(breaker),
      interval_ns_(std::chrono::nanoseconds(kDefaultSwitchInterval).count()) {
  bucket_ns_ = static_cast<double>(interval_ns_.load());
}

Gil::~Gil() = default;

void Gil::SetSwitchInterval(std::chrono::nanoseconds interval) noexcept {
  interval_ns_.store(std::max<int64_t>(interval.count(), 1000),
                     std::memory_order_relaxed);
}

GilStats Gil::stats() const noexcept {
  GilStats s;
  s.switches = n_switches_.load(std::memory_order_relaxed);
  s.forced_switches = n_forced_.load(std::memory_order_relaxed);
  s.drop_requests = n_requests_.load(std::memory_order_relaxed);
  s.priority_grants = n_grants_.load(std::memory_order_relaxed);
  s.priority_denials = n_denials_.load(std::memory_order_relaxed);
  s.parks = n_parks_.load(std::memory_order_relaxed);
  return s;
}

// --- The waiter queue (mu_ held) ---

void Gil::Enqueue(ThreadState& ts, bool priority) {
  ts.queued_ = true;
  ts.priority_ = priority;
  ThreadState* after = priority ? q_last_priority_ : q_tail_;
  ts.q_prev_ = after;
  ts.q_next_ = after != nullptr ? after->q_next_ : q_head_;
  if (ts.q_prev_ != nullptr) {
    ts.q_prev_->q_next_ = &ts;
  } else {
    q_head_ = &ts;
  }
  if (ts.q_next_ != nullptr) {
    ts.q_next_->q_prev_ = &ts;
  } else {
    q_tail_ = &ts;
  }
  if (priority) q_last_priority_ = &ts;
  // Sequentially consistent: pairs with the releaser's store of nullptr followed
  // by its load of `waiters_` (see Release).
  waiters_.fetch_add(1);
}

void Gil::Unlink(ThreadState& ts) {
  if (q_last_priority_ == &ts) q_last_priority_ = ts.q_prev_;  // priority nodes lead
  if (ts.q_prev_ != nullptr) {
    ts.q_prev_->q_next_ = ts.q_next_;
  } else {
    q_head_ = ts.q_next_;
  }
  if (ts.q_next_ != nullptr) {
    ts.q_next_->q_prev_ = ts.q_prev_;
  } else {
    q_tail_ = ts.q_prev_;
  }
  ts.q_prev_ = ts.q_next_ = nullptr;
  ts.queued_ = false;
  ts.priority_ = false;
  waiters_.fetch_sub(1);
}

void Gil::SetDropRequestLocked(bool on) {
  // Only code under mu_ changes this bit, so look first: a read-modify-write of the
  // breaker's cache line costs a transfer from the other CPU, and most hand-offs
  // find the bit already as it should be.
  const bool is_on = (breaker_.Load() & EvalBreaker::kGilDropRequest) != 0;
  if (on && !is_on) breaker_.Set(EvalBreaker::kGilDropRequest);
  if (!on && is_on) breaker_.Clear(EvalBreaker::kGilDropRequest);
}

void Gil::PassToHeadLocked() {
  ThreadState* next = q_head_;
  Unlink(*next);
  const bool parked = next->parked_;
  ++head_served_;  // the queue moved: every waiter's interval clock restarts
  Bump(n_switches_);
  // The new holder gets a full interval unless a priority waiter is next in line.
  SetDropRequestLocked(q_head_ != nullptr && q_head_->priority_);
  // Publish last. A spinning head runs as soon as it sees itself as the holder, and may
  // finish and free its state before we return, so `next` is touched after the store only
  // when it sleeps on its condition variable (it needs mu_, which we hold, to wake).
  holder_.store(next);
  if (parked) next->cv_.notify_one();
}

// --- The priority budget (mu_ held) ---

// The bucket is refilled by ordinary (non-priority) lock time, not by wall-clock
// time: `kPriorityShare` bounds the priority tenures' share of the time the lock is
// *held*. Refilled by wall-clock time, it was not a bound at all where it mattered:
// on a loaded machine a CPU-bound waiter woken from its condition variable can take
// milliseconds to run, the lock stays free meanwhile, that idle time refilled the
// bucket, and a thread returning from short blocking calls pre-empted the CPU-bound
// thread at every return without ever being denied (measured: the CPU thread kept
// 10% of the lock time).
namespace {
constexpr double kCreditPerOrdinaryNs = kPriorityShare / (1.0 - kPriorityShare);
static_assert(kPriorityShare > 0 && kPriorityShare < 1);
}  // namespace

bool Gil::GrantPriorityLocked() {
  const double cap = static_cast<double>(interval_ns_.load(std::memory_order_relaxed));
  const auto credit =
      static_cast<double>(credit_ns_.exchange(0, std::memory_order_relaxed));
  bucket_ns_ = std::min(cap, bucket_ns_ + credit * kCreditPerOrdinaryNs);
  if (bucket_ns_ > 0) {
    Bump(n_grants_);
    return true;
  }
  Bump(n_denials_);
  return false;
}

void Gil::StartTenure(ThreadState& ts) {
  NoteHolderCpu();
  ts.tenure_start_ns_ = NowNs();
}

void Gil::EndTenure(ThreadState& ts, int64_t now_ns, bool locked) {
  const int64_t held = now_ns - ts.tenure_start_ns_;
  if (ts.priority_tenure_) {
    bucket_ns_ -= static_cast<double>(held);  // `locked` (priority tenures take mu_)
    ts.priority_tenure_ = false;
  } else if (locked) {
    // Straight into the bucket: `credit_ns_` is written by other CPUs, and one
    // more cache-line transfer here would delay every hand-off.
    const double cap = static_cast<double>(interval_ns_.load(std::memory_order_relaxed));
    bucket_ns_ =
        std::min(cap, bucket_ns_ + static_cast<double>(held) * kCreditPerOrdinaryNs);
  } else {
    credit_ns_.fetch_add(held, std::memory_order_relaxed);
  }
}

// --- Acquire / Release / Yield ---

void Gil::Acquire(ThreadState& ts, AcquireMode mode) {
  ts.priority_tenure_ = false;
  // Taking a free lock without queueing (here, and below under mu_) is a barge: it
  // does not restart the queued waiters' interval clocks (`head_served_`), so a
  // thread that releases and re-takes the lock in a loop is asked to drop it one
  // interval after the head of the queue started waiting, like any other holder.
  ThreadState* expected = nullptr;
  if (holder_.load(std::memory_order_relaxed) == nullptr &&
      holder_.compare_exchange_strong(expected, &ts)) {
    StartTenure(ts);
    return;
  }
  std::unique_lock<std::mutex> lock(mu_);
  expected = nullptr;
  if (holder_.compare_exchange_strong(expected, &ts)) {
    // The holder let go between our fast path and taking mu_.
    StartTenure(ts);
    return;
  }
  // A release from here on either sees our `waiters_` increment (and takes mu_,
  // which we hold until Wait) or frees the lock for Wait's spin to take.
  bool priority = mode == AcquireMode::kAfterBlocking &&
                  priority_enabled_.load(std::memory_order_relaxed) &&
                  GrantPriorityLocked();
  Enqueue(ts, priority);
  if (priority) {
    ts.priority_tenure_ = true;
    breaker_.Set(EvalBreaker::kGilDropRequest);
  }
  Wait(ts, lock);
  StartTenure(ts);
}

void Gil::NoteHolderCpu() {
  holder_cpu_.store(sched_getcpu(), std::memory_order_relaxed);
}

// A queued waiter found the lock free and took it: leave the queue (mu_ held).
void Gil::TookFromQueueLocked(ThreadState& ts) {
  // Only the head taking the lock is the queue being served; a waiter further back
  // that won the race for a free lock barged, and the head's clock keeps running.
  if (&ts == q_head_) ++head_served_;
  Unlink(ts);
  Bump(n_switches_);
  // Like CPython's take: the new holder starts a fresh interval, unless a priority
  // waiter is now first in line.
  SetDropRequestLocked(q_head_ != nullptr && q_head_->priority_);
}

// True once `ts` holds the lock: handed over, or found free and taken (mu_ held).
bool Gil::TryTakeLocked(ThreadState& ts) {
  ThreadState* h = holder_.load(std::memory_order_acquire);
  if (h == &ts) return true;
  if (h == nullptr && holder_.compare_exchange_strong(h, &ts)) {
    TookFromQueueLocked(ts);
    return true;
  }
  return false;
}

void Gil::Wait(ThreadState& ts, std::unique_lock<std::mutex>& lock) {
  // The interval rule's clock runs across spin and park rounds.
  uint64_t seen = head_served_;
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::nanoseconds(interval_ns_.load(std::memory_order_relaxed));
  for (;;) {
    // Phase 1: spin on the holder word. A free lock (its releaser woke a parked
    // head that is not running yet) may be taken by any running waiter.
    lock.unlock();
    const int my_cpu = sched_getcpu();
    const int64_t spin_start = NowNs();
    const int64_t spin_until = spin_start + std::chrono::nanoseconds(kSpinLimit).count();
    const int64_t yield_after =
        spin_start + std::chrono::nanoseconds(kSpinLimit).count() / 4;
    bool took = false;
    do {
      for (int i = 0; i < 64 && !took; ++i) {
        ThreadState* h = holder_.load(std::memory_order_acquire);
        if (h == &ts) return;
        if (h == nullptr && holder_.compare_exchange_strong(h, &ts)) took = true;
        CpuRelax();
      }
      if (took) break;
      // Offer the core between rounds when the holder last ran on this very CPU
      // (on an oversubscribed machine a thread woken from I/O often lands on the
      // core of the CPU-bound holder and preempts it: spinning would only keep
      // it off), and after the first quarter in any case. Not always: on a busy
      // machine a yield can cost a whole time slice, and most hand-offs between
      // threads on two CPUs complete within the first microseconds.
      if (holder_cpu_.load(std::memory_order_relaxed) == my_cpu ||
          NowNs() >= yield_after) {
        sched_yield();
      }
    } while (NowNs() < spin_until);
    lock.lock();
    if (took) {
      TookFromQueueLocked(ts);
      lock.unlock();
      return;
    }
    // Phase 2: park until handed the lock, woken to compete for it, or an
    // interval passes: then CPython's rule, on the queue's clock — if the queue's
    // head has not been served for a whole interval, ask the holder to drop it.
    if (TryTakeLocked(ts)) break;
    Bump(n_parks_);
    ts.parked_ = true;
    bool woken = false;
    while (!woken) {
      if (ts.cv_.wait_until(lock, deadline) != std::cv_status::timeout) {
        woken = true;
      } else {
        uint64_t now_seen = head_served_;
        if (now_seen == seen && holder_.load(std::memory_order_acquire) != nullptr &&
            (breaker_.Load() & EvalBreaker::kGilDropRequest) == 0) {
          breaker_.Set(EvalBreaker::kGilDropRequest);
          Bump(n_requests_);
        }
        seen = now_seen;
        deadline = std::chrono::steady_clock::now() +
                   std::chrono::nanoseconds(interval_ns_.load(std::memory_order_relaxed));
      }
      if (TryTakeLocked(ts)) {
        ts.parked_ = false;
        lock.unlock();
        return;
      }
    }
    // Woken but another running thread took the free lock first: spin again, so
    // that its release hands the lock straight to us (a spinning head is handed
    // the lock; a parked one is only woken).
    ts.parked_ = false;
  }
  ts.parked_ = false;
  lock.unlock();
}

void Gil::ReleaseLocked() {
  ThreadState* head = q_head_;
  if (head != nullptr && !head->parked_) {
    // The first waiter is spinning: hand it the lock, it is running already. This
    // also keeps a thread that releases and re-takes in a tight loop from starving
    // a spinning waiter (measured: without it a waiter lost every race for a whole
    // interval).
    PassToHeadLocked();
    return;
  }
  // Nobody waits, or the first waiter sleeps: free the lock and wake it, and let
  // whoever runs first take it. Handing the lock to a sleeping thread would keep
  // it idle for a whole wake-up latency and turn every later hand-off into
  // another wake-up (a lock convoy); a waiter that keeps losing this race spins
  // again after waking (and is then handed the lock), and is protected by the
  // interval rule, whose Yield hands over directly.
  holder_.store(nullptr);
  if (head != nullptr) head->cv_.notify_one();
}

void Gil::Release(ThreadState& ts) {
  const int64_t now = NowNs();
  if (ts.priority_tenure_ || waiters_.load() != 0) {
    std::lock_guard<std::mutex> lock(mu_);
    EndTenure(ts, now, /*locked=*/true);
    ReleaseLocked();
    return;
  }
  EndTenure(ts, now, /*locked=*/false);  // an ordinary tenure: no mu_ needed
  holder_.store(nullptr);
  // A waiter may have queued after our check of `waiters_` and before the store;
  // it saw a non-null holder. Its increment and our store are both sequentially
  // consistent, so if it missed the store we see its increment here, and wake the
  // first waiter under mu_ (a waiter checks the holder under mu_ before sleeping).
  if (waiters_.load() == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (q_head_ != nullptr && holder_.load() == nullptr && q_head_->parked_) {
    q_head_->cv_.notify_one();
  }
}

void Gil::Yield(ThreadState& ts) {
  std::unique_lock<std::mutex> lock(mu_);
  if (q_head_ == nullptr) {
    breaker_.Clear(EvalBreaker::kGilDropRequest);
    return;
  }
  // A thread pushed off in the middle of a priority tenure (its short burst of
  // Python work after a blocking call) stays a priority waiter while the budget
  // lasts; otherwise a drop request in that burst would cost it a whole interval,
  // the convoy effect again by another door.
  const bool was_priority = ts.priority_tenure_;
  EndTenure(ts, NowNs(), /*locked=*/true);
  const bool again = was_priority &&
                     priority_enabled_.load(std::memory_order_relaxed) &&
                     GrantPriorityLocked();
  Bump(n_forced_);
  PassToHeadLocked();
  Enqueue(ts, again);
  if (again) {
    ts.priority_tenure_ = true;
    breaker_.Set(EvalBreaker::kGilDropRequest);
  }
  Wait(ts, lock);
  StartTenure(ts);
}

}  // namespace pyrt::gil

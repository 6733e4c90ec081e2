// The lock: FIFO hand-off, CPython's interval rule and the budgeted priority
// hand-off. See the state machine in gil.h.
#include "gil/gil.h"

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

}  // namespace

// --- Construction and settings ---

Gil::Gil(EvalBreaker& breaker)
    : breaker_(breaker),
      interval_ns_(std::chrono::nanoseconds(kDefaultSwitchInterval).count()) {
  bucket_ns_ = static_cast<double>(interval_ns_.load());
  bucket_refill_ns_ = NowNs();
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

void Gil::PassToHeadLocked() {
  ThreadState* next = q_head_;
  Unlink(*next);
  switch_number_.fetch_add(1, std::memory_order_relaxed);
  n_switches_.fetch_add(1, std::memory_order_relaxed);
  if (next->parked_) next->cv_.notify_one();
  // The new holder gets a full interval unless a priority waiter is next in line.
  if (q_head_ != nullptr && q_head_->priority_) {
    breaker_.Set(EvalBreaker::kGilDropRequest);
  } else {
    breaker_.Clear(EvalBreaker::kGilDropRequest);
  }
}

// --- The priority budget (mu_ held) ---

bool Gil::GrantPriorityLocked(int64_t now_ns) {
  double cap = static_cast<double>(interval_ns_.load(std::memory_order_relaxed));
  bucket_ns_ = std::min(
      cap, bucket_ns_ + static_cast<double>(now_ns - bucket_refill_ns_) * kPriorityShare);
  bucket_refill_ns_ = now_ns;
  if (bucket_ns_ > 0) {
    n_grants_.fetch_add(1, std::memory_order_relaxed);
    return true;
  }
  n_denials_.fetch_add(1, std::memory_order_relaxed);
  return false;
}

void Gil::ChargeTenureLocked(ThreadState& ts, int64_t now_ns) {
  bucket_ns_ -= static_cast<double>(now_ns - ts.tenure_start_ns_);
  ts.priority_tenure_ = false;
}

// --- Acquire / Release / Yield ---

void Gil::Acquire(ThreadState& ts, AcquireMode mode) {
  ts.priority_tenure_ = false;
  ThreadState* expected = nullptr;
  if (holder_.load(std::memory_order_relaxed) == nullptr &&
      holder_.compare_exchange_strong(expected, &ts)) {
    switch_number_.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  std::unique_lock<std::mutex> lock(mu_);
  bool priority = mode == AcquireMode::kAfterBlocking &&
                  priority_enabled_.load(std::memory_order_relaxed) &&
                  GrantPriorityLocked(NowNs());
  Enqueue(ts, priority);
  expected = nullptr;
  if (holder_.compare_exchange_strong(expected, &ts)) {
    // The holder let go between our fast path and the enqueue.
    Unlink(ts);
    switch_number_.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  if (priority) {
    ts.priority_tenure_ = true;
    breaker_.Set(EvalBreaker::kGilDropRequest);
  }
  Wait(ts, lock);
  if (ts.priority_tenure_) ts.tenure_start_ns_ = NowNs();
}

void Gil::Wait(ThreadState& ts, std::unique_lock<std::mutex>& lock) {
  // Phase 1: spin on the holder word.
  lock.unlock();
  for (int i = 0; i < kSpinIterations; ++i) {
    if (holder_.load(std::memory_order_acquire) == &ts) return;
    CpuRelax();
  }
  // Phase 2: park, waking each interval to apply CPython's rule: if the lock has
  // not changed hands for a whole interval, ask the holder to drop it.
  lock.lock();
  ts.parked_ = true;
  uint64_t seen = switch_number_.load(std::memory_order_relaxed);
  auto interval = std::chrono::nanoseconds(interval_ns_.load(std::memory_order_relaxed));
  auto deadline = std::chrono::steady_clock::now() + interval;
  while (holder_.load(std::memory_order_acquire) != &ts) {
    if (ts.cv_.wait_until(lock, deadline) != std::cv_status::timeout) continue;
    if (holder_.load(std::memory_order_acquire) == &ts) break;
    uint64_t now_seen = switch_number_.load(std::memory_order_relaxed);
    if (now_seen == seen) {
      ThreadState* expected = nullptr;
      if (q_head_ == &ts && holder_.compare_exchange_strong(expected, &ts)) {
        // Safety net; the releaser's re-check normally closes this window.
        Unlink(ts);
        switch_number_.fetch_add(1, std::memory_order_relaxed);
        break;
      }
      if ((breaker_.Load() & EvalBreaker::kGilDropRequest) == 0) {
        breaker_.Set(EvalBreaker::kGilDropRequest);
        n_requests_.fetch_add(1, std::memory_order_relaxed);
      }
    }
    seen = now_seen;
    interval = std::chrono::nanoseconds(interval_ns_.load(std::memory_order_relaxed));
    deadline = std::chrono::steady_clock::now() + interval;
  }
  ts.parked_ = false;
  lock.unlock();
}

void Gil::Release(ThreadState& ts) {
  if (ts.priority_tenure_ || waiters_.load() != 0) {
    std::lock_guard<std::mutex> lock(mu_);
    if (ts.priority_tenure_) ChargeTenureLocked(ts, NowNs());
    if (q_head_ != nullptr) {
      holder_.store(q_head_);
      PassToHeadLocked();
    } else {
      holder_.store(nullptr);
    }
    return;
  }
  holder_.store(nullptr);
  // A waiter may have queued after our check of `waiters_` and before the store;
  // it saw a non-null holder. Its increment and our store are both sequentially
  // consistent, so if it missed the store we see its increment here.
  if (waiters_.load() == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  ThreadState* expected = nullptr;
  if (q_head_ != nullptr && holder_.compare_exchange_strong(expected, q_head_)) {
    PassToHeadLocked();
  }
}

void Gil::Yield(ThreadState& ts) {
  std::unique_lock<std::mutex> lock(mu_);
  if (q_head_ == nullptr) {
    breaker_.Clear(EvalBreaker::kGilDropRequest);
    return;
  }
  if (ts.priority_tenure_) ChargeTenureLocked(ts, NowNs());
  n_forced_.fetch_add(1, std::memory_order_relaxed);
  holder_.store(q_head_);
  PassToHeadLocked();
  Enqueue(ts, /*priority=*/false);
  Wait(ts, lock);
}

}  // namespace pyrt::gil

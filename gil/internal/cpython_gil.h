// CPython 3.11's "new GIL" (Python/ceval_gil.h), re-expressed in C++ from its
// documented behaviour, without this library's priority hand-off, FIFO queue or
// spinning: the baseline that gil_benchmark measures `pyrt::gil::Gil` against.
//
//   take: lock `mutex_`; while the lock is held, wait on `cond_` for one interval;
//         if the wait timed out and no switch happened meanwhile, set the drop
//         request. Once free: mark held, remember the holder, bump the switch
//         number, signal `switch_cond_` (forced switching) and reset the request.
//   drop: lock `mutex_`, mark free, signal `cond_`. If a drop request was pending
//         and nobody has taken the lock yet, reset the request and wait on
//         `switch_cond_` until another thread holds it ("forced switching").
//
// Test and benchmark use only (testonly target).
#ifndef PYRT_GIL_INTERNAL_CPYTHON_GIL_H_
#define PYRT_GIL_INTERNAL_CPYTHON_GIL_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace pyrt::gil_internal {

class CpythonGil {
 public:
  static constexpr uint32_t kDropRequest = 1;

  // The eval-breaker word of this baseline (only the drop request lives here).
  [[nodiscard]] bool Tripped() const noexcept {
    return breaker_.load(std::memory_order_relaxed) != 0;
  }

  void SetSwitchInterval(std::chrono::nanoseconds interval) { interval_ = interval; }

  // `urgent` sets the drop request before the first wait instead of after an
  // interval: used only to time the hand-off mechanism itself.
  void Take(const void* tstate, bool urgent = false) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (urgent && locked_) breaker_.fetch_or(kDropRequest);
    while (locked_) {
      uint64_t saved = switch_number_;
      bool timed_out = cond_.wait_for(lock, interval_) == std::cv_status::timeout;
      if (timed_out && locked_ && switch_number_ == saved) {
        breaker_.fetch_or(kDropRequest);
      }
    }
    {
      std::lock_guard<std::mutex> sw(switch_mutex_);
      locked_ = true;
      last_holder_ = tstate;
      ++switch_number_;
      switch_cond_.notify_all();
    }
    breaker_.fetch_and(~kDropRequest);
  }

  void Drop(const void* tstate) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      locked_ = false;
      cond_.notify_one();
    }
    if (breaker_.load() & kDropRequest) {
      std::unique_lock<std::mutex> sw(switch_mutex_);
      if (last_holder_ == tstate) {
        breaker_.fetch_and(~kDropRequest);
        // Not re-taken by us before someone else had it.
        switch_cond_.wait(sw, [&] { return last_holder_ != tstate; });
      }
    }
  }

 private:
  std::atomic<uint32_t> breaker_{0};
  std::chrono::nanoseconds interval_{std::chrono::microseconds(5000)};
  std::mutex mutex_;
  std::condition_variable cond_;
  bool locked_ = false;         // guarded by mutex_ (written also under switch_mutex_)
  uint64_t switch_number_ = 0;  // guarded by mutex_
  std::mutex switch_mutex_;
  std::condition_variable switch_cond_;
  const void* last_holder_ = nullptr;  // guarded by switch_mutex_
};

}  // namespace pyrt::gil_internal

#endif  // PYRT_GIL_INTERNAL_CPYTHON_GIL_H_

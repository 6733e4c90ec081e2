// A bounded multi-producer, single-consumer ring of (function, argument) pairs.
//
// Producers may be ordinary threads or signal handlers: `Push` uses only lock-free
// atomics (one CAS loop on the enqueue counter, one release store), never a mutex,
// so it is async-signal-safe. Each slot carries a sequence number (Vyukov's bounded
// queue): slot i is free for the producer whose ticket t satisfies seq == t, and full
// for the consumer whose ticket t satisfies seq == t + 1. Items come out in the order
// their producers claimed tickets, each exactly once.
//
// If a producer is interrupted (by a signal handler that also pushes) between
// claiming its ticket and publishing it, the consumer stops at that slot and picks
// the rest up on a later `Pop` round: nothing is lost or reordered, only delayed.
#ifndef PYRT_GIL_INTERNAL_PENDING_RING_H_
#define PYRT_GIL_INTERNAL_PENDING_RING_H_

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace pyrt::gil_internal {

template <std::size_t kCapacity>
class PendingRing {
  static_assert(kCapacity >= 2 && (kCapacity & (kCapacity - 1)) == 0,
                "capacity must be a power of two");
  static_assert(std::atomic<std::size_t>::is_always_lock_free);

 public:
  using Fn = int (*)(void*);

  PendingRing() {
    for (std::size_t i = 0; i < kCapacity; ++i) {
      slots_[i].seq.store(i, std::memory_order_relaxed);
    }
  }

  // Appends (fn, arg). Returns false if the ring is full. Async-signal-safe.
  [[nodiscard]] bool Push(Fn fn, void* arg) noexcept {
    std::size_t pos = tail_.load(std::memory_order_relaxed);
    for (;;) {
      Slot& s = slots_[pos & (kCapacity - 1)];
      std::size_t seq = s.seq.load(std::memory_order_acquire);
      auto diff = static_cast<std::intptr_t>(seq) - static_cast<std::intptr_t>(pos);
      if (diff == 0) {
        if (tail_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) {
          s.fn.store(fn, std::memory_order_relaxed);
          s.arg.store(arg, std::memory_order_relaxed);
          s.seq.store(pos + 1, std::memory_order_release);
          return true;
        }
      } else if (diff < 0) {
        return false;  // full
      } else {
        pos = tail_.load(std::memory_order_relaxed);
      }
    }
  }

  // Removes the oldest published item. Returns false if there is none (or the
  // oldest is claimed but not yet published). Single consumer only.
  [[nodiscard]] bool Pop(Fn* fn, void** arg) noexcept {
    std::size_t pos = head_.load(std::memory_order_relaxed);
    Slot& s = slots_[pos & (kCapacity - 1)];
    std::size_t seq = s.seq.load(std::memory_order_acquire);
    if (seq != pos + 1) return false;
    *fn = s.fn.load(std::memory_order_relaxed);
    *arg = s.arg.load(std::memory_order_relaxed);
    head_.store(pos + 1, std::memory_order_relaxed);
    s.seq.store(pos + kCapacity, std::memory_order_release);
    return true;
  }

  // True if an item has been claimed and not yet popped (it may be unpublished).
  [[nodiscard]] bool MaybeNonEmpty() const noexcept {
    return tail_.load() != head_.load();
  }

 private:
  struct Slot {
    std::atomic<std::size_t> seq;
    // Atomics (relaxed) so that a slot's reuse is race-free in the memory model
    // even when a stale reader looks; the seq store/load orders them.
    std::atomic<Fn> fn{nullptr};
    std::atomic<void*> arg{nullptr};
  };
  Slot slots_[kCapacity];
  alignas(64) std::atomic<std::size_t> tail_{0};
  alignas(64) std::atomic<std::size_t> head_{0};
};

}  // namespace pyrt::gil_internal

#endif  // PYRT_GIL_INTERNAL_PENDING_RING_H_

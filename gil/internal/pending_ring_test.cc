#include "gil/internal/pending_ring.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <thread>
#include <vector>

namespace pyrt::gil_internal {
namespace {

int Nop(void*) { return 0; }

TEST(PendingRing, FifoAndFull) {
  PendingRing<8> ring;
  for (intptr_t i = 0; i < 8; ++i)
    ASSERT_TRUE(ring.Push(&Nop, reinterpret_cast<void*>(i)));
  EXPECT_FALSE(ring.Push(&Nop, nullptr));  // full
  for (intptr_t i = 0; i < 8; ++i) {
    PendingRing<8>::Fn fn;
    void* arg;
    ASSERT_TRUE(ring.Pop(&fn, &arg));
    EXPECT_EQ(fn, &Nop);
    EXPECT_EQ(reinterpret_cast<intptr_t>(arg), i);
  }
  PendingRing<8>::Fn fn;
  void* arg;
  EXPECT_FALSE(ring.Pop(&fn, &arg));
  EXPECT_FALSE(ring.MaybeNonEmpty());
}

TEST(PendingRing, WrapsManyTimes) {
  PendingRing<4> ring;
  for (intptr_t i = 0; i < 1000; ++i) {
    ASSERT_TRUE(ring.Push(&Nop, reinterpret_cast<void*>(i)));
    PendingRing<4>::Fn fn;
    void* arg;
    ASSERT_TRUE(ring.Pop(&fn, &arg));
    ASSERT_EQ(reinterpret_cast<intptr_t>(arg), i);
  }
}

// Several producers, one consumer: every item exactly once, each producer's items
// in its own order.
TEST(PendingRing, ManyProducersExactlyOnceInOrder) {
  constexpr int kProducers = 4;
  constexpr int kPerProducer = 20000;
  PendingRing<32> ring;
  std::vector<std::thread> producers;
  for (int p = 0; p < kProducers; ++p) {
    producers.emplace_back([&ring, p] {
      for (int i = 0; i < kPerProducer; ++i) {
        void* arg = reinterpret_cast<void*>(static_cast<intptr_t>(p) << 32 | i);
        while (!ring.Push(&Nop, arg)) std::this_thread::yield();
      }
    });
  }
  std::vector<int> next(kProducers, 0);
  int received = 0;
  while (received < kProducers * kPerProducer) {
    PendingRing<32>::Fn fn;
    void* arg;
    if (!ring.Pop(&fn, &arg)) {
      std::this_thread::yield();
      continue;
    }
    auto v = reinterpret_cast<intptr_t>(arg);
    int p = static_cast<int>(v >> 32);
    int i = static_cast<int>(v & 0xffffffff);
    ASSERT_GE(p, 0);
    ASSERT_LT(p, kProducers);
    ASSERT_EQ(i, next[p]) << "producer " << p;
    ++next[p];
    ++received;
  }
  for (auto& t : producers) t.join();
  for (int p = 0; p < kProducers; ++p) EXPECT_EQ(next[p], kPerProducer);
}

}  // namespace
}  // namespace pyrt::gil_internal

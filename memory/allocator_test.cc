// Tests for pyrt::memory::Allocator: randomized allocate/free with pattern checks,
// alignment and non-overlap, arenas handed back to the OS, statistics, the debug mode's
// fills and death tests, and the pass-through mode.
#include "memory/allocator.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>
#include <utility>
#include <vector>

namespace pyrt::memory {
namespace {

// A live block in the randomized tests: its pointer, size and fill byte.
struct Live {
  unsigned char* p;
  size_t size;
  unsigned char fill;
};

void FillBlock(const Live& b) {
  std::memset(b.p, b.fill, b.size);
}

// True if every byte of the block still holds its fill byte.
bool BlockIntact(const Live& b) {
  for (size_t i = 0; i < b.size; ++i) {
    if (b.p[i] != b.fill) return false;
  }
  return true;
}

// Sizes like a Python heap: mostly small, some up to the limit, a few large.
size_t RandomSize(std::mt19937_64& rng) {
  const unsigned r = rng() % 100;
  if (r < 60) return 1 + rng() % 64;
  if (r < 90) return 1 + rng() % 512;
  if (r < 98) return 1 + rng() % 2048;
  return 4096 + rng() % 60000;
}

// Virtual memory size of this process in bytes (first field of /proc/self/statm).
size_t VirtualBytes() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long pages = 0;
  if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
  std::fclose(f);
  return pages * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

// Checks that the snapshot's figures add up and match what the test holds.
void ExpectStatsConsistent(const Allocator& a, size_t small_live, size_t large_live) {
  const Stats s = a.GetStats();
  size_t in_use = 0;
  size_t pools = 0;
  for (size_t c = 0; c < kNumSizeClasses; ++c) {
    const SizeClassStats& cs = s.classes[c];
    EXPECT_EQ(cs.block_size, 16 * (c + 1));
    EXPECT_EQ(cs.blocks_in_use + cs.blocks_free, cs.pools * ClassBlocksPerPool(c)) << c;
    in_use += cs.blocks_in_use;
    pools += cs.pools;
  }
  EXPECT_EQ(in_use, small_live);
  EXPECT_EQ(in_use, s.small_blocks_in_use);
  EXPECT_EQ(pools, s.pools_in_use);
  EXPECT_EQ(s.pools_in_use + s.pools_free, s.arenas * kPoolsPerArena);
  EXPECT_EQ(s.mapped_bytes, s.arenas * kArenaSize);
  EXPECT_EQ(s.mapped_bytes, a.MappedBytes());
  EXPECT_EQ(s.large_blocks_in_use, large_live);
  EXPECT_EQ(s.arenas, s.arenas_allocated_total - s.arenas_reclaimed_total);
  EXPECT_LE(s.arenas, s.arenas_highwater);
}

class AllocatorModeTest : public ::testing::TestWithParam<Mode> {};

// 10^6 operations, mixed sizes and orders; every block carries a fill pattern that is
// verified before it is freed or resized (overlap between two live blocks, or a block
// handed out twice, breaks a pattern).
TEST_P(AllocatorModeTest, RandomizedMillionOperations) {
  Allocator a(GetParam());
  std::mt19937_64 rng(12345);
  std::vector<Live> live;
  live.reserve(1 << 16);
  size_t verified = 0;
  for (int op = 0; op < 1000000; ++op) {
    const unsigned r = rng() % 100;
    // Phases: grow the live set, then shrink it, so pools and arenas empty and refill.
    const bool growing = (op / 100000) % 2 == 0;
    if (live.empty() || r < (growing ? 60u : 35u)) {
      const size_t size = RandomSize(rng);
      auto* p = static_cast<unsigned char*>(a.Allocate(size));
      ASSERT_NE(p, nullptr);
      ASSERT_EQ(reinterpret_cast<uintptr_t>(p) % kAlignment, 0u);
      Live b{p, size, static_cast<unsigned char>(rng())};
      FillBlock(b);
      live.push_back(b);
    } else if (r < 95) {
      // Free a random block (swap-remove), or the newest (LIFO) a third of the time.
      const size_t i = (r % 3 == 0) ? live.size() - 1 : rng() % live.size();
      ASSERT_TRUE(BlockIntact(live[i])) << "op " << op;
      ++verified;
      a.Free(live[i].p);
      live[i] = live.back();
      live.pop_back();
    } else {
      const size_t i = rng() % live.size();
      Live& b = live[i];
      ASSERT_TRUE(BlockIntact(b)) << "op " << op;
      const size_t new_size = RandomSize(rng);
      auto* q = static_cast<unsigned char*>(a.Reallocate(b.p, new_size));
      ASSERT_NE(q, nullptr);
      ASSERT_EQ(reinterpret_cast<uintptr_t>(q) % kAlignment, 0u);
      const size_t kept = std::min(b.size, new_size);
      for (size_t k = 0; k < kept; ++k) ASSERT_EQ(q[k], b.fill) << "op " << op;
      b = Live{q, new_size, static_cast<unsigned char>(rng())};
      FillBlock(b);
    }
  }
  for (const Live& b : live) {
    ASSERT_TRUE(BlockIntact(b));
    a.Free(b.p);
  }
  EXPECT_GT(verified, 100000u);
  ExpectStatsConsistent(a, 0, 0);
}

INSTANTIATE_TEST_SUITE_P(Modes, AllocatorModeTest,
                         ::testing::Values(Mode::kPooled, Mode::kDebug, Mode::kPassThrough),
                         [](const ::testing::TestParamInfo<Mode>& info) {
                           return std::string(ModeName(info.param));
                         });

TEST(AllocatorTest, EveryClassAlignedAndDisjoint) {
  Allocator a(Mode::kPooled);
  std::vector<std::pair<uintptr_t, size_t>> blocks;
  for (size_t size = 0; size <= 700; ++size) {
    for (int k = 0; k < 40; ++k) {
      void* p = a.Allocate(size);
      ASSERT_NE(p, nullptr);
      ASSERT_EQ(reinterpret_cast<uintptr_t>(p) % 16, 0u) << size;
      ASSERT_GE(a.UsableSize(p), size);
      if (size >= 1 && size <= kMaxSmallSize) {
        EXPECT_TRUE(a.OwnsSmallBlock(p));
        EXPECT_EQ(a.UsableSize(p), (size + 15) / 16 * 16);
      }
      if (size > kMaxSmallSize) EXPECT_FALSE(a.OwnsSmallBlock(p));
      blocks.emplace_back(reinterpret_cast<uintptr_t>(p), a.UsableSize(p));
    }
  }
  std::sort(blocks.begin(), blocks.end());
  for (size_t i = 1; i < blocks.size(); ++i) {
    ASSERT_LE(blocks[i - 1].first + blocks[i - 1].second, blocks[i].first);
  }
  for (const auto& [p, n] : blocks) a.Free(reinterpret_cast<void*>(p));
  ExpectStatsConsistent(a, 0, 0);
}

TEST(AllocatorTest, ArenasReturnToTheOperatingSystem) {
  Allocator a(Mode::kPooled);
  const size_t vm_before = VirtualBytes();
  constexpr size_t kBlocks = 400000;  // 64-byte blocks: about 25 MiB, 25+ arenas
  std::vector<void*> blocks(kBlocks);
  for (void*& p : blocks) {
    p = a.Allocate(64);
    ASSERT_NE(p, nullptr);
    static_cast<char*>(p)[0] = 1;  // touch it
  }
  const size_t mapped_full = a.MappedBytes();
  EXPECT_GE(mapped_full, kBlocks * 64);
  const size_t vm_full = VirtualBytes();
  EXPECT_GE(vm_full, vm_before + mapped_full * 9 / 10);
  ExpectStatsConsistent(a, kBlocks, 0);

  std::mt19937_64 rng(7);
  std::shuffle(blocks.begin(), blocks.end(), rng);
  for (void* p : blocks) a.Free(p);
  // At most one empty arena is kept for hysteresis.
  EXPECT_LE(a.MappedBytes(), kArenaSize);
  a.ReleaseFreeArenas();
  EXPECT_EQ(a.MappedBytes(), 0u);
  const Stats s = a.GetStats();
  EXPECT_EQ(s.arenas, 0u);
  EXPECT_EQ(s.arenas_reclaimed_total, s.arenas_allocated_total);
  // The address space really went back (the block vector itself is still mapped).
  EXPECT_LE(VirtualBytes(), vm_full - mapped_full * 9 / 10);
}

TEST(AllocatorTest, PrefersFullestArenaSoSparseArenasDrain) {
  Allocator a(Mode::kPooled);
  // Fill several arenas with whole pools of 512-byte blocks (31 per pool).
  const size_t per_arena = kPoolsPerArena * ClassBlocksPerPool(31);
  std::vector<void*> blocks;
  for (size_t i = 0; i < 4 * per_arena; ++i) blocks.push_back(a.Allocate(512));
  ASSERT_EQ(a.GetStats().arenas, 4u);
  // Free every block of the first arena's pools but one pool's worth in arena 0... and
  // empty half of arena 3. New pools must then come from the fuller arena 3 rather
  // than arena 0, which keeps one pool alive.
  std::vector<void*> keep;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const size_t arena = i / per_arena;
    const size_t in_arena = i % per_arena;
    const bool free_it = (arena == 0 && in_arena >= ClassBlocksPerPool(31)) ||
                         (arena == 3 && in_arena >= per_arena / 2);
    if (free_it) {
      a.Free(blocks[i]);
    } else {
      keep.push_back(blocks[i]);
    }
  }
  const uintptr_t arena3 = reinterpret_cast<uintptr_t>(blocks[3 * per_arena]) & ~(kArenaSize - 1);
  // Allocate a different class so new pools are needed.
  std::vector<void*> fresh;
  for (size_t i = 0; i < 10 * ClassBlocksPerPool(0); ++i) fresh.push_back(a.Allocate(16));
  for (void* p : fresh) {
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) & ~(kArenaSize - 1), arena3);
  }
  for (void* p : fresh) a.Free(p);
  for (void* p : keep) a.Free(p);
  ExpectStatsConsistent(a, 0, 0);
}

TEST(AllocatorTest, StatisticsAddUpAndPrint) {
  Allocator a(Mode::kPooled);
  std::vector<void*> small;
  std::vector<void*> large;
  for (int i = 0; i < 5000; ++i) small.push_back(a.Allocate(1 + i % 512));
  for (int i = 0; i < 20; ++i) large.push_back(a.Allocate(1000 + i));
  ExpectStatsConsistent(a, small.size(), large.size());
  const Stats s = a.GetStats();
  size_t class0 = 0;
  for (int i = 0; i < 5000; ++i) class0 += (1 + i % 512) <= 16;
  EXPECT_EQ(s.classes[0].blocks_in_use, class0);
  EXPECT_GE(s.large_bytes_in_use, 20 * 1000u);
  const std::string text = a.StatsText();
  EXPECT_NE(text.find("class   size   num pools"), std::string::npos);
  EXPECT_NE(text.find("# arenas allocated current"), std::string::npos);
  EXPECT_NE(text.find("# large (malloc) blocks in use     =             20"), std::string::npos)
      << text;
  for (void* p : small) a.Free(p);
  for (void* p : large) a.Free(p);
  ExpectStatsConsistent(a, 0, 0);
}

TEST(AllocatorTest, EdgeSizes) {
  Allocator a(Mode::kPooled);
  void* z = a.Allocate(0);
  ASSERT_NE(z, nullptr);
  void* z2 = a.Allocate(0);
  EXPECT_NE(z, z2);
  EXPECT_EQ(a.Allocate(static_cast<size_t>(PTRDIFF_MAX) + 1), nullptr);
  EXPECT_EQ(a.AllocateZeroed(size_t{1} << 40, size_t{1} << 40), nullptr);
  auto* zero = static_cast<unsigned char*>(a.AllocateZeroed(10, 30));
  ASSERT_NE(zero, nullptr);
  for (int i = 0; i < 300; ++i) EXPECT_EQ(zero[i], 0);
  a.Free(nullptr);
  a.Free(z);
  a.Free(z2);
  a.Free(zero);
  ExpectStatsConsistent(a, 0, 0);
}

TEST(AllocatorTest, ReallocateKeepsBlockWhenItFits) {
  Allocator a(Mode::kPooled);
  void* p = a.Allocate(60);
  EXPECT_EQ(a.Reallocate(p, 64), p);  // same 64-byte class
  EXPECT_EQ(a.Reallocate(p, 50), p);  // shrink by under a quarter
  void* q = a.Reallocate(p, 10);      // large shrink moves to class 0
  EXPECT_NE(q, p);
  EXPECT_EQ(a.UsableSize(q), 16u);
  a.Free(q);
}

TEST(AllocatorTest, DefaultModeFollowsBuild) {
  if (SanitizerBuild()) {
    EXPECT_EQ(DefaultMode(), Mode::kPassThrough);
    EXPECT_EQ(DefaultAllocator().mode(), Mode::kPassThrough);
  } else {
    EXPECT_EQ(DefaultMode(), std::getenv("PYRT_MALLOC") == nullptr ? Mode::kPooled
                                                                   : DefaultMode());
  }
  void* p = DefaultAllocator().Allocate(24);
  ASSERT_NE(p, nullptr);
  DefaultAllocator().Free(p);
}

TEST(AllocatorTest, PassThroughUsesMallocOnly) {
  Allocator a(Mode::kPassThrough);
  std::vector<void*> v;
  for (int i = 0; i < 1000; ++i) v.push_back(a.Allocate(1 + i % 100));
  EXPECT_EQ(a.MappedBytes(), 0u);
  for (void* p : v) EXPECT_FALSE(a.OwnsSmallBlock(p));
  ExpectStatsConsistent(a, 0, v.size());
  for (void* p : v) a.Free(p);
  EXPECT_EQ(a.GetStats().large_blocks_in_use, 0u);
}

// --- Debug mode --------------------------------------------------------------------------

TEST(AllocatorDebugTest, FreshAndFreedPatterns) {
  Allocator a(Mode::kDebug);
  auto* p = static_cast<unsigned char*>(a.Allocate(100));
  for (int i = 0; i < 100; ++i) ASSERT_EQ(p[i], 0xCD);
  EXPECT_EQ(a.UsableSize(p), 100u);
  std::memset(p, 0x11, 100);
  a.Free(p);
  // The block stays in this allocator's pool (not reused yet): its bytes are dead.
  for (int i = 0; i < 100; ++i) ASSERT_EQ(p[i], 0xDD);
  void* q = a.Reallocate(nullptr, 10);
  auto* r = static_cast<unsigned char*>(a.Reallocate(q, 300));
  for (int i = 10; i < 300; ++i) ASSERT_EQ(r[i], 0xCD);
  a.Free(r);
}

class AllocatorDeathTest : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

TEST_F(AllocatorDeathTest, OverrunIsReported) {
  EXPECT_DEATH(
      {
        Allocator a(Mode::kDebug);
        auto* p = static_cast<char*>(a.Allocate(40));
        p[40] = 'x';  // one byte past the end: lands in the guard
        a.Free(p);
      },
      "buffer overrun.*\n.*block address.*\n.*requested size: 40 bytes");
}

TEST_F(AllocatorDeathTest, LargeOverrunIsReported) {
  EXPECT_DEATH(
      {
        Allocator a(Mode::kDebug);
        auto* p = static_cast<char*>(a.Allocate(5000));
        p[5003] = 'x';
        a.Free(p);
      },
      "buffer overrun");
}

TEST_F(AllocatorDeathTest, UnderrunIsReported) {
  EXPECT_DEATH(
      {
        Allocator a(Mode::kDebug);
        auto* p = static_cast<char*>(a.Allocate(40));
        p[-1] = 'x';
        a.Free(p);
      },
      "buffer underrun");
}

TEST_F(AllocatorDeathTest, DoubleFreeIsReported) {
  EXPECT_DEATH(
      {
        Allocator a(Mode::kDebug);
        void* p = a.Allocate(40);
        a.Free(p);
        a.Free(p);
      },
      "double free");
}

TEST_F(AllocatorDeathTest, ForeignPointerIsReported) {
  EXPECT_DEATH(
      {
        Allocator a(Mode::kDebug);
        alignas(16) static unsigned char not_ours[64] = {};
        a.Free(not_ours + 32);
      },
      "did not return");
}

}  // namespace
}  // namespace pyrt::memory

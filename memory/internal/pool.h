// pool.h — the private structures behind pyrt::memory::Allocator: pool headers, arena
// records and the radix map from addresses to arenas. Only allocator.h and allocator.cc
// include this file; nothing here is API.
//
// Layout of one arena (1 MiB, aligned to 1 MiB, from mmap):
//
//   arena base (1 MiB aligned)
//   +--------------+--------------+--------------+-- ... --+--------------+
//   |    pool 0    |    pool 1    |    pool 2    |         |   pool 63    |
//   +--------------+--------------+--------------+-- ... --+--------------+
//   each pool is 16 KiB and aligned to 16 KiB:
//   +-------------------+---------+---------+-----+---------+-----------+
//   | PoolHeader (48 B) | block 0 | block 1 | ... | block k | tail slack|
//   +-------------------+---------+---------+-----+---------+-----------+
//
// The arena's bookkeeping (ArenaRecord) lives outside the arena, so all 64 pools are
// usable and an arena that becomes empty can be unmapped without touching its pages.
// A pool serves one size class at a time. Its free blocks form a singly linked list
// threaded through the first word of each free block; blocks never handed out yet are
// carved lazily by bumping next_offset (arenas are mapped with MAP_POPULATE, see
// MapAlignedArena in allocator.cc).
#ifndef PYRT_MEMORY_INTERNAL_POOL_H_
#define PYRT_MEMORY_INTERNAL_POOL_H_

#include <cstddef>
#include <cstdint>

namespace pyrt::memory_internal {

// A free block: its first word links to the next free block of the same pool.
struct FreeBlock {
  FreeBlock* next;
};

struct ArenaRecord;

// The header at the start of every pool that is, or was, in use.
struct PoolHeader {
  FreeBlock* freeblock;       // next block to hand out; null only when the pool is full
  PoolHeader* next;           // used-pool list of its size class, or the arena's free list
  PoolHeader* prev;           // used-pool list only
  ArenaRecord* arena;         // the arena that holds this pool
  uint32_t ref;               // blocks handed out and not yet freed
  uint32_t size_class;        // the class served now, or last served if free (ref == 0);
                              // kFreePoolClass if never used
  uint32_t next_offset;       // offset of the first never-used block
  uint32_t max_next_offset;   // largest offset at which a whole block still fits
};

// The size_class value of a pool carved from its arena but never used yet.
inline constexpr uint32_t kFreePoolClass = 0xFFFFFFFFu;

// Blocks start right after the header; 48 keeps them 16-byte aligned.
inline constexpr size_t kPoolHeaderSize = 48;
static_assert(sizeof(PoolHeader) == kPoolHeaderSize, "PoolHeader layout changed");
static_assert(kPoolHeaderSize % 16 == 0, "blocks must stay 16-byte aligned");

// Bookkeeping for one arena, kept outside the arena's own pages.
struct ArenaRecord {
  uintptr_t base;             // first byte of the arena (kArenaSize aligned)
  PoolHeader* freepools;      // pools that were used and are empty again
  uint32_t nfreepools;        // freepools plus never-touched pools
  uint32_t ntouched;          // pools carved so far (pools [0, ntouched) have headers)
  ArenaRecord* next;          // bucket list (arenas with the same nfreepools)
  ArenaRecord* prev;
  ArenaRecord* all_next;      // list of every mapped arena (for statistics)
  ArenaRecord* all_prev;
};

// The radix map from an address to the ArenaRecord that holds it. User-space addresses
// on x86-64 and AArch64 (4-level paging) fit in 48 bits; an arena is 1 MiB, so the
// 28 bits [20, 48) name an arena. They are split into two 14-bit levels:
//
//   63        48 47            34 33            20 19                 0
//   +----------+----------------+----------------+--------------------+
//   |  must=0  |  level-1 index |  level-2 index |  offset in arena   |
//   +----------+----------------+----------------+--------------------+
//
// Any address with a bit above 47 set is not ours (one compare, no load), so the map is
// exact: it never reads memory it does not own, unlike CPython's older address_in_range.
inline constexpr unsigned kArenaShift = 20;
inline constexpr unsigned kLevelBits = 14;
inline constexpr size_t kLevelSize = size_t{1} << kLevelBits;
inline constexpr unsigned kAddressBits = kArenaShift + 2 * kLevelBits;  // 48
static_assert(kAddressBits == 48);

using RadixLeaf = ArenaRecord* [kLevelSize];

}  // namespace pyrt::memory_internal

#endif  // PYRT_MEMORY_INTERNAL_POOL_H_

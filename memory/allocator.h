// allocator.h — pyrt's small-object allocator (CPython's pymalloc idea).
//
// Python programs allocate and free huge numbers of small objects (most between 32 and
// 64 bytes). A general-purpose malloc pays for thread safety and for every possible
// size; this allocator pays for neither. Every Python object in pyrt is allocated
// through it (objects/ calls gc::Collector::NewObject for containers, which calls this).
//
// Size classes. Requests of 1..512 bytes are rounded up to a multiple of 16 bytes,
// giving 32 size classes (class c holds blocks of 16*(c+1) bytes). Larger requests go
// to the system malloc. Every pointer returned is 16-byte aligned.
//
//   request:  1..16  17..32  33..48  ...  497..512  |  >512
//   class:      0       1       2    ...     31     |  malloc()
//
// Pools and arenas. Arenas of 1 MiB come from mmap, aligned to 1 MiB; each holds 64
// pools of 16 KiB. A pool serves one size class at a time (internal/pool.h draws it).
//
//   usedpools[class] --> pool <--> pool <--> pool      (pools with at least one free
//                                                       block; O(1) allocation)
//   arena buckets[k] --> arenas with exactly k free pools, k = 1..64; a new pool is
//                        taken from the lowest non-empty bucket (found with one
//                        count-trailing-zeros), i.e. from the fullest arena, so that
//                        lightly used arenas drain and can be handed back to the OS.
//
// Freeing needs no size: a two-level radix map over address bits [20, 48) says whether
// an address lies in one of this allocator's arenas (and which); the pool header is
// then at the address rounded down to 16 KiB. Addresses not in an arena were malloc'd.
//
// Invariants (checked by the tests):
//   * A pool on usedpools[c] has size class c and a non-null freeblock; a full pool is
//     on no list; an empty pool goes back to its arena at once (ref == 0 marks it), keeping
//     its free list so that it is ready as it is if the same class takes it again.
//   * An arena is in bucket k iff it has k > 0 free (or untouched) pools. When all 64
//     pools are free it is unmapped, except that up to SetRetainedEmptyArenas() (default
//     1, as CPython) such arenas stay mapped as hysteresis against map/unmap thrash;
//     ReleaseFreeArenas() drops them too.
//   * Statistics add up: for each class, blocks in use + free blocks = pools * blocks per
//     pool; pools in use + free pools = 64 * arenas; mapped bytes = 1 MiB * arenas.
//
// Modes (chosen per Allocator, default from DefaultMode()):
//   kPooled       the fast path above.
//   kDebug        CPython's PYTHONMALLOC=debug idea over the pooled allocator: each
//                 block carries a 32-byte prefix and an 8-byte suffix,
//                   [size 8][serial 8][state 1][guard 15] user bytes... [guard 8]
//                 new memory is filled with 0xCD, freed memory with 0xDD, guards with
//                 0xFD; Free() reports (to stderr) and aborts on a buffer overrun or
//                 underrun, a double free, or a pointer this allocator never returned.
//   kPassThrough  every call goes straight to malloc/realloc/free, so AddressSanitizer
//                 and friends see every allocation. Builds with
//                 --define=pyrt_sanitizer=... (the asan/ubsan/tsan configs) make this
//                 the default mode.
//
// Thread safety: none. An Allocator must be used by one thread at a time; in pyrt the
// caller holds the GIL. Distinct Allocator objects are independent.
//
// Usage:
//   pyrt::memory::Allocator& a = pyrt::memory::DefaultAllocator();
//   void* p = a.Allocate(40);        // 48-byte block from class 2
//   p = a.Reallocate(p, 100);        // moves to class 6
//   a.Free(p);                       // no size needed
//   std::string s = a.StatsText();   // like sys._debugmallocstats()
#ifndef PYRT_MEMORY_ALLOCATOR_H_
#define PYRT_MEMORY_ALLOCATOR_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "memory/internal/pool.h"

namespace pyrt::memory {

// Every block is aligned to this many bytes; also the size-class granularity.
inline constexpr size_t kAlignment = 16;
// Largest request served from pools; CPython 3.8+ uses the same 512.
inline constexpr size_t kMaxSmallSize = 512;
// Number of size classes: 16, 32, ..., 512.
inline constexpr size_t kNumSizeClasses = kMaxSmallSize / kAlignment;
// Pool size: 16 KiB, CPython 3.10+'s choice with radix-tree lookup (four pages, so that
// the pool header overhead of 48 bytes is 0.3%).
inline constexpr size_t kPoolSize = size_t{16} << 10;
// Arena size: 1 MiB, the unit of mmap/munmap; large enough that mapping is rare,
// small enough that a mostly idle program can hand memory back.
inline constexpr size_t kArenaSize = size_t{1} << memory_internal::kArenaShift;
inline constexpr size_t kPoolsPerArena = kArenaSize / kPoolSize;
static_assert(kPoolsPerArena == 64, "arena buckets use a 64-bit mask");

// Block size of size class c.
[[nodiscard]] constexpr size_t ClassBlockSize(size_t c) { return (c + 1) * kAlignment; }
// Blocks that fit in one pool of size class c.
[[nodiscard]] constexpr size_t ClassBlocksPerPool(size_t c) {
  return (kPoolSize - memory_internal::kPoolHeaderSize) / ClassBlockSize(c);
}

// How an Allocator serves requests (see the essay above).
enum class Mode : uint8_t { kPooled, kDebug, kPassThrough };

// The mode the build and environment ask for: kPassThrough when built with a sanitizer
// (--define=pyrt_sanitizer=...); otherwise PYRT_MALLOC=pymalloc|debug|malloc (the
// names of CPython's PYTHONMALLOC), defaulting to kPooled.
[[nodiscard]] Mode DefaultMode();
// True when the build forces kPassThrough as the default (sanitizer builds).
[[nodiscard]] bool SanitizerBuild();
// "pymalloc", "debug" or "malloc".
[[nodiscard]] const char* ModeName(Mode mode);

// Per-size-class figures, as in sys._debugmallocstats().
struct SizeClassStats {
  size_t block_size = 0;     // bytes per block
  size_t pools = 0;          // pools currently serving this class
  size_t blocks_in_use = 0;  // handed out and not freed
  size_t blocks_free = 0;    // free or never used, in those pools
};

// A snapshot of the allocator's state. In kDebug mode the figures describe the
// underlying blocks (which include the debug prefix and suffix).
struct Stats {
  Mode mode = Mode::kPooled;
  std::array<SizeClassStats, kNumSizeClasses> classes{};
  size_t arenas = 0;                  // arenas mapped now
  size_t arenas_allocated_total = 0;  // arenas ever mapped
  size_t arenas_reclaimed_total = 0;  // arenas ever unmapped
  size_t arenas_highwater = 0;        // most arenas mapped at once
  size_t pools_in_use = 0;            // pools serving some class
  size_t pools_free = 0;              // free or untouched pools in mapped arenas
  size_t mapped_bytes = 0;            // arenas * kArenaSize
  size_t small_blocks_in_use = 0;     // sum of classes[].blocks_in_use
  size_t small_bytes_in_use = 0;      // sum of blocks_in_use * block_size
  size_t large_blocks_in_use = 0;     // live blocks from malloc (over 512 bytes; all
                                      // blocks in kPassThrough mode)
  size_t large_bytes_in_use = 0;      // their malloc_usable_size total
};

// A pymalloc-style allocator. Not thread-safe: one thread at a time (the GIL holder).
// Not copyable or movable (the radix map points back into it).
class Allocator {
 public:
  // An allocator in the given mode. Maps nothing until the first small allocation.
  explicit Allocator(Mode mode = DefaultMode());
  // Unmaps every arena. Pool blocks still allocated become invalid; large blocks still
  // allocated are left to malloc (they leak unless freed).
  ~Allocator();
  Allocator(const Allocator&) = delete;
  Allocator& operator=(const Allocator&) = delete;

  // A block of at least `size` bytes (0 counts as 1), 16-byte aligned; nullptr when the
  // system is out of memory or size is absurd (over PTRDIFF_MAX). Never throws.
  [[nodiscard]] void* Allocate(size_t size);
  // Like Allocate(count * size) with the bytes zeroed; nullptr on overflow.
  [[nodiscard]] void* AllocateZeroed(size_t count, size_t size);
  // Resizes `p` (nullptr acts as Allocate), keeping min(old, new) bytes; returns the
  // new block, or nullptr with `p` untouched on failure.
  [[nodiscard]] void* Reallocate(void* p, size_t size);
  // Frees a block from this allocator; nullptr is ignored. In kDebug mode a corrupted
  // block, a double free or a foreign pointer is reported and the process aborts.
  void Free(void* p);

  // True if `p` lies in one of this allocator's arenas (a pooled block).
  [[nodiscard]] bool OwnsSmallBlock(const void* p) const;
  // Usable bytes of a block returned by this allocator (in kDebug mode: the size asked).
  [[nodiscard]] size_t UsableSize(const void* p) const;
  // Unmaps every arena whose pools are all free, including those kept for reuse.
  void ReleaseFreeArenas();
  // How many entirely free arenas are kept mapped for reuse instead of being unmapped
  // at once (default 1, CPython's hysteresis). A larger limit trades resident memory for
  // fewer mmap/munmap calls and page faults when a program repeatedly builds and drops
  // large structures. Lowering the limit releases the excess at once.
  void SetRetainedEmptyArenas(size_t limit);

  // Bytes of arena memory mapped now (O(1)).
  [[nodiscard]] size_t MappedBytes() const { return arenas_mapped_ * kArenaSize; }
  // A full snapshot; walks every arena and pool (cost proportional to mapped memory).
  [[nodiscard]] Stats GetStats() const;
  // The snapshot as a table in the spirit of sys._debugmallocstats().
  [[nodiscard]] std::string StatsText() const;
  // This allocator's mode.
  [[nodiscard]] Mode mode() const { return mode_; }

 private:
  using PoolHeader = memory_internal::PoolHeader;
  using ArenaRecord = memory_internal::ArenaRecord;
  using FreeBlock = memory_internal::FreeBlock;

  // The arena holding address `a`, or nullptr.
  [[nodiscard]] ArenaRecord* ArenaOf(uintptr_t a) const {
    const uintptr_t i1 = a >> (memory_internal::kArenaShift + memory_internal::kLevelBits);
    if (i1 >= memory_internal::kLevelSize) return nullptr;
    memory_internal::RadixLeaf* leaf = root_[i1];
    if (leaf == nullptr) return nullptr;
    return (*leaf)[(a >> memory_internal::kArenaShift) & (memory_internal::kLevelSize - 1)];
  }

  // --- pooled fast paths (inline) and their slow halves (allocator.cc) ---
  [[nodiscard]] void* AllocateSmall(size_t size_class) {
    PoolHeader* pool = used_pools_[size_class];
    if (pool == nullptr) [[unlikely]] return AllocateFromNewPool(size_class);
    FreeBlock* block = pool->freeblock;
    ++pool->ref;
    FreeBlock* next = block->next;
    if (next != nullptr) [[likely]] {
      pool->freeblock = next;
      return block;
    }
    // The free list is used up: carve the next never-used block (bump allocation).
    if (pool->next_offset <= pool->max_next_offset) [[likely]] {
      next = reinterpret_cast<FreeBlock*>(reinterpret_cast<char*>(pool) + pool->next_offset);
      pool->next_offset += static_cast<uint32_t>(ClassBlockSize(size_class));
      next->next = nullptr;
      pool->freeblock = next;
      return block;
    }
    PoolFull(pool);
    return block;
  }
  // Frees a block that ArenaOf() found in one of this allocator's arenas.
  void FreeSmall(void* p) {
    auto* pool = reinterpret_cast<PoolHeader*>(reinterpret_cast<uintptr_t>(p) &
                                               ~uintptr_t{kPoolSize - 1});
    auto* block = static_cast<FreeBlock*>(p);
    FreeBlock* old = pool->freeblock;
    block->next = old;
    pool->freeblock = block;
    if (--pool->ref == 0 || old == nullptr) [[unlikely]] FreeSlow(pool, old == nullptr);
  }
  void* AllocateFromNewPool(size_t size_class);
  void PoolFull(PoolHeader* pool);
  void FreeSlow(PoolHeader* pool, bool was_full);

  // --- pool and arena management ---
  PoolHeader* TakePool();
  void ReturnPool(PoolHeader* pool);
  ArenaRecord* NewArena();
  void ReleaseArena(ArenaRecord* arena);
  void BucketInsert(ArenaRecord* arena);
  void BucketRemove(ArenaRecord* arena);
  void UsedInsert(size_t size_class, PoolHeader* pool);
  void UsedRemove(size_t size_class, PoolHeader* pool);

  // --- the modes other than kPooled ---
  void* AllocateOther(size_t size);   // size 0 or > 512, or a mode other than kPooled
  void FreeOther(void* p);            // a large block, or a mode other than kPooled
  void* PooledReallocate(void* p, size_t size);
  void* DebugAllocate(size_t size);
  void* DebugReallocate(void* p, size_t size);
  void DebugFree(void* p);
  void* LargeAllocate(size_t size);
  void LargeFree(void* p);

  Mode mode_;
  std::array<PoolHeader*, kNumSizeClasses> used_pools_{};
  // buckets_[k] lists arenas with exactly k free pools (k = 1..64); bit k-1 of
  // bucket_mask_ is set iff buckets_[k] is non-empty.
  std::array<ArenaRecord*, kPoolsPerArena + 1> buckets_{};
  uint64_t bucket_mask_ = 0;
  ArenaRecord* all_arenas_ = nullptr;
  size_t retained_empty_limit_ = 1;
  size_t empty_arenas_ = 0;  // arenas with every pool free (kept for reuse)
  // The radix map's first level, inline so that ArenaOf() costs two dependent loads.
  // 128 KiB: an Allocator is a large object (fine on a thread stack or in static storage).
  std::array<memory_internal::RadixLeaf*, memory_internal::kLevelSize> root_{};
  size_t arenas_mapped_ = 0;
  size_t arenas_allocated_total_ = 0;
  size_t arenas_reclaimed_total_ = 0;
  size_t arenas_highwater_ = 0;
  size_t large_blocks_ = 0;
  size_t large_bytes_ = 0;
  uint64_t debug_serial_ = 0;
};

// The process-wide allocator in DefaultMode(), created on first use and never destroyed
// (blocks may outlive static destructors). Same threading rule: hold the GIL.
namespace allocator_detail {
extern Allocator* g_default_allocator;  // set by the first DefaultAllocatorSlow()
[[nodiscard]] Allocator& DefaultAllocatorSlow();
}  // namespace allocator_detail
[[nodiscard]] inline Allocator& DefaultAllocator() {
  Allocator* a = allocator_detail::g_default_allocator;
  if (a != nullptr) [[likely]] return *a;
  return allocator_detail::DefaultAllocatorSlow();
}

// --- inline dispatch -------------------------------------------------------------------

inline void* Allocator::Allocate(size_t size) {
  if (mode_ == Mode::kPooled && size - 1 < kMaxSmallSize) [[likely]] {
    return AllocateSmall((size - 1) >> 4);
  }
  return AllocateOther(size);
}

inline void Allocator::Free(void* p) {
  if (mode_ == Mode::kPooled) [[likely]] {
    if (ArenaOf(reinterpret_cast<uintptr_t>(p)) != nullptr) [[likely]] {
      FreeSmall(p);
      return;
    }
  }
  FreeOther(p);
}

}  // namespace pyrt::memory

#endif  // PYRT_MEMORY_ALLOCATOR_H_

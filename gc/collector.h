// collector.h — pyrt's cycle collector on top of reference counting (CPython's gc).
//
// Reference counting frees most objects the moment they become unreachable, but not
// objects that refer to each other in a cycle. The collector finds such groups among
// the *containers* (objects that can hold references: lists, dicts, instances, ...) and
// breaks them. Every container carries a two-word gc header in front of the object:
//
//   allocation (16-byte aligned, from memory::Allocator)
//   |
//   v
//   +----------------+----------------+------------------+------------------+-------
//   | next (8 bytes) | prev (8 bytes) | refcount (8)     | type (8)         | payload
//   +----------------+----------------+------------------+------------------+-------
//   \______________ GcHeader ________/ \___________ ObjectHead ___________/
//                                       ^ the pointer the object model passes around
//
//   next word:  63 ............................ 1 | 0
//               address of the next GcHeader      | kNextUnreachable (only while
//               (0 means "not tracked")           |  move_unreachable runs)
//   prev word:  63 ........................ 2 | 1            | 0
//               address of the previous      | kCollecting  | kFinalized
//               GcHeader; during a collection | (in the gen  | (tp_finalize ran;
//               gc_refs instead (see below)   |  being swept)|  PEP 442, kept forever)
//
// Headers are 16-byte aligned, so the low bits of both addresses are free for flags:
// the header costs exactly two words, like CPython 3.11's PyGC_Head.
//
// Tracked objects sit on circular doubly linked lists with a sentinel head: one per
// generation (0 young, 1, 2 old) plus the permanent generation (Freeze()). Invariant
// outside a collection: every tracked object is on exactly one list, its prev word holds
// a real pointer, and kCollecting and kNextUnreachable are clear everywhere.
//
// A collection of generation g (CPython 3.11's algorithm, no recursion anywhere, so a
// chain of 10^6 objects needs no stack):
//   1. merge generations 0..g into g ("young"); for each object, gc_refs := refcount
//      (stored in the prev word, shifted left by 2) and set kCollecting;
//   2. traverse each object and decrement gc_refs of every referent that is also
//      kCollecting: afterwards gc_refs counts references from outside young;
//   3. scan young once: an object with gc_refs > 0 is reachable; traversing it marks its
//      referents reachable (moving them back from the tentatively unreachable list if
//      needed); an object with gc_refs == 0 moves to "unreachable" (tentatively). The
//      young list is singly linked during this pass; prev pointers are rebuilt as it goes;
//   4. survivors move to generation g+1; objects in unreachable with a legacy finalizer
//      (and what they reach) become uncollectable: they go to garbage() and survive;
//   5. weak references to unreachable objects are cleared; a weakref's callback runs only
//      if the weakref object itself is reachable (CPython's handle_weakrefs);
//   6. PEP 442 finalizers run, once per object ever (kFinalized);
//   7. steps 1-3 run again over unreachable: whatever a finalizer resurrected, and all it
//      reaches, moves to the old generation and survives (skipped when no finalizer or
//      callback ran in steps 5-6: then nothing can have been resurrected);
//   8. clear() is called on each object still unreachable (holding a reference to it);
//      reference counting then frees the cycle.
//
// Object model contract (objects/ implements it; the tests use toy objects):
//   * Every object starts with ObjectHead {refcount, type}; `type` points to a TypeHooks
//     table (the object model's type object embeds one as its first member).
//   * A container is allocated with NewObject(), initialised, then Track()ed; its dealloc
//     Untrack()s it first and ends with DeleteObject(). Non-containers may be referenced
//     by containers: the collector ignores referents whose type lacks kHasGc.
//   * traverse() must report every strong reference the object holds to a container.
//
// Thread safety: none. One thread at a time (the GIL holder) uses a Collector and the
// objects it tracks. Collections run inside NewObject() (when generation 0 overflows)
// and Collect(); hooks called from there (finalizers, callbacks) may allocate and free.
//
// Usage:
//   pyrt::gc::Collector gc;                           // uses memory::DefaultAllocator()
//   ObjectHead* o = gc.NewObject(sizeof(MyList));     // gc header is in front
//   ... initialise, o->refcount = 1, o->type = &kMyListHooks ...
//   gc.Track(o);
//   size_t found = gc.Collect();                      // gc.collect()
//   gc.SetThreshold(1000, 10, 10);                    // gc.set_threshold()
#ifndef PYRT_GC_COLLECTOR_H_
#define PYRT_GC_COLLECTOR_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "memory/allocator.h"

namespace pyrt::gc {

struct TypeHooks;

// The start of every object: CPython's PyObject_HEAD (reference count, then type).
struct ObjectHead {
  intptr_t refcount;
  const TypeHooks* type;
};

// The two words in front of every container (see the diagram above).
struct GcHeader {
  uintptr_t next;
  uintptr_t prev;
};
static_assert(sizeof(GcHeader) == 2 * sizeof(void*), "the gc header is two words");
static_assert(sizeof(GcHeader) % memory::kAlignment == 0, "objects stay 16-byte aligned");

// Bit 0 of GcHeader::next: on the tentatively unreachable list (during a collection).
inline constexpr uintptr_t kNextUnreachable = 1;
// Bit 0 of GcHeader::prev: the PEP 442 finalizer has run (it never runs twice).
inline constexpr uintptr_t kFinalized = 1;
// Bit 1 of GcHeader::prev: in the generation being collected.
inline constexpr uintptr_t kCollecting = 2;
inline constexpr uintptr_t kPrevFlagMask = 3;
// gc_refs is stored in the prev word shifted past the flags.
inline constexpr unsigned kRefsShift = 2;

// Called by traverse() for each referent; a nonzero result stops the traversal and is
// returned by traverse().
using VisitFn = int (*)(ObjectHead* referent, void* arg);
// Called by TypeHooks::clear_weakrefs for each cleared weak reference with a callback.
using WeakrefFoundFn = void (*)(ObjectHead* weakref, void* arg);

// TypeHooks::flags bits.
inline constexpr uint32_t kHasGc = 1u << 0;               // instances are containers
inline constexpr uint32_t kIsWeakRef = 1u << 1;           // instances are weak references
inline constexpr uint32_t kHasLegacyFinalizer = 1u << 2;  // tp_del: never collected

// What the collector needs from a type (the object model fills these from its tp_*
// slots). Only `flags` is read for types without kHasGc.
struct TypeHooks {
  uint32_t flags = 0;
  // Reports every strong reference to another object (tp_traverse). Required with kHasGc.
  int (*traverse)(ObjectHead* self, VisitFn visit, void* arg) = nullptr;
  // Drops references that may form cycles (tp_clear); may free other objects. Optional:
  // an immutable container's cycles are broken through its mutable members.
  void (*clear)(ObjectHead* self) = nullptr;
  // The PEP 442 finalizer (tp_finalize); optional. Called at most once per object (by
  // the collector or by CallFinalizerFromDealloc); may resurrect the object.
  void (*finalize)(ObjectHead* self) = nullptr;
  // Frees the object when its refcount reaches 0 (tp_dealloc). Required.
  void (*dealloc)(ObjectHead* self) = nullptr;
  // For weakly referenceable types: clears every weak reference to `self` (each one's
  // referent becomes None and it leaves self's list) without running callbacks, and
  // calls found(wr, arg) for each cleared one that has a callback. Optional.
  void (*clear_weakrefs)(ObjectHead* self, WeakrefFoundFn found, void* arg) = nullptr;
  // For kIsWeakRef types: detaches this weak reference from its referent without
  // running its callback (used when the weakref itself is garbage).
  void (*weakref_detach)(ObjectHead* weakref) = nullptr;
  // For kIsWeakRef types: runs the callback as callback(weakref); errors are the object
  // model's to report (CPython: PyErr_WriteUnraisable).
  void (*weakref_call_callback)(ObjectHead* weakref) = nullptr;
  // For diagnostics (DEBUG_COLLECTABLE output).
  const char* name = "object";
};

// Reference counting helpers for the collector and for toy object models.
inline void Incref(ObjectHead* o) { ++o->refcount; }
inline void Decref(ObjectHead* o) {
  if (--o->refcount == 0) o->type->dealloc(o);
}

// The header in front of a container, and back.
[[nodiscard]] inline GcHeader* HeaderOf(ObjectHead* o) {
  return reinterpret_cast<GcHeader*>(o) - 1;
}
[[nodiscard]] inline const GcHeader* HeaderOf(const ObjectHead* o) {
  return reinterpret_cast<const GcHeader*>(o) - 1;
}
[[nodiscard]] inline ObjectHead* ObjectOf(GcHeader* h) {
  return reinterpret_cast<ObjectHead*>(h + 1);
}

// gc.DEBUG_* flags (same values as CPython).
inline constexpr unsigned kDebugStats = 1;
inline constexpr unsigned kDebugCollectable = 2;
inline constexpr unsigned kDebugUncollectable = 4;
inline constexpr unsigned kDebugSaveAll = 32;
inline constexpr unsigned kDebugLeak = kDebugCollectable | kDebugUncollectable | kDebugSaveAll;

// Number of generations (gc.get_count() has three entries).
inline constexpr int kNumGenerations = 3;
// CPython's default thresholds: 700 allocations, then 10 and 10 collections.
inline constexpr std::array<int, kNumGenerations> kDefaultThresholds = {700, 10, 10};
// A full collection waits until long-lived pending objects exceed this fraction
// (1/kLongLivedDivisor) of the long-lived total, keeping full collections amortised
// linear when many long-lived objects are created (CPython's 25% rule).
inline constexpr size_t kLongLivedDivisor = 4;
// Deallocation chains deeper than this are deferred by the trashcan (CPython: 50).
inline constexpr int kTrashcanDepth = 50;

// gc.get_stats() entry for one generation.
struct GenerationStats {
  size_t collections = 0;
  size_t collected = 0;
  size_t uncollectable = 0;
};

// Callback phase and info dict of gc.callbacks.
enum class Phase { kStart, kStop };
struct CallbackInfo {
  int generation = 0;
  size_t collected = 0;      // 0 in the start phase
  size_t uncollectable = 0;  // 0 in the start phase
};
using Callback = std::function<void(Phase, const CallbackInfo&)>;

// The collector. Owns the generation lists and the garbage list; not the objects.
class Collector {
 public:
  // A collector whose containers come from `allocator` (which must outlive it).
  explicit Collector(memory::Allocator& allocator = memory::DefaultAllocator());
  // Untracks every object still tracked (their memory belongs to the object model) and
  // drops the references held by garbage().
  ~Collector();
  Collector(const Collector&) = delete;
  Collector& operator=(const Collector&) = delete;

  // --- allocation (CPython's _PyObject_GC_New / PyObject_GC_Del) ---
  // Memory for a container whose ObjectHead-based part is `object_size` bytes, with an
  // untracked gc header in front. Counts an allocation in generation 0 and may run an
  // automatic collection first. Returns nullptr when out of memory. The object's bytes
  // are uninitialised.
  [[nodiscard]] ObjectHead* NewObject(size_t object_size);
  // Resizes an untracked container (CPython's _PyObject_GC_Resize); nullptr on failure
  // (the old object is then untouched).
  [[nodiscard]] ObjectHead* ResizeObject(ObjectHead* o, size_t object_size);
  // Frees a container from NewObject (untracking it if needed) and uncounts it.
  void DeleteObject(ObjectHead* o);

  // --- tracking ---
  // Puts a fully initialised, untracked container into generation 0.
  void Track(ObjectHead* o);
  // Removes a container from its generation list; a no-op if it is not tracked.
  static void Untrack(ObjectHead* o);
  // gc.is_tracked().
  [[nodiscard]] static bool IsTracked(const ObjectHead* o) { return HeaderOf(o)->next != 0; }
  // gc.is_finalized(): whether the PEP 442 finalizer has run.
  [[nodiscard]] static bool IsFinalized(const ObjectHead* o) {
    return (HeaderOf(o)->prev & kFinalized) != 0;
  }
  // For the object model's dealloc: runs type->finalize once (if set and not yet run)
  // with the refcount temporarily 1. Returns true if the finalizer resurrected the object
  // (the dealloc must then stop without freeing it).
  [[nodiscard]] static bool CallFinalizerFromDealloc(ObjectHead* o);

  // --- the gc module ---
  void Enable() { enabled_ = true; }                        // gc.enable()
  void Disable() { enabled_ = false; }                      // gc.disable()
  [[nodiscard]] bool IsEnabled() const { return enabled_; }  // gc.isenabled()
  // gc.collect(generation): collects generations 0..generation and returns the number of
  // unreachable objects found (collected + uncollectable). Returns 0 if a collection is
  // already running or generation is outside 0..2 (the gc module raises ValueError
  // for the latter before calling).
  size_t Collect(int generation = kNumGenerations - 1);
  // gc.get_count(): allocations minus deallocations since the last generation-0
  // collection, and collections of the next younger generation for 1 and 2.
  [[nodiscard]] std::array<int, kNumGenerations> GetCount() const;
  // gc.get_threshold() / gc.set_threshold(). A threshold0 of 0 disables automatic
  // collection. Negative values leave a threshold unchanged.
  [[nodiscard]] std::array<int, kNumGenerations> GetThreshold() const;
  void SetThreshold(int threshold0, int threshold1 = -1, int threshold2 = -1);
  // gc.get_stats().
  [[nodiscard]] std::array<GenerationStats, kNumGenerations> GetStats() const {
    return stats_;
  }
  // gc.freeze(): moves every tracked object to the permanent generation, which
  // collections ignore. gc.unfreeze() moves them back into the oldest generation.
  void Freeze();
  void Unfreeze();
  // gc.get_freeze_count().
  [[nodiscard]] size_t GetFreezeCount() const;
  // gc.set_debug() / gc.get_debug() (kDebug* flags; kDebugStats and kDebugCollectable /
  // kDebugUncollectable print to stderr, kDebugSaveAll keeps all garbage in garbage()).
  void SetDebug(unsigned flags) { debug_ = flags; }
  [[nodiscard]] unsigned GetDebug() const { return debug_; }
  // gc.get_objects(generation): borrowed pointers to the tracked objects of one
  // generation, or of all three if generation is -1 (not the permanent one).
  [[nodiscard]] std::vector<ObjectHead*> GetObjects(int generation = -1) const;
  // gc.get_referents(o): what o's traverse reports (borrowed; any type).
  [[nodiscard]] static std::vector<ObjectHead*> GetReferents(ObjectHead* o);
  // gc.get_referrers(*objs): tracked objects whose traverse reports any of `objs`.
  [[nodiscard]] std::vector<ObjectHead*> GetReferrers(std::span<ObjectHead* const> objs) const;
  // gc.callbacks: called with kStart before and kStop after every collection.
  // Returns an id for RemoveCallback.
  int AddCallback(Callback callback);
  void RemoveCallback(int id);
  // gc.garbage: uncollectable objects (legacy finalizers, or all garbage under
  // kDebugSaveAll). The collector holds one reference to each.
  [[nodiscard]] const std::vector<ObjectHead*>& garbage() const { return garbage_; }
  // Empties garbage() and hands its references to the caller.
  [[nodiscard]] std::vector<ObjectHead*> TakeGarbage();
  // True while a collection runs.
  [[nodiscard]] bool collecting() const { return collecting_; }
  // Tracked objects in generation `g` (0..2), or the permanent one (3). O(n).
  [[nodiscard]] size_t GenerationSize(int g) const;

  // --- trashcan (CPython's Py_TRASHCAN_BEGIN/END) ---
  // Bounds the C stack used by chains of deallocations (a 10^6-long list of lists):
  // a dealloc calls TrashcanBegin(o) after untracking o; false means "deferred": return
  // at once, the collector calls type->dealloc(o) again later. Otherwise finish and call
  // TrashcanEnd(). Deferred objects are chained through their (unused) gc header.
  [[nodiscard]] bool TrashcanBegin(ObjectHead* o);
  void TrashcanEnd();

 private:
  struct Generation {
    GcHeader head;
    int threshold;
    int count;
  };

  // The rest of NewObject's check once generation 0 went over its threshold.
  void CollectOnAllocationSlow();
  void CollectGenerations();
  size_t CollectWithCallbacks(int generation);
  size_t CollectMain(int generation, size_t* uncollectable);
  void RunCallbacks(Phase phase, const CallbackInfo& info);
  size_t HandleWeakrefs(GcHeader* unreachable);
  void FinalizeGarbage(GcHeader* unreachable);
  void DeleteGarbage(GcHeader* collectable, GcHeader* old);
  void HandleLegacyFinalizers(GcHeader* finalizers, GcHeader* old);

  memory::Allocator& allocator_;
  std::array<Generation, kNumGenerations> generations_;
  GcHeader permanent_;
  std::array<GenerationStats, kNumGenerations> stats_{};
  std::vector<ObjectHead*> garbage_;
  std::vector<std::pair<int, Callback>> callbacks_;
  int next_callback_id_ = 1;
  size_t long_lived_total_ = 0;
  size_t long_lived_pending_ = 0;
  bool enabled_ = true;
  bool collecting_ = false;
  bool user_code_ran_ = false;  // a finalizer or weakref callback ran in this collection
  unsigned debug_ = 0;
  int trash_depth_ = 0;
  bool trash_draining_ = false;
  GcHeader* trash_list_ = nullptr;
};

// --- inline fast paths (every container allocation and deallocation) -------------------

inline ObjectHead* Collector::NewObject(size_t object_size) {
  void* mem = allocator_.Allocate(sizeof(GcHeader) + object_size);
  if (mem == nullptr) [[unlikely]] return nullptr;
  auto* h = static_cast<GcHeader*>(mem);
  h->next = 0;
  h->prev = 0;
  Generation& g0 = generations_[0];
  if (++g0.count > g0.threshold) [[unlikely]] CollectOnAllocationSlow();
  return ObjectOf(h);
}

inline void Collector::Untrack(ObjectHead* o) {
  GcHeader* h = HeaderOf(o);
  if (h->next == 0) return;
  auto* prev = reinterpret_cast<GcHeader*>(h->prev & ~kPrevFlagMask);
  auto* next = reinterpret_cast<GcHeader*>(h->next);
  prev->next = h->next;
  next->prev = (next->prev & kPrevFlagMask) | reinterpret_cast<uintptr_t>(prev);
  h->next = 0;
  h->prev &= kFinalized;
}

inline void Collector::DeleteObject(ObjectHead* o) {
  GcHeader* h = HeaderOf(o);
  if (h->next != 0) Untrack(o);
  if (generations_[0].count > 0) --generations_[0].count;
  allocator_.Free(h);
}

inline void Collector::Track(ObjectHead* o) {
  GcHeader* h = HeaderOf(o);
  GcHeader* list = &generations_[0].head;
  auto* last = reinterpret_cast<GcHeader*>(list->prev & ~kPrevFlagMask);
  last->next = reinterpret_cast<uintptr_t>(h);
  h->prev = (h->prev & kFinalized) | reinterpret_cast<uintptr_t>(last);
  h->next = reinterpret_cast<uintptr_t>(list);
  list->prev = reinterpret_cast<uintptr_t>(h);
}

}  // namespace pyrt::gc

#endif  // PYRT_GC_COLLECTOR_H_

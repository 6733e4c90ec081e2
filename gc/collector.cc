// collector.cc — generation lists, the collection algorithm and the gc-module API.
// collector.h explains the header layout and the steps of a collection.
#include "gc/collector.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <unordered_set>

namespace pyrt::gc {

// --- List primitives ---------------------------------------------------------------------
//
// Lists are circular with a sentinel GcHeader whose flags are always clear. Operations
// that rewrite a prev word keep its flag bits (kFinalized, kCollecting).

namespace {

inline GcHeader* Next(const GcHeader* h) { return reinterpret_cast<GcHeader*>(h->next); }
inline GcHeader* Prev(const GcHeader* h) {
  return reinterpret_cast<GcHeader*>(h->prev & ~kPrevFlagMask);
}
inline void SetNext(GcHeader* h, GcHeader* n) { h->next = reinterpret_cast<uintptr_t>(n); }
inline void SetPrev(GcHeader* h, GcHeader* p) {
  h->prev = (h->prev & kPrevFlagMask) | reinterpret_cast<uintptr_t>(p);
}

void ListInit(GcHeader* list) {
  list->next = list->prev = reinterpret_cast<uintptr_t>(list);
}
bool ListEmpty(const GcHeader* list) { return Next(list) == list; }

void ListAppend(GcHeader* node, GcHeader* list) {
  GcHeader* last = Prev(list);
  SetNext(last, node);
  SetPrev(node, last);
  SetNext(node, list);
  list->prev = reinterpret_cast<uintptr_t>(node);
}

void ListMove(GcHeader* node, GcHeader* list) {
  GcHeader* prev = Prev(node);
  GcHeader* next = Next(node);
  SetNext(prev, next);
  SetPrev(next, prev);
  ListAppend(node, list);
}

// Appends all of `from` to `to`; `from` becomes empty.
void ListMerge(GcHeader* from, GcHeader* to) {
  if (ListEmpty(from)) return;
  GcHeader* to_tail = Prev(to);
  GcHeader* from_head = Next(from);
  GcHeader* from_tail = Prev(from);
  SetNext(to_tail, from_head);
  SetPrev(from_head, to_tail);
  SetNext(from_tail, to);
  to->prev = reinterpret_cast<uintptr_t>(from_tail);
  ListInit(from);
}

size_t ListSize(const GcHeader* list) {
  size_t n = 0;
  for (const GcHeader* h = Next(list); h != list; h = Next(h)) ++n;
  return n;
}

// --- gc_refs and flags ---------------------------------------------------------------------

inline bool IsCollecting(const GcHeader* h) { return (h->prev & kCollecting) != 0; }
inline void ClearCollecting(GcHeader* h) { h->prev &= ~kCollecting; }
inline intptr_t Refs(const GcHeader* h) { return static_cast<intptr_t>(h->prev >> kRefsShift); }
inline void SetRefs(GcHeader* h, intptr_t refs) {
  h->prev = (h->prev & kPrevFlagMask) | (static_cast<uintptr_t>(refs) << kRefsShift);
}
// gc_refs := refcount, and mark as in the generation being collected.
inline void ResetRefs(GcHeader* h, intptr_t refcount) {
  h->prev = (h->prev & kFinalized) | kCollecting | (static_cast<uintptr_t>(refcount) << kRefsShift);
}
inline void DecrementRefs(GcHeader* h) { h->prev -= uintptr_t{1} << kRefsShift; }

inline bool IsGc(const ObjectHead* o) { return (o->type->flags & kHasGc) != 0; }

void ClearCollectingFlags(GcHeader* list) {
  for (GcHeader* h = Next(list); h != list; h = Next(h)) ClearCollecting(h);
}

// --- The three passes of deduce_unreachable ------------------------------------------------

// Step 1: gc_refs := refcount for every object in `young`, with kCollecting set.
void UpdateRefs(GcHeader* young) {
  for (GcHeader* h = Next(young); h != young; h = Next(h)) {
    const ObjectHead* o = ObjectOf(h);
    // A tracked object with refcount 0 is being deallocated and must not be on a list.
    assert(o->refcount > 0 && "tracked object with refcount 0");
    ResetRefs(h, o->refcount);
  }
}

int VisitDecref(ObjectHead* referent, void*) {
  if (IsGc(referent)) {
    GcHeader* h = HeaderOf(referent);
    if (IsCollecting(h)) DecrementRefs(h);
  }
  return 0;
}

// Step 2: subtract references that come from inside `young`.
void SubtractRefs(GcHeader* young) {
  for (GcHeader* h = Next(young); h != young; h = Next(h)) {
    ObjectHead* o = ObjectOf(h);
    o->type->traverse(o, VisitDecref, nullptr);
  }
}

// Step 3's visitor: `referent` is reachable from an object already known reachable.
int VisitReachable(ObjectHead* referent, void* arg) {
  if (!IsGc(referent)) return 0;
  GcHeader* h = HeaderOf(referent);
  // Objects of other generations, and objects already scanned (their kCollecting is
  // cleared once move_unreachable passes them), need nothing.
  if (!IsCollecting(h)) return 0;
  auto* young = static_cast<GcHeader*>(arg);
  if ((h->next & kNextUnreachable) != 0) {
    // Tentatively unreachable, but reachable after all: unlink it from the unreachable
    // list by hand (its neighbours' next words carry kNextUnreachable) and put it at
    // the end of young, where the scan will reach it again.
    GcHeader* prev = Prev(h);
    GcHeader* next = reinterpret_cast<GcHeader*>(h->next & ~kNextUnreachable);
    prev->next = h->next;  // keeps prev's kNextUnreachable bit (true of any list member)
    SetPrev(next, prev);
    ListAppend(h, young);
    SetRefs(h, 1);
  } else if (Refs(h) == 0) {
    // Still ahead of the scan: just mark it reachable.
    SetRefs(h, 1);
  }
  return 0;
}

// Step 3: splits `young` into reachable (stays) and unreachable (moved, with
// kNextUnreachable set on every next word of the unreachable list except the head's).
// While it runs, young is singly linked: prev words hold gc_refs and are rebuilt
// (pointing at `prev`) as the scan passes each reachable object.
void MoveUnreachable(GcHeader* young, GcHeader* unreachable) {
  GcHeader* prev = young;
  GcHeader* h = Next(young);
  while (h != young) {
    if (Refs(h) != 0) {
      ObjectHead* o = ObjectOf(h);
      // May append to young (changing h->next), so read h->next only afterwards.
      o->type->traverse(o, VisitReachable, young);
      SetPrev(h, prev);
      ClearCollecting(h);
      prev = h;
    } else {
      // Tentatively unreachable: move to the tail of `unreachable`.
      prev->next = h->next;
      GcHeader* last = Prev(unreachable);
      // Setting the flag on the head's next word too is harmless; it is cleared below.
      last->next = kNextUnreachable | reinterpret_cast<uintptr_t>(h);
      SetPrev(h, last);
      h->next = kNextUnreachable | reinterpret_cast<uintptr_t>(unreachable);
      unreachable->prev = reinterpret_cast<uintptr_t>(h);
    }
    h = Next(prev);
  }
  young->prev = reinterpret_cast<uintptr_t>(prev);
  unreachable->next &= ~kNextUnreachable;
}

void ClearUnreachableMask(GcHeader* list) {
  for (GcHeader* h = Next(list); h != list; h = Next(h)) h->next &= ~kNextUnreachable;
}

// Steps 1-3: leaves reachable objects in `young` (kCollecting clear) and moves the rest
// to `unreachable` (kCollecting set, kNextUnreachable still set).
void DeduceUnreachable(GcHeader* young, GcHeader* unreachable) {
  UpdateRefs(young);
  SubtractRefs(young);
  MoveUnreachable(young, unreachable);
}

// --- Legacy finalizers ---------------------------------------------------------------------

// Moves objects with legacy finalizers from `unreachable` to `finalizers`, and clears
// kNextUnreachable on everything in `unreachable`.
void MoveLegacyFinalizers(GcHeader* unreachable, GcHeader* finalizers) {
  GcHeader* h = Next(unreachable);
  while (h != unreachable) {
    h->next &= ~kNextUnreachable;
    GcHeader* next = Next(h);
    if ((ObjectOf(h)->type->flags & kHasLegacyFinalizer) != 0) {
      ClearCollecting(h);
      ListMove(h, finalizers);
    }
    h = next;
  }
}

int VisitMove(ObjectHead* referent, void* arg) {
  if (!IsGc(referent)) return 0;
  GcHeader* h = HeaderOf(referent);
  if (IsCollecting(h)) {
    ListMove(h, static_cast<GcHeader*>(arg));
    ClearCollecting(h);
  }
  return 0;
}

// Everything reachable from a legacy finalizer is uncollectable too. The list grows as
// the loop runs, so this is a breadth-first walk with no recursion.
void MoveLegacyFinalizerReachable(GcHeader* finalizers) {
  for (GcHeader* h = Next(finalizers); h != finalizers; h = Next(h)) {
    ObjectHead* o = ObjectOf(h);
    o->type->traverse(o, VisitMove, finalizers);
  }
}

}  // namespace

// --- Construction ----------------------------------------------------------------------------

Collector::Collector(memory::Allocator& allocator) : allocator_(allocator) {
  for (int i = 0; i < kNumGenerations; ++i) {
    ListInit(&generations_[i].head);
    generations_[i].threshold = kDefaultThresholds[i];
    generations_[i].count = 0;
  }
  ListInit(&permanent_);
}

Collector::~Collector() {
  auto untrack_all = [](GcHeader* list) {
    GcHeader* h = Next(list);
    while (h != list) {
      GcHeader* next = Next(h);
      h->next = 0;
      h->prev &= kFinalized;
      h = next;
    }
    ListInit(list);
  };
  for (Generation& g : generations_) untrack_all(&g.head);
  untrack_all(&permanent_);
  for (ObjectHead* o : TakeGarbage()) Decref(o);
}

// --- Allocation and tracking ------------------------------------------------------------------

ObjectHead* Collector::ResizeObject(ObjectHead* o, size_t object_size) {
  assert(!IsTracked(o));
  void* mem = allocator_.Reallocate(HeaderOf(o), sizeof(GcHeader) + object_size);
  if (mem == nullptr) return nullptr;
  return ObjectOf(static_cast<GcHeader*>(mem));
}

bool Collector::CallFinalizerFromDealloc(ObjectHead* o) {
  if (o->type->finalize == nullptr || IsFinalized(o)) return false;
  assert(o->refcount == 0);
  o->refcount = 1;
  HeaderOf(o)->prev |= kFinalized;
  o->type->finalize(o);
  return --o->refcount != 0;
}

void Collector::CollectOnAllocationSlow() {
  const Generation& g0 = generations_[0];
  if (g0.count > g0.threshold && enabled_ && g0.threshold != 0 && !collecting_) {
    CollectGenerations();
  }
}

// CPython's gc_collect_generations: collect the oldest generation over its threshold,
// except that a full collection also needs long-lived pending > 25% of long-lived total.
void Collector::CollectGenerations() {
  for (int i = kNumGenerations - 1; i >= 0; --i) {
    if (generations_[i].count > generations_[i].threshold) {
      if (i == kNumGenerations - 1 &&
          long_lived_pending_ < long_lived_total_ / kLongLivedDivisor) {
        continue;
      }
      CollectWithCallbacks(i);
      break;
    }
  }
}

// --- A collection -------------------------------------------------------------------------------

size_t Collector::Collect(int generation) {
  if (generation < 0 || generation >= kNumGenerations || collecting_) return 0;
  return CollectWithCallbacks(generation);
}

void Collector::RunCallbacks(Phase phase, const CallbackInfo& info) {
  if (callbacks_.empty()) return;
  // Copy: a callback may add or remove callbacks.
  const std::vector<std::pair<int, Callback>> snapshot = callbacks_;
  for (const auto& [id, cb] : snapshot) cb(phase, info);
}

size_t Collector::CollectWithCallbacks(int generation) {
  collecting_ = true;
  RunCallbacks(Phase::kStart, CallbackInfo{generation, 0, 0});
  size_t uncollectable = 0;
  const size_t collected = CollectMain(generation, &uncollectable);
  RunCallbacks(Phase::kStop, CallbackInfo{generation, collected, uncollectable});
  collecting_ = false;
  return collected + uncollectable;
}

// Weak references to unreachable objects are cleared; those with callbacks whose weakref
// object is itself reachable have the callback run. Returns how many of those weakrefs
// were freed when the collector dropped its reference after the callback.
size_t Collector::HandleWeakrefs(GcHeader* unreachable) {
  std::vector<ObjectHead*> to_call;
  auto found = [](ObjectHead* wr, void* arg) {
    // A weakref that is itself garbage never runs its callback: the callback could
    // see other garbage. (Garbage weakrefs were detached below; this is a backstop.)
    if (IsGc(wr) && IsCollecting(HeaderOf(wr))) return;
    Incref(wr);
    static_cast<std::vector<ObjectHead*>*>(arg)->push_back(wr);
  };
  for (GcHeader* h = Next(unreachable); h != unreachable; h = Next(h)) {
    ObjectHead* o = ObjectOf(h);
    // A weakref that is garbage is detached first, so that neither clearing its
    // referent below nor clear() later can run its callback.
    if ((o->type->flags & kIsWeakRef) != 0) o->type->weakref_detach(o);
    if (o->type->clear_weakrefs != nullptr) o->type->clear_weakrefs(o, found, &to_call);
  }
  // No garbage is reachable from these weakrefs or their callbacks any more, so user
  // code can run now.
  size_t freed = 0;
  if (!to_call.empty()) user_code_ran_ = true;
  for (ObjectHead* wr : to_call) {
    wr->type->weakref_call_callback(wr);
    if (wr->refcount == 1) ++freed;
    Decref(wr);
  }
  return freed;
}

// Runs each PEP 442 finalizer once. Objects move to a side list before their finalizer
// runs, so a finalizer that frees other unreachable objects cannot break the walk.
void Collector::FinalizeGarbage(GcHeader* unreachable) {
  GcHeader seen;
  ListInit(&seen);
  while (!ListEmpty(unreachable)) {
    GcHeader* h = Next(unreachable);
    ListMove(h, &seen);
    ObjectHead* o = ObjectOf(h);
    if ((h->prev & kFinalized) == 0 && o->type->finalize != nullptr) {
      h->prev |= kFinalized;
      user_code_ran_ = true;
      Incref(o);
      o->type->finalize(o);
      Decref(o);
    }
  }
  ListMerge(&seen, unreachable);
}

// Breaks the cycles: clear() on each object, holding a reference so it survives its own
// clear(); whatever is still alive afterwards moves to `old`.
void Collector::DeleteGarbage(GcHeader* collectable, GcHeader* old) {
  while (!ListEmpty(collectable)) {
    GcHeader* h = Next(collectable);
    ObjectHead* o = ObjectOf(h);
    if ((debug_ & kDebugSaveAll) != 0) {
      Incref(o);
      garbage_.push_back(o);
    } else if (o->type->clear != nullptr) {
      Incref(o);
      o->type->clear(o);
      Decref(o);
    }
    if (Next(collectable) == h) {  // still alive (and still first): keep it
      ClearCollecting(h);
      ListMove(h, old);
    }
  }
}

void Collector::HandleLegacyFinalizers(GcHeader* finalizers, GcHeader* old) {
  for (GcHeader* h = Next(finalizers); h != finalizers; h = Next(h)) {
    ObjectHead* o = ObjectOf(h);
    if ((debug_ & kDebugSaveAll) != 0 || (o->type->flags & kHasLegacyFinalizer) != 0) {
      Incref(o);
      garbage_.push_back(o);
    }
  }
  ListMerge(finalizers, old);
}

size_t Collector::CollectMain(int generation, size_t* uncollectable_out) {
  if ((debug_ & kDebugStats) != 0) {
    std::fprintf(stderr, "gc: collecting generation %d...\n", generation);
  }
  // Allocation counters: this collection counts toward the next generation.
  if (generation + 1 < kNumGenerations) ++generations_[generation + 1].count;
  for (int i = 0; i <= generation; ++i) generations_[i].count = 0;

  // Merge the younger generations into the one being collected.
  for (int i = 0; i < generation; ++i) ListMerge(&generations_[i].head, &generations_[generation].head);
  GcHeader* young = &generations_[generation].head;
  GcHeader* old = generation + 1 < kNumGenerations ? &generations_[generation + 1].head : young;

  GcHeader unreachable;
  ListInit(&unreachable);
  DeduceUnreachable(young, &unreachable);

  // Survivors age by one generation.
  if (young != old) {
    if (generation == kNumGenerations - 2) long_lived_pending_ += ListSize(young);
    ListMerge(young, old);
  } else {
    long_lived_pending_ = 0;
    long_lived_total_ = ListSize(young);
  }

  // Legacy finalizers, and everything they reach, are uncollectable.
  GcHeader finalizers;
  ListInit(&finalizers);
  MoveLegacyFinalizers(&unreachable, &finalizers);
  MoveLegacyFinalizerReachable(&finalizers);

  if ((debug_ & kDebugCollectable) != 0) {
    for (GcHeader* h = Next(&unreachable); h != &unreachable; h = Next(h)) {
      std::fprintf(stderr, "gc: collectable <%s %p>\n", ObjectOf(h)->type->name,
                   static_cast<void*>(ObjectOf(h)));
    }
  }

  user_code_ran_ = false;
  size_t collected = HandleWeakrefs(&unreachable);
  FinalizeGarbage(&unreachable);

  // Whatever the finalizers or callbacks resurrected (and all it reaches) survives in
  // `old`. If no finalizer or callback ran, nothing can have been resurrected and the
  // three passes are skipped (CPython 3.11 always runs them).
  GcHeader final_unreachable;
  ListInit(&final_unreachable);
  if (user_code_ran_) {
    ClearCollectingFlags(&unreachable);
    DeduceUnreachable(&unreachable, &final_unreachable);
    ClearUnreachableMask(&final_unreachable);
    ListMerge(&unreachable, old);
  } else {
    ListMerge(&unreachable, &final_unreachable);
  }

  collected += ListSize(&final_unreachable);
  DeleteGarbage(&final_unreachable, old);

  size_t uncollectable = 0;
  for (GcHeader* h = Next(&finalizers); h != &finalizers; h = Next(h)) {
    ++uncollectable;
    if ((debug_ & kDebugUncollectable) != 0) {
      std::fprintf(stderr, "gc: uncollectable <%s %p>\n", ObjectOf(h)->type->name,
                   static_cast<void*>(ObjectOf(h)));
    }
  }
  HandleLegacyFinalizers(&finalizers, old);

  if ((debug_ & kDebugStats) != 0) {
    std::fprintf(stderr, "gc: done, %zu unreachable, %zu uncollectable\n",
                 collected + uncollectable, uncollectable);
  }
  GenerationStats& s = stats_[generation];
  ++s.collections;
  s.collected += collected;
  s.uncollectable += uncollectable;
  *uncollectable_out = uncollectable;
  return collected;
}

// --- The rest of the gc module ------------------------------------------------------------------

std::array<int, kNumGenerations> Collector::GetCount() const {
  return {generations_[0].count, generations_[1].count, generations_[2].count};
}

std::array<int, kNumGenerations> Collector::GetThreshold() const {
  return {generations_[0].threshold, generations_[1].threshold, generations_[2].threshold};
}

void Collector::SetThreshold(int threshold0, int threshold1, int threshold2) {
  const int t[kNumGenerations] = {threshold0, threshold1, threshold2};
  for (int i = 0; i < kNumGenerations; ++i) {
    if (t[i] >= 0) generations_[i].threshold = t[i];
  }
}

void Collector::Freeze() {
  for (Generation& g : generations_) ListMerge(&g.head, &permanent_);
  generations_[0].count = 0;
}

void Collector::Unfreeze() { ListMerge(&permanent_, &generations_[kNumGenerations - 1].head); }

size_t Collector::GetFreezeCount() const { return ListSize(&permanent_); }

size_t Collector::GenerationSize(int g) const {
  if (g == kNumGenerations) return ListSize(&permanent_);
  if (g < 0 || g >= kNumGenerations) return 0;
  return ListSize(&generations_[g].head);
}

std::vector<ObjectHead*> Collector::GetObjects(int generation) const {
  std::vector<ObjectHead*> out;
  for (int i = 0; i < kNumGenerations; ++i) {
    if (generation != -1 && generation != i) continue;
    const GcHeader* list = &generations_[i].head;
    for (GcHeader* h = Next(list); h != list; h = Next(h)) out.push_back(ObjectOf(h));
  }
  return out;
}

std::vector<ObjectHead*> Collector::GetReferents(ObjectHead* o) {
  std::vector<ObjectHead*> out;
  if (o->type->traverse == nullptr) return out;
  o->type->traverse(
      o,
      [](ObjectHead* r, void* arg) {
        static_cast<std::vector<ObjectHead*>*>(arg)->push_back(r);
        return 0;
      },
      &out);
  return out;
}

std::vector<ObjectHead*> Collector::GetReferrers(std::span<ObjectHead* const> objs) const {
  std::unordered_set<const ObjectHead*> targets(objs.begin(), objs.end());
  std::vector<ObjectHead*> out;
  struct Ctx {
    const std::unordered_set<const ObjectHead*>* targets;
  } ctx{&targets};
  for (int i = 0; i < kNumGenerations; ++i) {
    const GcHeader* list = &generations_[i].head;
    for (GcHeader* h = Next(list); h != list; h = Next(h)) {
      ObjectHead* o = ObjectOf(h);
      const int hit = o->type->traverse(
          o,
          [](ObjectHead* r, void* arg) {
            return static_cast<Ctx*>(arg)->targets->count(r) != 0 ? 1 : 0;
          },
          &ctx);
      if (hit != 0) out.push_back(o);
    }
  }
  return out;
}

int Collector::AddCallback(Callback callback) {
  const int id = next_callback_id_++;
  callbacks_.emplace_back(id, std::move(callback));
  return id;
}

void Collector::RemoveCallback(int id) {
  std::erase_if(callbacks_, [id](const auto& entry) { return entry.first == id; });
}

std::vector<ObjectHead*> Collector::TakeGarbage() {
  std::vector<ObjectHead*> out;
  out.swap(garbage_);
  return out;
}

// --- Trashcan ------------------------------------------------------------------------------------

bool Collector::TrashcanBegin(ObjectHead* o) {
  if (trash_depth_ >= kTrashcanDepth) {
    GcHeader* h = HeaderOf(o);
    assert(h->next == 0 && "untrack before TrashcanBegin");
    h->next = reinterpret_cast<uintptr_t>(trash_list_);
    // The chain must not look like "tracked" when it ends: tag with the unreachable bit
    // so that even a null successor leaves next nonzero.
    h->next |= kNextUnreachable;
    trash_list_ = h;
    return false;
  }
  ++trash_depth_;
  return true;
}

void Collector::TrashcanEnd() {
  --trash_depth_;
  if (trash_depth_ != 0 || trash_draining_) return;
  trash_draining_ = true;
  while (trash_list_ != nullptr) {
    GcHeader* h = trash_list_;
    trash_list_ = reinterpret_cast<GcHeader*>(h->next & ~kNextUnreachable);
    h->next = 0;
    ObjectHead* o = ObjectOf(h);
    o->type->dealloc(o);
  }
  trash_draining_ = false;
}

}  // namespace pyrt::gc

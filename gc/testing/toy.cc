// toy.cc — the toy object model's type hooks (see toy.h).
#include "gc/testing/toy.h"

#include <new>
#include <utility>

namespace pyrt::gc_testing {

using gc::Collector;
using gc::Decref;
using gc::Incref;

namespace {

// --- Node ---

int NodeTraverse(ObjectHead* self, gc::VisitFn visit, void* arg) {
  for (ObjectHead* r : World::AsNode(self)->refs) {
    if (int err = visit(r, arg)) return err;
  }
  return 0;
}

void NodeClear(ObjectHead* self) {
  std::vector<ObjectHead*> refs = std::move(World::AsNode(self)->refs);
  World::AsNode(self)->refs.clear();
  for (ObjectHead* r : refs) Decref(r);
}

void RunCallback(WeakRef* wr) {
  World* w = wr->world;
  w->callbacks.push_back(wr->id);
  if (w->on_callback) w->on_callback(wr);
  if (ObjectHead* cb = std::exchange(wr->callback, nullptr)) Decref(cb);
}

void NodeFinalize(ObjectHead* self) {
  Node* n = World::AsNode(self);
  n->world->finalized.push_back(n->id);
  if (n->world->on_finalize) n->world->on_finalize(n);
  if (n->resurrect) {
    Incref(self);
    n->world->roots.push_back(self);
  }
}

void NodeDealloc(ObjectHead* self) {
  Node* n = World::AsNode(self);
  World* w = n->world;
  if (Collector::CallFinalizerFromDealloc(self)) return;  // resurrected
  Collector::Untrack(self);
  if (!w->gc.TrashcanBegin(self)) return;
  // Refcount death: clear weak references and run their callbacks (CPython's
  // PyObject_ClearWeakRefs), holding each weakref alive during its callback.
  std::vector<ObjectHead*> weakrefs = std::move(n->weakrefs);
  for (ObjectHead* o : weakrefs) World::AsWeakRef(o)->referent = nullptr;
  for (ObjectHead* o : weakrefs) {
    WeakRef* wr = World::AsWeakRef(o);
    if (wr->callback != nullptr) {
      Incref(o);
      RunCallback(wr);
      Decref(o);
    }
  }
  w->deallocated.push_back(n->id);
  std::vector<ObjectHead*> refs = std::move(n->refs);
  n->~Node();
  w->gc.DeleteObject(self);
  --w->live;
  for (ObjectHead* r : refs) Decref(r);
  w->gc.TrashcanEnd();
}

void NodeClearWeakrefs(ObjectHead* self, gc::WeakrefFoundFn found, void* arg) {
  std::vector<ObjectHead*> weakrefs = std::move(World::AsNode(self)->weakrefs);
  World::AsNode(self)->weakrefs.clear();
  for (ObjectHead* o : weakrefs) {
    WeakRef* wr = World::AsWeakRef(o);
    wr->referent = nullptr;
    if (wr->callback != nullptr) found(o, arg);
  }
}

// --- WeakRef ---

void WeakRefDetach(ObjectHead* self) {
  WeakRef* wr = World::AsWeakRef(self);
  if (wr->referent == nullptr) return;
  std::vector<ObjectHead*>& list = World::AsNode(wr->referent)->weakrefs;
  std::erase(list, self);
  wr->referent = nullptr;
}

int WeakRefTraverse(ObjectHead* self, gc::VisitFn visit, void* arg) {
  WeakRef* wr = World::AsWeakRef(self);
  return wr->callback != nullptr ? visit(wr->callback, arg) : 0;
}

void WeakRefClear(ObjectHead* self) {
  WeakRefDetach(self);
  if (ObjectHead* cb = std::exchange(World::AsWeakRef(self)->callback, nullptr)) Decref(cb);
}

void WeakRefCallCallback(ObjectHead* self) { RunCallback(World::AsWeakRef(self)); }

void WeakRefDealloc(ObjectHead* self) {
  WeakRef* wr = World::AsWeakRef(self);
  World* w = wr->world;
  Collector::Untrack(self);
  WeakRefDetach(self);
  ObjectHead* cb = wr->callback;
  wr->~WeakRef();
  w->gc.DeleteObject(self);
  --w->live;
  if (cb != nullptr) Decref(cb);
}

// --- Leaf ---

void LeafDealloc(ObjectHead* self) {
  World* w = reinterpret_cast<Leaf*>(self)->world;
  reinterpret_cast<Leaf*>(self)->~Leaf();
  w->alloc.Free(self);
  --w->live;
}

gc::TypeHooks MakeNodeType(uint32_t extra_flags, bool finalizer, const char* name) {
  gc::TypeHooks t;
  t.flags = gc::kHasGc | extra_flags;
  t.traverse = NodeTraverse;
  t.clear = NodeClear;
  t.finalize = finalizer ? NodeFinalize : nullptr;
  t.dealloc = NodeDealloc;
  t.clear_weakrefs = NodeClearWeakrefs;
  t.name = name;
  return t;
}

gc::TypeHooks MakeWeakRefType() {
  gc::TypeHooks t;
  t.flags = gc::kHasGc | gc::kIsWeakRef;
  t.traverse = WeakRefTraverse;
  t.clear = WeakRefClear;
  t.dealloc = WeakRefDealloc;
  t.weakref_detach = WeakRefDetach;
  t.weakref_call_callback = WeakRefCallCallback;
  t.name = "weakref";
  return t;
}

gc::TypeHooks MakeLeafType() {
  gc::TypeHooks t;
  t.dealloc = LeafDealloc;
  t.name = "leaf";
  return t;
}

}  // namespace

const gc::TypeHooks kNodeType = MakeNodeType(0, false, "node");
const gc::TypeHooks kFinalizerNodeType = MakeNodeType(0, true, "finalizer_node");
const gc::TypeHooks kLegacyNodeType = MakeNodeType(gc::kHasLegacyFinalizer, false, "legacy_node");
const gc::TypeHooks kWeakRefType = MakeWeakRefType();
const gc::TypeHooks kLeafType = MakeLeafType();

World::World(memory::Mode mode) : alloc(mode), gc(alloc) {}

World::~World() {
  on_callback = nullptr;
  on_finalize = nullptr;
  std::vector<ObjectHead*> r = std::move(roots);
  roots.clear();
  for (ObjectHead* o : r) Decref(o);
  for (ObjectHead* o : gc.TakeGarbage()) Decref(o);
  gc.Collect();
  for (ObjectHead* o : gc.TakeGarbage()) Decref(o);
}

ObjectHead* World::NewNode(Kind kind, int id) {
  ObjectHead* o = gc.NewObject(sizeof(Node));
  const gc::TypeHooks* type = kind == Kind::kPlain       ? &kNodeType
                              : kind == Kind::kFinalizer ? &kFinalizerNodeType
                                                         : &kLegacyNodeType;
  Node* n = ::new (o) Node{ObjectHead{1, type}, this, id < 0 ? next_id++ : id, false, {}, {}};
  ++live;
  gc.Track(&n->head);
  return &n->head;
}

ObjectHead* World::NewWeakRef(ObjectHead* referent, ObjectHead* callback) {
  ObjectHead* o = gc.NewObject(sizeof(WeakRef));
  WeakRef* wr = ::new (o) WeakRef{ObjectHead{1, &kWeakRefType}, this, next_id++, referent, callback};
  if (callback != nullptr) Incref(callback);
  AsNode(referent)->weakrefs.push_back(&wr->head);
  ++live;
  gc.Track(&wr->head);
  return &wr->head;
}

ObjectHead* World::NewLeaf() {
  void* mem = alloc.Allocate(sizeof(Leaf));
  Leaf* l = ::new (mem) Leaf{ObjectHead{1, &kLeafType}, this};
  ++live;
  return &l->head;
}

void World::Link(ObjectHead* from, ObjectHead* to) {
  Incref(to);
  AsNode(from)->refs.push_back(to);
}

void World::Unlink(ObjectHead* from) { NodeClear(from); }

}  // namespace pyrt::gc_testing

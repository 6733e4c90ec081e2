// toy.h — a tiny object model over gc::Collector, for tests and benchmarks only.
//
// It plays the part objects/ will play: nodes (containers holding strong references in a
// vector, like a Python list), weak references with callbacks, and leaves (non-container
// objects without a gc header, like ints). Nodes come in three kinds: plain, with a
// PEP 442 finalizer (which logs and can resurrect the node into World::roots), and with a
// legacy finalizer (uncollectable). Every event is logged in the World so tests can
// check what was finalized, which callbacks ran and what was freed.
#ifndef PYRT_GC_TESTING_TOY_H_
#define PYRT_GC_TESTING_TOY_H_

#include <functional>
#include <vector>

#include "gc/collector.h"
#include "memory/allocator.h"

namespace pyrt::gc_testing {

using gc::ObjectHead;

class World;

enum class Kind { kPlain, kFinalizer, kLegacy };

// A container: a list of strong references.
struct Node {
  ObjectHead head;
  World* world;
  int id;
  bool resurrect;                     // the finalizer stores the node in World::roots
  std::vector<ObjectHead*> refs;      // strong references
  std::vector<ObjectHead*> weakrefs;  // WeakRef objects pointing here (borrowed)
};

// A weak reference; `callback` (a Node or null) is a strong reference.
struct WeakRef {
  ObjectHead head;
  World* world;
  int id;
  ObjectHead* referent;  // borrowed; null once cleared
  ObjectHead* callback;
};

// A non-container (no gc header, never tracked).
struct Leaf {
  ObjectHead head;
  World* world;
};

// Owns an allocator, a collector and the logs. Objects are created with refcount 1
// (owned by the caller) and tracked.
class World {
 public:
  // The default mode is pass-through in sanitizer builds, so ASan sees every object.
  explicit World(memory::Mode mode = memory::DefaultMode());
  ~World();

  ObjectHead* NewNode(Kind kind = Kind::kPlain, int id = -1);
  ObjectHead* NewWeakRef(ObjectHead* referent, ObjectHead* callback);
  ObjectHead* NewLeaf();
  // from.refs.append(to), with a new reference to `to`.
  static void Link(ObjectHead* from, ObjectHead* to);
  // Drops every reference `from` holds.
  static void Unlink(ObjectHead* from);
  static Node* AsNode(ObjectHead* o) { return reinterpret_cast<Node*>(o); }
  static WeakRef* AsWeakRef(ObjectHead* o) { return reinterpret_cast<WeakRef*>(o); }

  memory::Allocator alloc;
  gc::Collector gc;
  std::vector<int> finalized;        // node ids, in finalizer order
  std::vector<int> callbacks;        // weakref ids whose callback ran
  std::vector<int> deallocated;      // node ids
  std::vector<ObjectHead*> roots;    // references held by "the program"
  std::function<void(WeakRef*)> on_callback;  // extra action when a callback runs
  std::function<void(Node*)> on_finalize;     // extra action when a finalizer runs
  size_t live = 0;                   // toy objects allocated and not freed
  int next_id = 0;
};

extern const gc::TypeHooks kNodeType;
extern const gc::TypeHooks kFinalizerNodeType;
extern const gc::TypeHooks kLegacyNodeType;
extern const gc::TypeHooks kWeakRefType;
extern const gc::TypeHooks kLeafType;

}  // namespace pyrt::gc_testing

#endif  // PYRT_GC_TESTING_TOY_H_

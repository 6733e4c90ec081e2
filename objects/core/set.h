// set.h — Python's set and frozenset over //objects/set's SetTable, and their iterator.
//
// A SetObject embeds a SetTable<Value> (CPython's exact table: same probing, dummies and
// resizing, so with PYTHONHASHSEED fixed sets iterate — and print — in CPython's order)
// holding one owned reference per key with its hash. Every operation follows CPython's
// algorithm step for step where the order of insertion is observable (union copies then
// merges; intersection walks the smaller set; difference chooses between copying and
// filtering by size; symmetric_difference is `set(other) ^= self`; the dict fast paths
// reuse the dict's stored hashes), for the same reason.
//
// frozenset caches its hash (CPython 3.11's frozenset_hash: the xor of the shuffled
// entry hashes, mixed with the size). A set key that is itself an unhashable set is
// looked up as a frozenset by `in`, remove() and discard(), as in CPython.
//
// Both types are gc containers. Iterators raise RuntimeError "Set changed size during
// iteration" when the set's size changes under them. The GIL must be held.
#ifndef PYRT_OBJECTS_CORE_SET_H_
#define PYRT_OBJECTS_CORE_SET_H_

#include <cstdint>

#include "objects/core/type.h"
#include "objects/set/set_table.h"

namespace pyrt {

struct SetObject {
  Object head;
  SetTable<Value> table;
  int64_t hash;  // frozenset: cached hash or -1; set: always -1
};

extern TypeObject kSetType;
extern TypeObject kFrozenSetType;
extern TypeObject kSetIteratorType;

// set or frozenset or a subclass of either (PyAnySet_Check).
[[nodiscard]] bool IsAnySet(Value v);
[[nodiscard]] bool IsSet(Value v);        // set or subclass
[[nodiscard]] bool IsFrozenSet(Value v);  // frozenset or subclass
[[nodiscard]] inline SetObject* AsSetObject(Value v) {
  return reinterpret_cast<SetObject*>(v.object());
}

// set(iterable) / frozenset(iterable); iterable may be Value{} for an empty one.
[[nodiscard]] Value NewSet(Value iterable = Value());
[[nodiscard]] Value NewFrozenSet(Value iterable = Value());
[[nodiscard]] inline int64_t SetSize(Value s) {
  return static_cast<int64_t>(AsSetObject(s)->table.size());
}
// set.add(key): 0 or -1 (unhashable, __eq__ error).
[[nodiscard]] int SetAdd(Value s, Value key);
// key in s: 0/1/-1.
[[nodiscard]] int SetContains(Value s, Value key);
// s.discard(key): 1 if removed, 0 if absent, -1 on error.
[[nodiscard]] int SetDiscard(Value s, Value key);
// s.update(iterable): 0 or -1.
[[nodiscard]] int SetUpdate(Value s, Value iterable);
// s.clear().
void SetClear(Value s);
// Iterates: returns true with borrowed *key (and *hash) for the next active entry at or
// after *pos, false at the end. Safe against mutation (it re-reads the table).
[[nodiscard]] bool SetNext(Value s, size_t* pos, Value* key, int64_t* hash = nullptr);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_SET_H_

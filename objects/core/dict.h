// dict.h — Python's dict over CompactDict's low-level API.
//
// DictObject holds a CompactDict<Value, Value> whose entries store each key's Python
// hash (computed once with Hash(); never recomputed, as CPython). Lookups use
// find_with/try_emplace_with with a fallible, re-entrant equality callback (identity
// first, then RichCompareBool ==), so a key whose __eq__ mutates the dict or raises is
// handled as in CPython (lookups restart after a mutation; errors propagate).
//
// Fast paths: str keys compare by identity, then cached hash and memcmp without calling
// __eq__ (an exact str never has a custom __eq__); DictGetStr with an interned name is
// what attribute and global lookups use.
//
// Versions: `version` changes on every modification of the dict (insert, assignment to an
// existing key, delete, clear) — CPython's ma_version_tag — so the VM's LOAD_GLOBAL
// cache can check that globals/builtins did not change with one compare. Iterators use
// the table's mutation counter and size for "dictionary changed size during iteration" /
// "dictionary keys changed during iteration".
//
// Ownership: the dict owns one reference to each key and value; Get* functions return
// borrowed values (valid until the dict is next modified — incref before calling
// anything that may run Python code).
#ifndef PYRT_OBJECTS_CORE_DICT_H_
#define PYRT_OBJECTS_CORE_DICT_H_

#include <cstdint>
#include <functional>
#include <new>
#include <string_view>

#include "objects/core/type.h"
#include "objects/dict/compact_dict.h"

namespace pyrt {

// The key hash functor for the table: never called (every call site passes the Python
// hash precomputed); present because CompactDict needs one.
struct DictKeyHash {
  size_t operator()(Value v) const noexcept { return static_cast<size_t>(v.bits()); }
};
// The tables' memory comes from the pooled allocator (memory/), like the objects': dicts
// are many and small (instance dicts, kwargs), and malloc/free showed in profiles. Same
// failure behaviour as std::allocator (std::bad_alloc, which CompactDict handles).
template <class T>
struct PooledAllocator {
  using value_type = T;
  PooledAllocator() noexcept = default;
  template <class U>
  PooledAllocator(const PooledAllocator<U>&) noexcept {}  // NOLINT: rebinding is implicit
  [[nodiscard]] T* allocate(size_t n) {
    if (n > SIZE_MAX / sizeof(T)) throw std::bad_alloc();
    void* p = memory::DefaultAllocator().Allocate(n * sizeof(T));
    if (p == nullptr) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t) noexcept { memory::DefaultAllocator().Free(p); }
  template <class U>
  bool operator==(const PooledAllocator<U>&) const noexcept {
    return true;
  }
};
using DictTable = CompactDict<Value, Value, DictKeyHash, std::equal_to<Value>,
                              PooledAllocator<std::pair<const Value, Value>>>;

struct DictObject {
  Object head;
  DictTable table;
  uint64_t version;
};

extern TypeObject kDictType;

[[nodiscard]] inline bool IsDict(Value v) {
  return v.is_object() && HasFlag(TypeOf(v), kTypeDictSubclass);
}
[[nodiscard]] inline bool IsExactDict(Value v) { return v.is_object() && TypeOf(v) == &kDictType; }
[[nodiscard]] inline DictObject* AsDictObject(Value v) {
  return reinterpret_cast<DictObject*>(v.object());
}

// A new empty dict (new reference) or Value{} + MemoryError.
[[nodiscard]] Value NewDict();

// d[key]: borrowed value, or Value{} with *no* exception if absent, Value{} with an
// exception if hashing/comparing failed. (PyDict_GetItemWithError.)
[[nodiscard]] Value DictGetItem(Value d, Value key);
// d[key] with a precomputed hash.
[[nodiscard]] Value DictGetItemHashed(Value d, Value key, int64_t hash);
// Lookup by a str key; never fails for str keys unless a non-str key with the same hash
// raises in __eq__ (then Value{} + exception). Borrowed.
[[nodiscard]] Value DictGetStr(Value d, Value str_key);
[[nodiscard]] Value DictGetUtf8(Value d, std::string_view key);  // interns the key
// d[key] = value (increfs both). 0 or -1.
[[nodiscard]] int DictSetItem(Value d, Value key, Value value);
[[nodiscard]] int DictSetItemHashed(Value d, Value key, int64_t hash, Value value);
[[nodiscard]] int DictSetUtf8(Value d, std::string_view key, Value value);
// del d[key]: 0, or -1 with KeyError(key) if absent (or another error).
[[nodiscard]] int DictDelItem(Value d, Value key);
// Pops key: 1 with *out (new reference) if present, 0 if absent (no exception), -1 error.
[[nodiscard]] int DictPop(Value d, Value key, Value* out);
// key in d: 0/1, -1 on error.
[[nodiscard]] int DictContains(Value d, Value key);
// d.setdefault(key, default): borrowed result.
[[nodiscard]] Value DictSetDefault(Value d, Value key, Value default_value);
[[nodiscard]] inline int64_t DictSize(Value d) {
  return static_cast<int64_t>(AsDictObject(d)->table.size());
}
void DictClear(Value d);
// d.update(other) where other is a dict (fast) or a mapping with keys(); or, when
// `pairs_ok`, an iterable of pairs (dict(iterable) semantics). 0 or -1.
[[nodiscard]] int DictUpdate(Value d, Value other, bool pairs_ok = false);
// A shallow copy (new reference).
[[nodiscard]] Value DictCopy(Value d);
// repr(d).
[[nodiscard]] Value DictRepr(Value d);
// The modification version (see header comment).
[[nodiscard]] inline uint64_t DictVersion(Value d) { return AsDictObject(d)->version; }
// Gives d a new version (for callers that modify an entry's value in place, e.g. the VM's
// STORE_ATTR cache after replacing the value at a known entry position).
void DictTouch(Value d);

// Exact dicts are not gc-tracked until they hold a key or value that may be part of a
// reference cycle (CPython's MAINTAIN_TRACKING). Code that stores into a dict's table
// directly (not through DictSetItem*) calls this with what it stored.
[[gnu::always_inline]] inline bool MayBeGcTracked(Value v) {
  Object* o = v.object_or_null();
  return o != nullptr && (o->type->flags & gc::kHasGc) != 0;
}
[[gnu::always_inline]] inline void DictMaintainTracking(Value d, Value key, Value value) {
  Object* o = d.object();
  if (!gc::Collector::IsTracked(o) && (MayBeGcTracked(key) || MayBeGcTracked(value))) {
    TrackObject(d);
  }
}

// Iterates with a position cursor (start at 0): returns true and borrowed *key/*value for
// the next live entry, false at the end. The dict must not change size during the walk
// (the caller checks DictSize/mutation_count when running Python code in between).
[[nodiscard]] bool DictNext(Value d, size_t* pos, Value* key, Value* value,
                            int64_t* hash = nullptr);

// The dict iterator over keys (iter(d)), for the VM and the views helper.
extern TypeObject kDictKeyIteratorType;

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_DICT_H_

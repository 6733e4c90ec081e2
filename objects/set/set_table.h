// set_table.h — pyrt::SetTable, the open-addressing hash table behind Python's set and
// frozenset, with CPython 3.11's exact layout, probing and resizing.
//
// Why exactly CPython's: a set iterates in table order, so `print({"b", "a"})` shows an
// order that depends on the hash values and on every detail of probing, dummy reuse and
// resizing. With PYTHONHASHSEED fixed, pyrt prints sets in CPython's order only if this
// table is the same to the slot. (Dicts keep insertion order and need no such care.)
//
// Layout: one array of 2^k entries (k >= 3), each {key, hash}:
//
//   slot:   0        1        2        3        4        5        6        7
//         +--------+--------+--------+--------+--------+--------+--------+--------+
//         | empty  | a, h_a | dummy  | b, h_b | empty  | c, h_c | empty  | empty  |
//         +--------+--------+--------+--------+--------+--------+--------+--------+
//   empty: key == Key{} and hash == 0      dummy: hash == -1 (a discarded entry)
//   active: anything else (a real Python hash is never -1)
//
// Probing (CPython's set_lookkey): start at hash & mask; look at that slot and up to
// kLinearProbes (9) following ones while they stay inside the table; then jump to
// (i * 5 + 1 + perturb) & mask with perturb >>= 5 each round (perturb starts as the hash).
// A lookup ends at the first empty slot; adding reuses the *last* dummy seen on the way
// (CPython 3.11's set_add_entry), else takes the empty slot.
//
// Invariants: used <= fill <= mask; fill counts active + dummy slots; after an insertion
// into an empty slot, fill * 5 < mask * 3 or the table is resized to hold
// used * 4 (used * 2 above 50,000 entries) — the smallest power of two above that, at
// least 8 — dropping dummies. At least one slot is always empty, so lookups terminate.
//
// Keys: trivially copyable handles (pyrt::Value in the object model) where Key{} is the
// empty marker. The table does no reference counting: Add tells whether it stored the
// key, Discard and Pop hand back the removed key. Equality beyond identity is a caller's
// callback, `SetEq eq(const Key& stored)`, called only for slots whose hash matches and
// whose key is not identical; it may fail (kError ends the operation) and may mutate this
// very table (Python's __eq__ can): the operation then restarts, as CPython's does, and
// never touches freed memory.
//
// Not thread-safe; the object model's caller holds the GIL.
#ifndef PYRT_OBJECTS_SET_SET_TABLE_H_
#define PYRT_OBJECTS_SET_SET_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <utility>

namespace pyrt {

// The equality callback's answer.
enum class SetEq : int8_t { kNotEqual = 0, kEqual = 1, kError = -1 };

// The result of a lookup-type operation.
enum class SetStatus : int8_t { kAbsent = 0, kFound = 1, kError = -1 };

template <typename Key>
class SetTable {
  static_assert(std::is_trivially_copyable_v<Key>, "keys are handles (pyrt::Value)");

 public:
  struct Entry {
    Key key{};
    int64_t hash = 0;
  };

  // CPython's PySet_MINSIZE, LINEAR_PROBES and PERTURB_SHIFT.
  static constexpr size_t kMinSize = 8;
  static constexpr size_t kLinearProbes = 9;
  static constexpr unsigned kPerturbShift = 5;
  // Above this many entries a full table grows 2x instead of 4x.
  static constexpr size_t kQuadrupleLimit = 50000;

  SetTable() : table_(std::make_unique<Entry[]>(kMinSize)), mask_(kMinSize - 1) {}
  SetTable(SetTable&&) noexcept = default;
  SetTable& operator=(SetTable&&) noexcept = default;
  SetTable(const SetTable&) = delete;
  SetTable& operator=(const SetTable&) = delete;

  // Active entries (len(set)).
  [[nodiscard]] size_t size() const { return used_; }
  [[nodiscard]] bool empty() const { return used_ == 0; }
  // Active plus dummy slots.
  [[nodiscard]] size_t fill() const { return fill_; }
  // Slots - 1.
  [[nodiscard]] size_t mask() const { return mask_; }
  // The slots, for iteration in table order (skip IsActive() == false).
  [[nodiscard]] const Entry& slot(size_t i) const { return table_[i]; }
  [[nodiscard]] static bool IsActive(const Entry& e) { return e.hash != -1 && !IsEmptySlot(e); }

  // Calls f(key, hash) for each active entry in table order. f must not mutate the table.
  template <typename F>
  void ForEach(F&& f) const {
    for (size_t i = 0; i <= mask_; ++i) {
      if (IsActive(table_[i])) f(table_[i].key, table_[i].hash);
    }
  }

  // `key in set` (CPython's set_contains_entry over set_lookkey).
  template <typename Eq>
  [[nodiscard]] SetStatus Contains(const Key& key, int64_t hash, Eq&& eq) {
    Entry* e = nullptr;
    return Lookup(key, hash, eq, &e);
  }

  // set.add(key): kFound if an equal key was already present (nothing stored), kAbsent if
  // the key was stored (the caller's reference now belongs to the table), kError if eq
  // failed. May resize.
  template <typename Eq>
  [[nodiscard]] SetStatus Add(const Key& key, int64_t hash, Eq&& eq) {
  restart:
    size_t mask = mask_;
    size_t i = static_cast<size_t>(hash) & mask;
    Entry* freeslot = nullptr;
    size_t perturb = static_cast<size_t>(hash);
    Entry* entry;
    while (true) {
      entry = &table_[i];
      size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
      while (true) {
        if (IsEmptySlot(*entry)) goto found_unused_or_dummy;
        if (entry->hash == hash) {
          const Key startkey = entry->key;
          if (Same(startkey, key)) return SetStatus::kFound;
          Entry* const table = table_.get();
          const SetEq r = eq(startkey);
          if (r == SetEq::kEqual) return SetStatus::kFound;
          if (r == SetEq::kError) return SetStatus::kError;
          if (table != table_.get() || !Same(entry->key, startkey)) goto restart;
          mask = mask_;
        } else if (entry->hash == -1) {
          freeslot = entry;
        }
        if (probes-- == 0) break;
        ++entry;
      }
      perturb >>= kPerturbShift;
      i = (i * 5 + 1 + perturb) & mask;
    }
  found_unused_or_dummy:
    if (freeslot != nullptr) {
      ++used_;
      freeslot->key = key;
      freeslot->hash = hash;
      return SetStatus::kAbsent;
    }
    ++fill_;
    ++used_;
    entry->key = key;
    entry->hash = hash;
    if (fill_ * 5 >= mask * 3) Resize(used_ > kQuadrupleLimit ? used_ * 2 : used_ * 4);
    return SetStatus::kAbsent;
  }

  // set.discard(key): kFound (and *removed = the stored key, whose reference passes to
  // the caller) if present, kAbsent if not, kError if eq failed.
  template <typename Eq>
  [[nodiscard]] SetStatus Discard(const Key& key, int64_t hash, Eq&& eq, Key* removed) {
    Entry* e = nullptr;
    const SetStatus s = Lookup(key, hash, eq, &e);
    if (s != SetStatus::kFound) return s;
    *removed = e->key;
    e->key = Key{};
    e->hash = -1;
    --used_;
    return SetStatus::kFound;
  }

  // set.pop(): removes the first active entry at or after the search finger (which then
  // moves past it), as CPython does. Returns false when the table is empty.
  [[nodiscard]] bool Pop(Key* out) {
    if (used_ == 0) return false;
    size_t i = finger_ & mask_;
    while (!IsActive(table_[i])) i = i == mask_ ? 0 : i + 1;
    *out = table_[i].key;
    table_[i].key = Key{};
    table_[i].hash = -1;
    --used_;
    finger_ = i + 1;
    return true;
  }

  // set.clear(): back to an empty 8-slot table (the pop finger is kept, as CPython keeps
  // it). The caller drops the references it got from ForEach beforehand.
  void Clear() {
    table_ = std::make_unique<Entry[]>(kMinSize);
    mask_ = kMinSize - 1;
    fill_ = used_ = 0;
  }

  // Rebuilds the table for `minused` entries: the smallest power of two above it (at
  // least 8), dropping dummies; entries are reinserted in old table order. CPython's
  // set_table_resize, including its "8 slots, no dummies: nothing to do" case.
  void Resize(size_t minused) {
    size_t newsize = kMinSize;
    while (newsize <= minused) newsize <<= 1;
    if (newsize == kMinSize && mask_ == kMinSize - 1 && fill_ == used_) return;
    std::unique_ptr<Entry[]> old = std::exchange(table_, std::make_unique<Entry[]>(newsize));
    const size_t old_mask = std::exchange(mask_, newsize - 1);
    fill_ = used_ = 0;
    for (size_t i = 0; i <= old_mask; ++i) {
      if (IsActive(old[i])) InsertClean(old[i].key, old[i].hash);
    }
  }

  // Adds every entry of `other` (CPython's set_merge: set.update(other_set), set(s),
  // s.copy()), including its fast paths that copy the layout when this table is empty.
  // Equal-but-not-identical keys need eq in the general path; `eq_for(key)` returns the
  // callback for one key. Returns kError if eq failed; the caller increfs every key
  // reported through `stored(key)`.
  template <typename EqFor, typename Stored>
  [[nodiscard]] SetStatus Merge(const SetTable& other, EqFor&& eq_for, Stored&& stored) {
    if (&other == this || other.used_ == 0) return SetStatus::kAbsent;
    // One big resize first, expecting few overlapping keys.
    if ((fill_ + other.used_) * 5 >= mask_ * 3) Resize((used_ + other.used_) * 2);
    if (fill_ == 0 && mask_ == other.mask_ && other.fill_ == other.used_) {
      for (size_t i = 0; i <= other.mask_; ++i) {
        if (IsActive(other.table_[i])) {
          table_[i] = other.table_[i];
          stored(table_[i].key);
        }
      }
      fill_ = other.fill_;
      used_ = other.used_;
      return SetStatus::kAbsent;
    }
    if (fill_ == 0) {
      fill_ = used_ = other.used_;
      for (size_t i = 0; i <= other.mask_; ++i) {
        if (IsActive(other.table_[i])) {
          InsertCleanSlot(other.table_[i].key, other.table_[i].hash);
          stored(other.table_[i].key);
        }
      }
      return SetStatus::kAbsent;
    }
    for (size_t i = 0; i <= other.mask_; ++i) {
      const Entry e = other.table_[i];
      if (!IsActive(e)) continue;
      const SetStatus s = Add(e.key, e.hash, eq_for(e.key));
      if (s == SetStatus::kError) return s;
      if (s == SetStatus::kAbsent) stored(e.key);
    }
    return SetStatus::kAbsent;
  }

 private:
  static bool IsEmptySlot(const Entry& e) { return e.hash == 0 && Same(e.key, Key{}); }
  // Identity (pyrt::Value's == is Python's `is`).
  static bool Same(const Key& a, const Key& b) { return a == b; }

  // set_lookkey: the slot holding an equal key (kFound, *out set) or kAbsent.
  template <typename Eq>
  SetStatus Lookup(const Key& key, int64_t hash, Eq& eq, Entry** out) {
  restart:
    size_t mask = mask_;
    size_t i = static_cast<size_t>(hash) & mask;
    size_t perturb = static_cast<size_t>(hash);
    while (true) {
      Entry* entry = &table_[i];
      size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
      while (true) {
        if (IsEmptySlot(*entry)) return SetStatus::kAbsent;
        if (entry->hash == hash) {
          const Key startkey = entry->key;
          if (Same(startkey, key)) {
            *out = entry;
            return SetStatus::kFound;
          }
          Entry* const table = table_.get();
          const SetEq r = eq(startkey);
          if (r == SetEq::kError) return SetStatus::kError;
          if (table != table_.get() || !Same(entry->key, startkey)) goto restart;
          if (r == SetEq::kEqual) {
            *out = entry;
            return SetStatus::kFound;
          }
          mask = mask_;
        }
        if (probes-- == 0) break;
        ++entry;
      }
      perturb >>= kPerturbShift;
      i = (i * 5 + 1 + perturb) & mask;
    }
  }

  // set_insert_clean: puts a key known to be absent into the first empty slot of its
  // probe sequence (no dummies exist). Counts it.
  void InsertClean(const Key& key, int64_t hash) {
    InsertCleanSlot(key, hash);
    ++fill_;
    ++used_;
  }
  void InsertCleanSlot(const Key& key, int64_t hash) {
    size_t perturb = static_cast<size_t>(hash);
    size_t i = static_cast<size_t>(hash) & mask_;
    while (true) {
      Entry* entry = &table_[i];
      if (IsEmptySlot(*entry)) {
        entry->key = key;
        entry->hash = hash;
        return;
      }
      if (i + kLinearProbes <= mask_) {
        for (size_t j = 0; j < kLinearProbes; ++j) {
          ++entry;
          if (IsEmptySlot(*entry)) {
            entry->key = key;
            entry->hash = hash;
            return;
          }
        }
      }
      perturb >>= kPerturbShift;
      i = (i * 5 + 1 + perturb) & mask_;
    }
  }

  std::unique_ptr<Entry[]> table_;
  size_t mask_;
  size_t fill_ = 0;
  size_t used_ = 0;
  size_t finger_ = 0;
};

}  // namespace pyrt

#endif  // PYRT_OBJECTS_SET_SET_TABLE_H_

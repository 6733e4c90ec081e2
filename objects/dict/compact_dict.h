// pyrt::CompactDict — an insertion-ordered hash map with CPython's compact layout.
//
// What it is
// ----------
// A hash map that iterates in insertion order, after CPython 3.6+'s "compact dict":
// the entries (hash, key, value) live in a dense array in the order they were inserted,
// and a separate sparse *index* table maps hash slots to positions in that array. Because
// the index stores small integers rather than entries, most of the table's empty space
// costs 1-4 bytes per slot instead of a whole entry, and iteration is a linear walk over
// a dense array. It is a generic C++ template with no dependency on the rest of pyrt, and
// it is also the storage that pyrt's Python `dict` is built on (see "Low-level API").
//
// Layout
// ------
//
//   index block (one allocation, 8-byte words)                  entries (one allocation)
//   +----+----+----+----+----+----+----+----+-------+---------+  +------------------------+
//   | 0  |t|3| 0  |t|2| 1  | 0  |t|4| 0  | clone | dead-bits |  | 0: [hash] key  value   |
//   +----+----+----+----+----+----+----+----+-------+---------+  | 1: (erased, dead bit)  |
//     slot width W = 1, 2, 4 or 8 bytes, 2^k slots              | 2: [hash] key  value   |
//                                                                | 3: ...                 |
//   slot value 0        EMPTY  (never used since the last rebuild)
//   slot value 1        DUMMY  (its entry was erased: probing continues past it)
//   slot value >= 2     (tag << ibits) | (entry position + 2)
//
// * Index: 2^k slots (k >= 3), each W bytes. The low `ibits` bits of a slot hold the entry
//   position + 2 (ibits = bits needed for capacity() + 1); the remaining W*8 - ibits high
//   bits hold a *tag* (never 0: its lowest bit is forced to 1, so EMPTY and DUMMY never match):
//   bits of the mixed hash that are not used to pick the home slot, so a
//   probe rejects almost every non-matching slot without touching the entries array. W is
//   the smallest width that leaves at least kMinTagBits tag bits (1 byte up to 16 slots,
//   2 bytes up to 4096 slots, 4 bytes up to 2^28 slots, then 8 bytes).
// * Probing: the hash is mixed by a 64-bit multiply (Fibonacci hashing); its top k bits pick
//   the home slot and the next bits form the tag. Collisions probe linearly (slot + 1, wrap
//   around). With SSE2, lookups test a whole 16-byte group of slots at once (8, 4 or 2
//   slots): lanes with the right tag are candidates, an EMPTY lane ends the probe, so a hit
//   or a miss usually costs one group load and one well-predicted branch. The slot area has
//   16 extra bytes at its end that clone the first slots, so a group load at any slot stays
//   in bounds. (CPython's perturbed probing jumps to a new cache line per collision and
//   compares every slot's entry; linear probing over tagged slots touches one line and
//   rejects non-matching slots without reading the entries.)
// * Entries: a dense array of capacity() = 2^k * 2/3 entries (CPython's USABLE_FRACTION:
//   the index is at most 2/3 full). New keys are appended at position size-with-holes;
//   erasing destroys the key and value in place, sets the entry's dead bit and turns its
//   index slot into DUMMY. Holes and dummies are removed only when the table is rebuilt.
// * The hash is stored in the entry unless the hash function declares itself cheap
//   (`using is_cheap = void;`, as CompactDictHash does for integers and pointers); stored
//   hashes make rebuilds and mismatches cheap for strings and are what the Python layer
//   needs (it must never call `__hash__` again).
// * The empty dict allocates nothing: it points at a static one-slot EMPTY index.
//
// Invariants (checked by the tests' validate()):
//   1. used <= entry_count() <= capacity() and occupied index slots (non-EMPTY) ==
//      capacity() - usable_left() >= entry_count().
//   2. Every live entry at position p is referenced by exactly one index slot, reachable from
//      its home slot by linear probing without crossing an EMPTY slot, carrying its tag.
//   3. Entries at positions [0, entry_count()) are live or dead; dead ones hold no object.
//      Iteration order = increasing position = insertion order.
//   4. The clone area after slot 2^k - 1 repeats the first 16 / W - 1 slots.
//
// Growth: an insertion that finds usable_left() == 0 rebuilds the table for
// max(size() * growth_factor, 8) slots (growth_factor 3 by default, CPython 3.11's
// GROWTH_RATE), which doubles a table without holes. Unlike CPython, an insertion never
// shrinks the table: when at most 2/3 of the entries are live the holes are squeezed out
// in place, without allocating (under erase/insert churn CPython's rule reallocates and
// page-faults every few cycles, or doubles the index). Shrinking is explicit
// (shrink_to_fit) or by policy.
//
// Iterator invalidation
// ---------------------
//   * Inserting a new key (emplace, try_emplace, insert*, operator[] on a missing key),
//     reserve(), rehash-like calls (shrink_to_fit, compact, set_policy), clear(), swap and
//     assignment invalidate all iterators, pointers and references.
//   * erase(key) / erase(iterator) invalidate only iterators, pointers and references to the
//     erased element (unless CompactDictPolicy::shrink_divisor is non-zero, in which case an
//     erase that triggers a shrink invalidates everything; erase(iterator) still returns a
//     valid iterator). pop_back() also invalidates end().
//   * Assigning to an existing key's value invalidates nothing.
//
// Thread safety: like the standard containers. Concurrent const calls are safe; any
// mutation needs exclusive access.
//
// Exceptions: Key and Value must be nothrow-move-constructible (checked). Allocation
// failure and throwing Key/Value constructors propagate with the strong guarantee for
// single-element insertion (given a Hash and KeyEqual that do not throw); at() throws std::out_of_range. The low-level API never throws
// on its own (errors come back as DictStatus::kError from the caller's callback).
//
// Usage:
//   pyrt::CompactDict<std::string, int> d;
//   d["one"] = 1;
//   d.try_emplace("two", 2);
//   for (const auto& [k, v] : d) std::cout << k << "=" << v << "\n";  // insertion order
//   auto [key, value] = d.pop_back();                                   // "two", 2
#ifndef PYRT_OBJECTS_DICT_COMPACT_DICT_H_
#define PYRT_OBJECTS_DICT_COMPACT_DICT_H_

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__SSE4_1__)
#include <smmintrin.h>
#endif

namespace pyrt {

// The default hash: the value itself for integers, enums and pointers (the dict mixes every
// hash with a multiply before using it, so an identity hash is safe and free), std::hash
// otherwise. The integer specialisation is marked cheap, so the dict does not store it.
template <class Key, class = void>
struct CompactDictHash : std::hash<Key> {};

template <class Key>
struct CompactDictHash<
    Key, std::enable_if_t<std::is_integral_v<Key> || std::is_enum_v<Key> ||
                          std::is_pointer_v<Key>>> {
  using is_cheap = void;  // recomputing is cheaper than storing: entries omit the hash
  [[nodiscard]] std::size_t operator()(Key k) const noexcept {
    if constexpr (std::is_pointer_v<Key>) {
      return reinterpret_cast<std::uintptr_t>(k);
    } else {
      return static_cast<std::size_t>(k);
    }
  }
};

// Result of an embedder's key-equality callback (the Python layer's `__eq__` may raise).
enum class DictEq : std::int8_t {
  kNotEqual = 0,
  kEqual = 1,
  kError = -1,  // the callback failed; the lookup stops and reports DictStatus::kError
};

// Outcome of a low-level lookup.
enum class DictStatus : std::int8_t {
  kAbsent = 0,
  kFound = 1,
  kError = -1,  // an equality callback returned DictEq::kError; the dict is unchanged
};

// Resize policy. The defaults are CPython 3.11's dict behaviour.
struct CompactDictPolicy {
  // When an insertion finds the entries array full, the table is rebuilt with at least
  // size() * growth_factor index slots (rounded up to a power of two). Values below 2 are
  // treated as 2 (the table must have room for one more entry).
  std::uint32_t growth_factor = 3;
  // If non-zero, an erase that leaves size() * shrink_divisor < capacity() rebuilds the table
  // at the size growth would choose (so a shrunken table is not immediately regrown).
  // 0 (CPython's behaviour) never shrinks on erase; shrink_to_fit() is always available.
  std::uint32_t shrink_divisor = 0;
  // Smallest index slot width in bytes (1, 2, 4 or 8). Wider slots carry more tag bits; the
  // tests use 8 to exercise 8-byte slots on small tables.
  std::uint8_t min_index_width = 1;
};

namespace dict_internal {

// The index has at least 2^kMinLog2 = 8 slots (CPython's PyDict_MINSIZE).
inline constexpr unsigned kMinLog2 = 3;
// Width selection keeps at least this many tag bits per slot (see the layout comment).
inline constexpr unsigned kMinTagBits = 4;
// Tags longer than this give no measurable benefit; the rest of the slot stays zero.
inline constexpr unsigned kMaxTagBits = 32;
// A full table whose live fraction is at most kCompactNum / kCompactDen is compacted in
// place instead of grown. 2/3 keeps the index small under churn; the amortised cost stays
// bounded (each compaction frees at least a third of the entries array).
inline constexpr std::size_t kCompactNum = 2;
inline constexpr std::size_t kCompactDen = 3;
// Bytes probed at once (one SSE2 register). The slot area has this many extra bytes at the
// end holding clones of the first slots, so a group load starting at any slot is in bounds.
inline constexpr std::size_t kGroupBytes = 16;
// Fibonacci hashing multiplier: 2^64 / golden ratio, odd.
inline constexpr std::uint64_t kMix = 0x9E3779B97F4A7C15ull;

// Entries a table of 2^log2 slots may hold (CPython's USABLE_FRACTION, 2/3).
[[nodiscard]] constexpr std::size_t UsableFor(unsigned log2) {
  return log2 == 0 ? 0 : ((std::size_t{1} << log2) << 1) / 3;
}

// Smallest log2 (>= kMinLog2) whose table holds `n` entries.
[[nodiscard]] constexpr unsigned Log2ForEntries(std::size_t n) {
  unsigned k = kMinLog2;
  while (UsableFor(k) < n) ++k;
  return k;
}

// Smallest log2 (>= kMinLog2) with 2^log2 >= slots.
[[nodiscard]] constexpr unsigned Log2ForSlots(std::size_t slots) {
  unsigned k = kMinLog2;
  while ((std::size_t{1} << k) < slots) ++k;
  return k;
}

template <class Hash, class = void>
struct HashIsCheap : std::false_type {};
template <class Hash>
struct HashIsCheap<Hash, std::void_t<typename Hash::is_cheap>> : std::true_type {};

// Storage of one key/value pair. The pair is reached as std::pair<const K, V> by users and
// as std::pair<K, V> by the dict when it relocates entries during a rebuild, so keys are
// moved rather than copied (the same layout trick node-free hash maps commonly use).
template <class K, class V>
union KeyValueSlot {
  KeyValueSlot() {}
  ~KeyValueSlot() {}
  std::pair<const K, V> value;
  std::pair<K, V> mutable_value;
};

template <class K, class V, bool kStoreHash>
struct Entry {
  KeyValueSlot<K, V> kv;
};
template <class K, class V>
struct Entry<K, V, true> {
  std::size_t hash;
  KeyValueSlot<K, V> kv;
};

// The static index of a dict that has never allocated: one EMPTY slot.
alignas(8) inline const std::uint64_t kEmptyIndex[1] = {0};

}  // namespace dict_internal

// An insertion-ordered hash map (see the file comment for layout and invalidation rules).
// Key, Value: any types that are nothrow-move-constructible. Hash: returns std::size_t;
// KeyEqual: a consistent equivalence; Allocator: a standard allocator (its value_type is
// ignored; it is rebound for the two internal arrays and propagated on copy, move and swap).
template <class Key, class Value, class Hash = CompactDictHash<Key>,
          class KeyEqual = std::equal_to<Key>,
          class Allocator = std::allocator<std::pair<const Key, Value>>>
class CompactDict {
 public:
  using key_type = Key;
  using mapped_type = Value;
  using value_type = std::pair<const Key, Value>;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using hasher = Hash;
  using key_equal = KeyEqual;
  using allocator_type = Allocator;
  using reference = value_type&;
  using const_reference = const value_type&;
  using hash_type = std::size_t;

  // True when entries carry their hash (see the layout comment).
  static constexpr bool kStoresHash = !dict_internal::HashIsCheap<Hash>::value;

  static_assert(std::is_nothrow_move_constructible_v<Key> &&
                    std::is_nothrow_move_constructible_v<Value>,
                "CompactDict relocates entries on rebuild and needs noexcept moves");

 private:
  using Entry = dict_internal::Entry<Key, Value, kStoresHash>;
  using AllocTraits = std::allocator_traits<Allocator>;
  using EntryAlloc = typename AllocTraits::template rebind_alloc<Entry>;
  using EntryTraits = std::allocator_traits<EntryAlloc>;
  using WordAlloc = typename AllocTraits::template rebind_alloc<std::uint64_t>;
  using WordTraits = std::allocator_traits<WordAlloc>;

  template <bool kConst>
  class Iter {
    using Dict = std::conditional_t<kConst, const CompactDict, CompactDict>;

   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = CompactDict::value_type;
    using difference_type = std::ptrdiff_t;
    using reference = std::conditional_t<kConst, const value_type&, value_type&>;
    using pointer = std::conditional_t<kConst, const value_type*, value_type*>;

    Iter() = default;
    // const_iterator from iterator.
    template <bool kOther, class = std::enable_if_t<kConst && !kOther>>
    Iter(const Iter<kOther>& other) : dict_(other.dict_), pos_(other.pos_) {}

    reference operator*() const { return dict_->entries_[pos_].kv.value; }
    pointer operator->() const { return &dict_->entries_[pos_].kv.value; }
    Iter& operator++() {
      pos_ = dict_->NextLive(pos_ + 1);
      return *this;
    }
    Iter operator++(int) {
      Iter old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const Iter& a, const Iter& b) { return a.pos_ == b.pos_; }
    // Position of the entry in the entries array (see position()).
    [[nodiscard]] std::size_t position() const { return pos_; }

   private:
    friend class CompactDict;
    template <bool>
    friend class Iter;
    Iter(Dict* d, std::size_t pos) : dict_(d), pos_(pos) {}
    Dict* dict_ = nullptr;
    std::size_t pos_ = 0;
  };

 public:
  using iterator = Iter<false>;
  using const_iterator = Iter<true>;

  // Result of the low-level lookups: status, and the entry when status == kFound.
  struct LookupResult {
    DictStatus status;
    iterator it;
  };
  // Result of try_emplace_with: status kFound (existing key, `it` points at it), kAbsent
  // (inserted, `it` points at the new entry) or kError (nothing inserted).
  using EmplaceResult = LookupResult;

  // --- Construction, assignment, destruction ------------------------------------------

  CompactDict() = default;
  explicit CompactDict(std::size_t reserve_n, const Hash& hash = Hash(),
                       const KeyEqual& eq = KeyEqual(), const Allocator& alloc = Allocator())
      : hash_(hash), eq_(eq), entry_alloc_(alloc), word_alloc_(alloc) {
    reserve(reserve_n);
  }
  explicit CompactDict(const Allocator& alloc) : entry_alloc_(alloc), word_alloc_(alloc) {}
  CompactDict(std::initializer_list<value_type> init) {
    reserve(init.size());
    for (const value_type& kv : init) emplace(kv);
  }
  template <class InputIt>
  CompactDict(InputIt first, InputIt last) {
    for (; first != last; ++first) emplace(*first);
  }

  // Copies hold the same entries in the same order, without holes.
  CompactDict(const CompactDict& other)
      : hash_(other.hash_),
        eq_(other.eq_),
        entry_alloc_(EntryTraits::select_on_container_copy_construction(other.entry_alloc_)),
        word_alloc_(WordTraits::select_on_container_copy_construction(other.word_alloc_)),
        policy_(other.policy_) {
    CopyFrom(other);
  }
  CompactDict(CompactDict&& other) noexcept
      : hash_(std::move(other.hash_)),
        eq_(std::move(other.eq_)),
        entry_alloc_(std::move(other.entry_alloc_)),
        word_alloc_(std::move(other.word_alloc_)) {
    StealFrom(other);
  }
  CompactDict& operator=(const CompactDict& other) {
    if (this != &other) {
      CompactDict tmp(other);
      swap(tmp);
    }
    return *this;
  }
  CompactDict& operator=(CompactDict&& other) noexcept {
    if (this != &other) {
      CompactDict tmp(std::move(other));
      swap(tmp);
    }
    return *this;
  }
  CompactDict& operator=(std::initializer_list<value_type> init) {
    CompactDict tmp(init);
    swap(tmp);
    return *this;
  }
  ~CompactDict() { Release(); }

  // Exchanges contents, functors, allocators and policies. Invalidates all iterators.
  void swap(CompactDict& other) noexcept {
    using std::swap;
    swap(hash_, other.hash_);
    swap(eq_, other.eq_);
    swap(entry_alloc_, other.entry_alloc_);
    swap(word_alloc_, other.word_alloc_);
    swap(index_, other.index_);
    swap(entries_, other.entries_);
    swap(dead_, other.dead_);
    swap(log2_, other.log2_);
    swap(width_, other.width_);
    swap(ibits_, other.ibits_);
    swap(shift_, other.shift_);
    swap(tag_shift_, other.tag_shift_);
    swap(mask_, other.mask_);
    swap(tag_mask_, other.tag_mask_);
    swap(used_, other.used_);
    swap(nentries_, other.nentries_);
    swap(usable_left_, other.usable_left_);
    swap(policy_, other.policy_);
    swap(key_bloom_, other.key_bloom_);
    ++mutations_;
    ++other.mutations_;
  }
  friend void swap(CompactDict& a, CompactDict& b) noexcept { a.swap(b); }

  // --- Iteration (insertion order) ------------------------------------------------------

  [[nodiscard]] iterator begin() { return iterator(this, NextLive(0)); }
  [[nodiscard]] const_iterator begin() const { return const_iterator(this, NextLive(0)); }
  [[nodiscard]] const_iterator cbegin() const { return begin(); }
  [[nodiscard]] iterator end() { return iterator(this, nentries_); }
  [[nodiscard]] const_iterator end() const { return const_iterator(this, nentries_); }
  [[nodiscard]] const_iterator cend() const { return end(); }

  // --- Capacity -------------------------------------------------------------------------

  [[nodiscard]] bool empty() const { return used_ == 0; }
  [[nodiscard]] std::size_t size() const { return used_; }
  [[nodiscard]] std::size_t max_size() const { return std::size_t{1} << 62; }
  // Entries the current table holds before the next rebuild (live + holes + free).
  [[nodiscard]] std::size_t capacity() const { return dict_internal::UsableFor(log2_); }
  // Number of index slots (0 for a dict that never allocated).
  [[nodiscard]] std::size_t index_size() const { return log2_ ? std::size_t{1} << log2_ : 0; }
  // Bytes per index slot: 1, 2, 4 or 8.
  [[nodiscard]] unsigned index_width() const { return width_; }
  // Bytes this dict has allocated (index block plus entries array).
  [[nodiscard]] std::size_t allocated_bytes() const {
    return log2_ ? IndexWords(log2_, width_) * 8 + capacity() * sizeof(Entry) : 0;
  }

  // Makes room for `n` entries in total so that inserting up to size() == n never rebuilds.
  void reserve(std::size_t n) {
    if (n <= used_ + usable_left_) return;
    Rebuild(dict_internal::Log2ForEntries(n));
  }
  // Rebuilds at the smallest table that holds size() entries (frees everything if empty).
  void shrink_to_fit() {
    if (used_ == 0) {
      Release();
      ResetToEmpty();
      ++mutations_;
      return;
    }
    Rebuild(dict_internal::Log2ForEntries(used_));
  }
  // Removes the holes left by erasures, keeping the table size.
  void compact() {
    if (log2_ != 0 && nentries_ != used_) Rebuild(log2_);
  }

  // --- Lookup ---------------------------------------------------------------------------

  [[nodiscard]] iterator find(const Key& key) { return find_hashed(key, hash_(key)); }
  [[nodiscard]] const_iterator find(const Key& key) const {
    return const_cast<CompactDict*>(this)->find_hashed(key, hash_(key));
  }
  [[nodiscard]] bool contains(const Key& key) const { return find(key) != end(); }
  [[nodiscard]] std::size_t count(const Key& key) const { return contains(key) ? 1 : 0; }
  // Throws std::out_of_range if the key is absent.
  [[nodiscard]] Value& at(const Key& key) {
    iterator it = find(key);
    if (it == end()) throw std::out_of_range("pyrt::CompactDict::at: key not found");
    return it->second;
  }
  [[nodiscard]] const Value& at(const Key& key) const {
    const_iterator it = find(key);
    if (it == end()) throw std::out_of_range("pyrt::CompactDict::at: key not found");
    return it->second;
  }
  // Inserts a value-initialised Value if the key is absent.
  Value& operator[](const Key& key) { return try_emplace(key).first->second; }
  Value& operator[](Key&& key) { return try_emplace(std::move(key)).first->second; }

  // --- Insertion ------------------------------------------------------------------------

  // Inserts (key, Value(args...)) if the key is absent; otherwise changes nothing (args are
  // not consumed). Returns the entry and whether it was inserted.
  template <class... Args>
  std::pair<iterator, bool> try_emplace(const Key& key, Args&&... args) {
    return try_emplace_hashed(hash_(key), key, std::forward<Args>(args)...);
  }
  template <class... Args>
  std::pair<iterator, bool> try_emplace(Key&& key, Args&&... args) {
    const hash_type h = hash_(key);
    return try_emplace_hashed(h, std::move(key), std::forward<Args>(args)...);
  }
  // Inserts or assigns; an existing key keeps its position (as Python's d[k] = v).
  template <class M>
  std::pair<iterator, bool> insert_or_assign(const Key& key, M&& value) {
    auto r = try_emplace(key, std::forward<M>(value));
    if (!r.second) r.first->second = std::forward<M>(value);
    return r;
  }
  template <class M>
  std::pair<iterator, bool> insert_or_assign(Key&& key, M&& value) {
    auto r = try_emplace(std::move(key), std::forward<M>(value));
    if (!r.second) r.first->second = std::forward<M>(value);
    return r;
  }
  // Constructs value_type(args...) and inserts it if its key is absent (else destroys it).
  template <class... Args>
  std::pair<iterator, bool> emplace(Args&&... args) {
    if (usable_left_ == 0) Grow();
    Entry* e = entries_ + nentries_;
    std::construct_at(&e->kv.value, std::forward<Args>(args)...);
    const Key& key = e->kv.value.first;
    const hash_type h = hash_(key);
    const std::size_t found = FindIndex(key, h);
    if (found != kNotFound) {
      std::destroy_at(&e->kv.value);
      return {iterator(this, found), false};
    }
    if constexpr (kStoresHash) e->hash = h;
    return {iterator(this, Publish(h)), true};
  }
  std::pair<iterator, bool> insert(const value_type& kv) { return emplace(kv); }
  std::pair<iterator, bool> insert(value_type&& kv) { return emplace(std::move(kv)); }
  template <class InputIt>
  void insert(InputIt first, InputIt last) {
    for (; first != last; ++first) emplace(*first);
  }

  // --- Removal --------------------------------------------------------------------------

  // Erases the key if present; returns the number of entries erased (0 or 1).
  std::size_t erase(const Key& key) {
    const std::size_t pos = FindIndex(key, hash_(key));
    if (pos == kNotFound) return 0;
    EraseAt(pos);
    MaybeShrink();
    return 1;
  }
  // Erases the entry at `it` (which must be valid and dereferenceable); returns the
  // iterator to the next entry in insertion order.
  iterator erase(const_iterator it) {
    const std::size_t pos = it.pos_;
    EraseAt(pos);
    if (ShrinkWanted()) {
      // Positions move in a rebuild: the next entry's new position is the number of live
      // entries before it, which is the same as before `pos` now that `pos` is dead.
      std::size_t live_before = 0;
      for (std::size_t i = 0; i < pos; ++i) live_before += IsLive(i);
      Rebuild(ShrinkLog2());
      return iterator(this, live_before);
    }
    return iterator(this, NextLive(pos + 1));
  }
  iterator erase(iterator it) { return erase(const_iterator(it)); }
  // Removes and returns the newest entry (Python's dict.popitem()). Precondition: !empty().
  std::pair<Key, Value> pop_back() {
    assert(used_ > 0 && "pop_back() on an empty CompactDict");
    std::size_t pos = nentries_;
    do {
      --pos;
    } while (!IsLive(pos));
    Entry& e = entries_[pos];
    WriteSlot(SlotOfEntry(HashAt(pos), pos), 1);
    dead_[pos >> 6] |= std::uint64_t{1} << (pos & 63);
    std::pair<Key, Value> out(std::move(e.kv.mutable_value));
    std::destroy_at(&e.kv.mutable_value);
    --used_;
    nentries_ = pos;  // trailing holes are trimmed: the next pop_back() starts here
    ++mutations_;
    return out;
  }
  // The newest entry. Precondition: !empty().
  [[nodiscard]] value_type& back() {
    std::size_t pos = nentries_;
    do {
      --pos;
    } while (!IsLive(pos));
    return entries_[pos].kv.value;
  }
  // Destroys every entry and frees the table.
  void clear() {
    Release();
    ResetToEmpty();
    ++mutations_;
  }

  // --- Observers ------------------------------------------------------------------------

  [[nodiscard]] hasher hash_function() const { return hash_; }
  [[nodiscard]] key_equal key_eq() const { return eq_; }
  [[nodiscard]] allocator_type get_allocator() const { return allocator_type(entry_alloc_); }
  [[nodiscard]] const CompactDictPolicy& policy() const { return policy_; }
  // Installs a resize policy. If the minimum index width changed, the table is rebuilt
  // (invalidating iterators); otherwise it takes effect at the next resize decision.
  void set_policy(const CompactDictPolicy& p) {
    const bool rebuild = p.min_index_width != policy_.min_index_width && log2_ != 0;
    policy_ = p;
    if (rebuild) Rebuild(log2_);
  }

  // Equality as std::unordered_map (and Python's dict ==): same keys, equal values; order
  // does not matter.
  friend bool operator==(const CompactDict& a, const CompactDict& b) {
    if (a.size() != b.size()) return false;
    for (const value_type& kv : a) {
      const_iterator it = b.find(kv.first);
      if (it == b.end() || !(it->second == kv.second)) return false;
    }
    return true;
  }

  // ======================================================================================
  // Low-level API (what the Python layer's dict is built on)
  // ======================================================================================
  //
  // Hashes: every *_hashed / *_with call takes the key's hash instead of calling Hash. The
  // caller must pass the same value that Hash would return for that key if it ever mixes
  // these calls with the ordinary API, and (when the hash is not stored, kStoresHash ==
  // false) rebuilds call Hash to recompute it. An embedder whose Hash can fail installs one
  // whose hashes come from the objects and uses only this API.
  //
  // Reentrancy: the `eq` callbacks of find_with / try_emplace_with / erase_with are called
  // as eq(const Key& stored_key) -> DictEq and may do anything to this dict, including
  // erasing the very key they were given and inserting until the table is rebuilt. The
  // reference they get is valid only until they mutate the dict, so a callback that may
  // mutate must first copy (or, for a refcounted handle, retain) the key. After each call the
  // dict compares mutation_count() with its value before the call and, if it changed,
  // restarts the lookup from scratch (CPython's dict does the same); it never reads an entry
  // the callback could have freed. A callback that mutates the dict on every call makes the
  // lookup restart forever, as in CPython; it can return kError to stop.

  // Hash of the entry at `it` (stored, or recomputed with Hash if entries omit it).
  [[nodiscard]] hash_type hash_at(const_iterator it) const { return HashAt(it.pos_); }

  // Lookup with a precomputed hash and KeyEqual.
  [[nodiscard]] iterator find_hashed(const Key& key, hash_type hash) {
    const std::size_t pos = FindIndex(key, hash);
    return iterator(this, pos == kNotFound ? nentries_ : pos);
  }
  [[nodiscard]] const_iterator find_hashed(const Key& key, hash_type hash) const {
    return const_cast<CompactDict*>(this)->find_hashed(key, hash);
  }

  // try_emplace with a precomputed hash (which the entry stores).
  template <class K, class... Args>
  std::pair<iterator, bool> try_emplace_hashed(hash_type hash, K&& key, Args&&... args) {
    const std::size_t found = FindIndex(key, hash);
    if (found != kNotFound) return {iterator(this, found), false};
    return {emplace_new_hashed(hash, std::forward<K>(key), std::forward<Args>(args)...), true};
  }

  // Appends (key, Value(args...)) without looking the key up. Precondition: no key equal to
  // `key` is present (e.g. find_with just returned kAbsent and nothing ran since).
  template <class K, class... Args>
  iterator emplace_new_hashed(hash_type hash, K&& key, Args&&... args) {
    if (usable_left_ == 0) Grow();
    Entry* e = entries_ + nentries_;
    std::construct_at(&e->kv.value, std::piecewise_construct,
                      std::forward_as_tuple(std::forward<K>(key)),
                      std::forward_as_tuple(std::forward<Args>(args)...));
    if constexpr (kStoresHash) e->hash = hash;
    return iterator(this, Publish(hash));
  }

  // Lookup with a precomputed hash and a fallible, possibly mutating equality callback
  // (see "Reentrancy" above). Entries whose stored hash differs are skipped without a call.
  template <class EqFn>
  [[nodiscard]] LookupResult find_with(hash_type hash, EqFn&& eq) {
    for (;;) {
      const Probe p = ProbeWith(hash, eq);
      if (p.status == kRestart) continue;
      if (p.status == static_cast<int>(DictStatus::kFound)) {
        return {DictStatus::kFound, iterator(this, p.pos)};
      }
      return {static_cast<DictStatus>(p.status), end()};
    }
  }

  // find_with, then on kAbsent appends (Key(key), Value(args...)) with `hash`.
  template <class EqFn, class K, class... Args>
  [[nodiscard]] EmplaceResult try_emplace_with(hash_type hash, EqFn&& eq, K&& key,
                                               Args&&... args) {
    LookupResult r = find_with(hash, eq);
    if (r.status != DictStatus::kAbsent) return r;
    return {DictStatus::kAbsent,
            emplace_new_hashed(hash, std::forward<K>(key), std::forward<Args>(args)...)};
  }

  // find_with, then on kFound erases the entry. Returns the lookup's status.
  template <class EqFn>
  DictStatus erase_with(hash_type hash, EqFn&& eq) {
    LookupResult r = find_with(hash, eq);
    if (r.status == DictStatus::kFound) erase(const_iterator(r.it));
    return r.status;
  }

  // Incremented by every change that adds or removes a key or moves entries (insertion of a
  // new key, erase, pop_back, clear, any rebuild, swap, assignment). Assigning to an
  // existing key's value does not change it. Python's dict iterators compare size() (for
  // "dictionary changed size during iteration") and this counter (for "dictionary keys
  // changed during iteration").
  [[nodiscard]] std::uint64_t mutation_count() const { return mutations_; }

  // Positions: the entries array's indices, stable until the next rebuild. A Python dict
  // iterator keeps a position and asks for the next live one.
  // Number of positions in use (live entries and holes); end().position() == entry_count().
  [[nodiscard]] std::size_t entry_count() const { return nentries_; }
  // First live position >= pos, or entry_count() if none.
  [[nodiscard]] std::size_t next_position(std::size_t pos) const { return NextLive(pos); }
  // Whether the position holds a live entry.
  [[nodiscard]] [[gnu::always_inline]] bool is_live(std::size_t pos) const {
    return pos < nentries_ && IsLive(pos);
  }
  // Iterator to a live position. Precondition: is_live(pos).
  [[nodiscard]] iterator iterator_at(std::size_t pos) { return iterator(this, pos); }
  [[nodiscard]] const_iterator iterator_at(std::size_t pos) const {
    return const_iterator(this, pos);
  }
  // Number of index slots still free for new entries before the next rebuild.
  [[nodiscard]] std::size_t usable_left() const { return usable_left_; }

  // A cheap negative membership test: false means no key with this hash has been inserted
  // since the dict was last emptied (clear(), move-from), so a lookup would find nothing;
  // true means "maybe". It is a two-bit Bloom filter over the hashes of every key ever
  // inserted (erasing does not clear bits). An interpreter uses it to prove "this instance
  // dict does not shadow the method" without probing the table.
  [[nodiscard]] [[gnu::always_inline]] bool may_contain_hash(hash_type hash) const {
    const std::uint64_t bits = BloomBits(hash);
    return (key_bloom_ & bits) == bits;
  }
  [[nodiscard]] [[gnu::always_inline]] static std::uint64_t BloomBits(hash_type hash) {
    const auto h = static_cast<std::uint64_t>(hash);
    return (std::uint64_t{1} << (h & 63)) | (std::uint64_t{1} << ((h >> 6) & 63));
  }

 private:
  static constexpr std::size_t kNotFound = ~std::size_t{0};
  static constexpr int kRestart = 2;

  struct Probe {
    int status;  // DictStatus value or kRestart
    std::size_t pos;
  };

  // --- Index geometry -------------------------------------------------------------------

  // Width in bytes for a table of 2^log2 slots.
  [[nodiscard]] unsigned WidthFor(unsigned log2) const {
    const unsigned ibits = IbitsFor(log2);
    unsigned w = std::max<unsigned>(policy_.min_index_width, 1);
    w = std::bit_ceil(std::min(w, 8u));
    while (w < 8 && ibits + dict_internal::kMinTagBits > w * 8) w *= 2;
    return w;
  }
  // Bits for entry position + 2 (values up to capacity + 1).
  [[nodiscard]] static unsigned IbitsFor(unsigned log2) {
    return static_cast<unsigned>(std::bit_width(dict_internal::UsableFor(log2) + 1));
  }
  // 64-bit words of the slot area: 2^log2 slots plus the cloned group tail.
  [[nodiscard]] static std::size_t SlotWords(unsigned log2, unsigned width) {
    return ((std::size_t{width} << log2) + dict_internal::kGroupBytes + 7) / 8;
  }
  [[nodiscard]] static std::size_t IndexWords(unsigned log2, unsigned width) {
    const std::size_t dead_words = (dict_internal::UsableFor(log2) + 63) / 64;
    return SlotWords(log2, width) + dead_words;
  }

  void SetGeometry(unsigned log2, unsigned width) {
    log2_ = static_cast<std::uint8_t>(log2);
    width_ = static_cast<std::uint8_t>(width);
    ibits_ = static_cast<std::uint8_t>(IbitsFor(log2));
    shift_ = static_cast<std::uint8_t>(64 - log2);
    mask_ = (std::size_t{1} << log2) - 1;
    unsigned tag_bits = width * 8 - ibits_;
    tag_bits = std::min({tag_bits, dict_internal::kMaxTagBits, 64 - log2});
    tag_shift_ = static_cast<std::uint8_t>(64 - log2 - tag_bits);
    tag_mask_ = (std::uint64_t{1} << tag_bits) - 1;
  }

  void ResetToEmpty() {
    index_ = const_cast<std::uint64_t*>(dict_internal::kEmptyIndex);
    entries_ = nullptr;
    dead_ = nullptr;
    log2_ = 0;
    width_ = 1;
    ibits_ = 0;
    shift_ = 63;
    tag_shift_ = 0;
    mask_ = 0;
    tag_mask_ = 0;
    used_ = 0;
    nentries_ = 0;
    key_bloom_ = 0;
    usable_left_ = 0;
  }

  // --- Slots ----------------------------------------------------------------------------

  template <class S>
  [[nodiscard]] S* Slots() const {
    return reinterpret_cast<S*>(index_);
  }
  [[nodiscard]] std::uint64_t ReadSlot(std::size_t i) const {
    switch (width_) {
      case 1: return Slots<std::uint8_t>()[i];
      case 2: return Slots<std::uint16_t>()[i];
      case 4: return Slots<std::uint32_t>()[i];
      default: return Slots<std::uint64_t>()[i];
    }
  }
  // Writes slot i and, for the first group's worth of slots, its clone past the end.
  template <class S>
  void WriteSlotT(std::size_t i, std::uint64_t v) {
    S* slots = Slots<S>();
    slots[i] = static_cast<S>(v);
    if (i < dict_internal::kGroupBytes / sizeof(S) - 1) slots[i + mask_ + 1] = static_cast<S>(v);
  }
  void WriteSlot(std::size_t i, std::uint64_t v) {
    switch (width_) {
      case 1: WriteSlotT<std::uint8_t>(i, v); break;
      case 2: WriteSlotT<std::uint16_t>(i, v); break;
      case 4: WriteSlotT<std::uint32_t>(i, v); break;
      default: WriteSlotT<std::uint64_t>(i, v); break;
    }
  }
  [[nodiscard]] [[gnu::always_inline]] bool IsLive(std::size_t pos) const {
    return ((dead_[pos >> 6] >> (pos & 63)) & 1) == 0;
  }
  [[nodiscard]] std::size_t NextLive(std::size_t pos) const {
    while (pos < nentries_ && !IsLive(pos)) ++pos;
    return pos;
  }
  [[nodiscard]] hash_type HashAt(std::size_t pos) const {
    if constexpr (kStoresHash) {
      return entries_[pos].hash;
    } else {
      return hash_(entries_[pos].kv.value.first);
    }
  }

  // --- Probing --------------------------------------------------------------------------

  // The tag of a mixed hash: the bits below the home-slot bits, with the lowest bit forced
  // to 1 so that no tag is 0 (EMPTY and DUMMY slots have tag 0 and never match).
  [[nodiscard]] std::uint64_t Tag(std::uint64_t mixed) const {
    return ((mixed >> tag_shift_) & tag_mask_) | 1;
  }

  template <class S>
  [[nodiscard]] std::size_t FindIndexT(const Key& key, hash_type hash) const {
    const std::uint64_t mixed = static_cast<std::uint64_t>(hash) * dict_internal::kMix;
    const S want = static_cast<S>(Tag(mixed) << ibits_);
    const S pos_mask = static_cast<S>((std::uint64_t{1} << ibits_) - 1);
    const S* slots = Slots<S>();
    std::size_t i = (mixed >> shift_) & mask_;
    for (;;) {
      const S s = slots[i];
      if (s == 0) return kNotFound;
      // Tags are never 0, so a tag match is a live slot and d is its position field.
      const S d = static_cast<S>(s ^ want);
      if (d <= pos_mask) {
        const Entry& e = entries_[d - 2];
        if constexpr (kStoresHash) {
          if (e.hash == hash && eq_(e.kv.value.first, key)) return d - 2;
        } else {
          if (eq_(e.kv.value.first, key)) return d - 2;
        }
      }
      i = (i + 1) & mask_;
    }
  }
#if defined(__SSE2__)
  // Group probing: one 16-byte load covers 8, 4 or 2 consecutive slots (the cloned tail
  // makes the load valid at any start). Lanes whose tag matches and that hold an entry are
  // candidates; lanes from the first EMPTY on are ignored, and an EMPTY ends the probe. A
  // hit or miss then takes one well-predicted branch per group instead of one per slot.
  template <class S>
  [[nodiscard]] std::size_t FindIndexGroup(const Key& key, hash_type hash) const {
    constexpr unsigned kLanes = dict_internal::kGroupBytes / sizeof(S);
    // movemask gives one bit per byte; keep the lowest byte's bit of each lane.
    constexpr unsigned kLaneBits = sizeof(S) == 2 ? 0x5555u : sizeof(S) == 4 ? 0x1111u : 0x0101u;
    const std::uint64_t mixed = static_cast<std::uint64_t>(hash) * dict_internal::kMix;
    const S want = static_cast<S>(Tag(mixed) << ibits_);
    const S pos_mask = static_cast<S>((std::uint64_t{1} << ibits_) - 1);
    const S* slots = Slots<S>();
    const __m128i vwant = Splat<S>(want);
    const __m128i zero = _mm_setzero_si128();
    const __m128i count = _mm_cvtsi32_si128(static_cast<int>(ibits_));
    std::size_t i = (mixed >> shift_) & mask_;
    {
      // The home slot decides most lookups at the loads the table allows: test it alone
      // before paying for a group.
      const S s = slots[i];
      if (s == 0) return kNotFound;
      const S d = static_cast<S>(s ^ want);
      if (d <= pos_mask) {
        const Entry& e = entries_[d - 2];
        if constexpr (kStoresHash) {
          if (e.hash == hash && eq_(e.kv.value.first, key)) return d - 2;
        } else {
          if (eq_(e.kv.value.first, key)) return d - 2;
        }
      }
      i = (i + 1) & mask_;
    }
    for (;;) {
      const __m128i g = _mm_loadu_si128(reinterpret_cast<const __m128i*>(slots + i));
      // Tags are never 0, so tag matches are live slots (EMPTY and DUMMY have tag 0).
      const __m128i tag_ok = CmpEq<S>(ShiftRight<S>(_mm_xor_si128(g, vwant), count), zero);
      const __m128i empty = CmpEq<S>(g, zero);
      unsigned cand = static_cast<unsigned>(_mm_movemask_epi8(tag_ok)) & kLaneBits;
      const unsigned empties = static_cast<unsigned>(_mm_movemask_epi8(empty)) & kLaneBits;
      if (empties) cand &= (empties & (0u - empties)) - 1;
      while (cand) {
        const unsigned lane = static_cast<unsigned>(std::countr_zero(cand)) / sizeof(S);
        const std::size_t pos = static_cast<std::size_t>(slots[i + lane] & pos_mask) - 2;
        const Entry& e = entries_[pos];
        if constexpr (kStoresHash) {
          if (e.hash == hash && eq_(e.kv.value.first, key)) return pos;
        } else {
          if (eq_(e.kv.value.first, key)) return pos;
        }
        cand &= cand - 1;
      }
      if (empties) return kNotFound;
      i = (i + kLanes) & mask_;
    }
  }
  template <class S>
  [[nodiscard]] static __m128i Splat(S v) {
    if constexpr (sizeof(S) == 2) return _mm_set1_epi16(static_cast<short>(v));
    if constexpr (sizeof(S) == 4) return _mm_set1_epi32(static_cast<int>(v));
    if constexpr (sizeof(S) == 8) return _mm_set1_epi64x(static_cast<long long>(v));
  }
  template <class S>
  [[nodiscard]] static __m128i ShiftRight(__m128i x, __m128i count) {
    if constexpr (sizeof(S) == 2) return _mm_srl_epi16(x, count);
    if constexpr (sizeof(S) == 4) return _mm_srl_epi32(x, count);
    if constexpr (sizeof(S) == 8) return _mm_srl_epi64(x, count);
  }
  template <class S>
  [[nodiscard]] static __m128i CmpEq(__m128i a, __m128i b) {
    if constexpr (sizeof(S) == 2) return _mm_cmpeq_epi16(a, b);
    if constexpr (sizeof(S) == 4) return _mm_cmpeq_epi32(a, b);
#if defined(__SSE4_1__)
    if constexpr (sizeof(S) == 8) return _mm_cmpeq_epi64(a, b);
#else
    if constexpr (sizeof(S) == 8) {
      // 64-bit equality from 32-bit halves.
      const __m128i e = _mm_cmpeq_epi32(a, b);
      return _mm_and_si128(e, _mm_shuffle_epi32(e, _MM_SHUFFLE(2, 3, 0, 1)));
    }
#endif
  }
#endif  // __SSE2__

  [[nodiscard]] std::size_t FindIndex(const Key& key, hash_type hash) const {
#if defined(__SSE2__)
    switch (width_) {
      case 1: return FindIndexT<std::uint8_t>(key, hash);
      case 2: return FindIndexGroup<std::uint16_t>(key, hash);
      case 4: return FindIndexGroup<std::uint32_t>(key, hash);
      default: return FindIndexGroup<std::uint64_t>(key, hash);
    }
#else
    switch (width_) {
      case 1: return FindIndexT<std::uint8_t>(key, hash);
      case 2: return FindIndexT<std::uint16_t>(key, hash);
      case 4: return FindIndexT<std::uint32_t>(key, hash);
      default: return FindIndexT<std::uint64_t>(key, hash);
    }
#endif
  }

  // One probe sequence with a callback; returns kRestart if the callback mutated the dict.
  template <class EqFn>
  [[nodiscard]] Probe ProbeWith(hash_type hash, EqFn& eq) {
    const std::uint64_t mixed = static_cast<std::uint64_t>(hash) * dict_internal::kMix;
    const std::uint64_t want = Tag(mixed) << ibits_;
    const std::uint64_t pos_mask = (std::uint64_t{1} << ibits_) - 1;
    std::size_t i = (mixed >> shift_) & mask_;
    for (;;) {
      const std::uint64_t s = ReadSlot(i);
      if (s == 0) return {static_cast<int>(DictStatus::kAbsent), 0};
      if ((s & ~pos_mask) == want) {
        const std::size_t pos = (s & pos_mask) - 2;
        bool candidate = true;
        if constexpr (kStoresHash) candidate = entries_[pos].hash == hash;
        if (candidate) {
          const std::uint64_t before = mutations_;
          const DictEq r = eq(static_cast<const Key&>(entries_[pos].kv.value.first));
          // Nothing of the table may be read after a mutating callback: start over.
          if (mutations_ != before) return {kRestart, 0};
          if (r == DictEq::kError) return {static_cast<int>(DictStatus::kError), 0};
          if (r == DictEq::kEqual) return {static_cast<int>(DictStatus::kFound), pos};
        }
      }
      i = (i + 1) & mask_;
    }
  }

  // Index slot that refers to live entry `pos` (which must be present).
  [[nodiscard]] std::size_t SlotOfEntry(hash_type hash, std::size_t pos) const {
    const std::uint64_t mixed = static_cast<std::uint64_t>(hash) * dict_internal::kMix;
    const std::uint64_t pos_mask = (std::uint64_t{1} << ibits_) - 1;
    std::size_t i = (mixed >> shift_) & mask_;
    for (;;) {
      const std::uint64_t s = ReadSlot(i);
      assert(s != 0 && "entry not reachable from its home slot");
      if ((s & pos_mask) == pos + 2) return i;
      i = (i + 1) & mask_;
    }
  }

  // Writes an index slot for entry `pos` with `hash` at the first EMPTY slot of its probe
  // sequence.
  void InsertIndex(hash_type hash, std::size_t pos) {
    const std::uint64_t mixed = static_cast<std::uint64_t>(hash) * dict_internal::kMix;
    const std::uint64_t tag = Tag(mixed);
    std::size_t i = (mixed >> shift_) & mask_;
    while (ReadSlot(i) != 0) i = (i + 1) & mask_;
    WriteSlot(i, (tag << ibits_) | (pos + 2));
  }

  // Makes the entry constructed at entries_[nentries_] live. Returns its position.
  std::size_t Publish(hash_type hash) {
    const std::size_t pos = nentries_;
    InsertIndex(hash, pos);
    key_bloom_ |= BloomBits(hash);
    dead_[pos >> 6] &= ~(std::uint64_t{1} << (pos & 63));
    ++nentries_;
    ++used_;
    --usable_left_;
    ++mutations_;
    return pos;
  }

  void EraseAt(std::size_t pos) {
    const std::size_t slot = SlotOfEntry(HashAt(pos), pos);
    WriteSlot(slot, 1);
    std::destroy_at(&entries_[pos].kv.value);
    dead_[pos >> 6] |= std::uint64_t{1} << (pos & 63);
    --used_;
    ++mutations_;
  }

  // --- Resizing -------------------------------------------------------------------------

  [[nodiscard]] unsigned GrowLog2() const {
    const std::size_t factor = std::max<std::uint32_t>(policy_.growth_factor, 2);
    return dict_internal::Log2ForSlots(used_ * factor);
  }
  // An insertion found the entries array full. If at most kCompactFraction of it is live,
  // the holes are squeezed out in place (no allocation, same index size); otherwise the
  // table grows. Insertion never shrinks the table: under erase/insert churn CPython's rule
  // reallocates back and forth, and growing on every mostly-live rebuild doubles the index.
  void Grow() {
    if (log2_ != 0 && used_ * dict_internal::kCompactDen <=
                          capacity() * dict_internal::kCompactNum) {
      Rebuild(log2_);
    } else {
      Rebuild(std::max<unsigned>(GrowLog2(), log2_));
    }
  }
  [[nodiscard]] bool ShrinkWanted() const {
    return policy_.shrink_divisor != 0 && log2_ > dict_internal::kMinLog2 &&
           used_ * policy_.shrink_divisor < capacity() && ShrinkLog2() < log2_;
  }
  [[nodiscard]] unsigned ShrinkLog2() const {
    return std::max(GrowLog2(), dict_internal::Log2ForEntries(used_ + 1));
  }
  void MaybeShrink() {
    if (ShrinkWanted()) Rebuild(ShrinkLog2());
  }

  // Allocates a table of 2^log2 slots, moves the live entries into it in order (removing
  // holes) and frees the old table. Strong guarantee: allocation happens first.
  void Rebuild(unsigned log2) {
    const unsigned width = WidthFor(log2);
    if (log2 == log2_ && width == width_) {
      CompactInPlace();
      return;
    }
    const std::size_t words = IndexWords(log2, width);
    const std::size_t cap = dict_internal::UsableFor(log2);
    assert(cap >= used_);
    std::uint64_t* index = WordTraits::allocate(word_alloc_, words);
    Entry* entries;
    try {
      entries = EntryTraits::allocate(entry_alloc_, cap);
    } catch (...) {
      WordTraits::deallocate(word_alloc_, index, words);
      throw;
    }
    std::memset(index, 0, words * 8);

    std::uint64_t* old_index = index_;
    Entry* old_entries = entries_;
    const unsigned old_log2 = log2_;
    const unsigned old_width = width_;
    const std::uint64_t* old_dead = dead_;
    const std::size_t old_n = nentries_;

    SetGeometry(log2, width);
    index_ = index;
    entries_ = entries;
    dead_ = index + SlotWords(log2, width);
    std::size_t n = 0;
    for (std::size_t p = 0; p < old_n; ++p) {
      if ((old_dead[p >> 6] >> (p & 63)) & 1) continue;
      Entry& src = old_entries[p];
      Entry* dst = entries_ + n;
      if constexpr (kStoresHash) dst->hash = src.hash;
      std::construct_at(&dst->kv.mutable_value, std::move(src.kv.mutable_value));
      std::destroy_at(&src.kv.mutable_value);
      InsertIndex(HashAt(n), n);
      ++n;
    }
    nentries_ = n;
    usable_left_ = cap - n;
    ++mutations_;
    if (old_log2 != 0) {
      EntryTraits::deallocate(entry_alloc_, old_entries, dict_internal::UsableFor(old_log2));
      WordTraits::deallocate(word_alloc_, old_index, IndexWords(old_log2, old_width));
    }
  }

  // Rebuild at the same geometry: slides live entries down over the holes, then rebuilds
  // the index in the same block.
  void CompactInPlace() {
    std::size_t n = 0;
    for (std::size_t p = 0; p < nentries_; ++p) {
      if (!IsLive(p)) continue;
      if (n != p) {
        Entry& src = entries_[p];
        Entry* dst = entries_ + n;
        if constexpr (kStoresHash) dst->hash = src.hash;
        std::construct_at(&dst->kv.mutable_value, std::move(src.kv.mutable_value));
        std::destroy_at(&src.kv.mutable_value);
      }
      ++n;
    }
    std::memset(index_, 0, IndexWords(log2_, width_) * 8);
    for (std::size_t q = 0; q < n; ++q) InsertIndex(HashAt(q), q);
    nentries_ = n;
    usable_left_ = capacity() - n;
    ++mutations_;
  }

  // Destroys all entries and frees the table (leaves members dangling; callers reset).
  void Release() {
    if (log2_ == 0) return;
    if constexpr (!std::is_trivially_destructible_v<value_type>) {
      for (std::size_t p = 0; p < nentries_; ++p) {
        if (IsLive(p)) std::destroy_at(&entries_[p].kv.value);
      }
    }
    EntryTraits::deallocate(entry_alloc_, entries_, capacity());
    WordTraits::deallocate(word_alloc_, index_, IndexWords(log2_, width_));
  }

  void CopyFrom(const CompactDict& other) {
    if (other.used_ == 0) return;
    Rebuild(dict_internal::Log2ForEntries(other.used_));
    try {
      for (std::size_t p = 0; p < other.nentries_; ++p) {
        if (!other.IsLive(p)) continue;
        const Entry& src = other.entries_[p];
        Entry* dst = entries_ + nentries_;
        std::construct_at(&dst->kv.value, src.kv.value);
        if constexpr (kStoresHash) dst->hash = src.hash;
        Publish(other.HashAt(p));
      }
    } catch (...) {
      Release();
      ResetToEmpty();
      throw;
    }
  }

  void StealFrom(CompactDict& other) noexcept {
    index_ = other.index_;
    entries_ = other.entries_;
    dead_ = other.dead_;
    log2_ = other.log2_;
    width_ = other.width_;
    ibits_ = other.ibits_;
    shift_ = other.shift_;
    tag_shift_ = other.tag_shift_;
    mask_ = other.mask_;
    tag_mask_ = other.tag_mask_;
    used_ = other.used_;
    nentries_ = other.nentries_;
    usable_left_ = other.usable_left_;
    policy_ = other.policy_;
    key_bloom_ = other.key_bloom_;
    other.ResetToEmpty();
    ++other.mutations_;
  }

  // Test access to internals (validate() in the tests).
  friend struct CompactDictTestPeer;

  // --- Data -----------------------------------------------------------------------------

  [[no_unique_address]] Hash hash_;
  [[no_unique_address]] KeyEqual eq_;
  [[no_unique_address]] EntryAlloc entry_alloc_;
  [[no_unique_address]] WordAlloc word_alloc_;
  std::uint64_t* index_ = const_cast<std::uint64_t*>(dict_internal::kEmptyIndex);
  Entry* entries_ = nullptr;
  std::uint64_t* dead_ = nullptr;  // bit p set: entry p is a hole (inside the index block)
  std::size_t mask_ = 0;
  std::uint64_t tag_mask_ = 0;
  std::size_t used_ = 0;         // live entries
  std::size_t nentries_ = 0;     // positions in use (live + holes)
  std::size_t usable_left_ = 0;  // EMPTY slots that may still be filled before a rebuild
  std::uint64_t mutations_ = 0;
  std::uint64_t key_bloom_ = 0;  // see may_contain_hash()
  CompactDictPolicy policy_;
  std::uint8_t log2_ = 0;  // 0: the static empty index
  std::uint8_t width_ = 1;
  std::uint8_t ibits_ = 0;
  std::uint8_t shift_ = 63;
  std::uint8_t tag_shift_ = 0;
};

}  // namespace pyrt

#endif  // PYRT_OBJECTS_DICT_COMPACT_DICT_H_

// Tests for pyrt::CompactDict: the C++ API, the low-level (Python-layer) API, the layout
// invariants, and randomized operation sequences against a reference model.
#include "objects/dict/compact_dict.h"

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace pyrt {

// Checks the invariants stated in compact_dict.h's opening comment.
struct CompactDictTestPeer {
  template <class D>
  static void Validate(const D& d) {
    ASSERT_LE(d.used_, d.nentries_);
    if (d.log2_ == 0) {
      ASSERT_EQ(d.used_, 0u);
      ASSERT_EQ(d.nentries_, 0u);
      return;
    }
    ASSERT_LE(d.nentries_, d.capacity());
    const std::size_t slots = std::size_t{1} << d.log2_;
    const std::uint64_t pos_mask = (std::uint64_t{1} << d.ibits_) - 1;
    std::size_t occupied = 0;
    std::vector<int> refs(d.nentries_, 0);
    for (std::size_t i = 0; i < slots; ++i) {
      const std::uint64_t s = d.ReadSlot(i);
      if (s == 0) continue;
      ++occupied;
      if (s == 1) continue;
      const std::uint64_t pos = (s & pos_mask) - 2;
      ASSERT_GE(s & pos_mask, 2u);
      ASSERT_LT(pos, d.nentries_);
      ASSERT_TRUE(d.IsLive(pos)) << "index slot points at a hole";
      ++refs[pos];
      // Tag and reachability from the home slot without crossing EMPTY.
      const std::uint64_t mixed = static_cast<std::uint64_t>(d.HashAt(pos)) * dict_internal::kMix;
      const std::uint64_t tag = d.Tag(mixed);
      ASSERT_EQ(s >> d.ibits_, tag);
      std::size_t j = (mixed >> d.shift_) & d.mask_;
      while (j != i) {
        ASSERT_NE(d.ReadSlot(j), 0u) << "EMPTY slot inside a probe sequence";
        j = (j + 1) & d.mask_;
      }
    }
    // The cloned tail mirrors the first slots (group loads read past the end).
    const std::size_t clones = std::min<std::size_t>(dict_internal::kGroupBytes / d.width_ - 1, slots);
    for (std::size_t i = 0; i < clones; ++i) {
      ASSERT_EQ(d.ReadSlot(i + slots), d.ReadSlot(i)) << "clone of slot " << i;
    }
    std::size_t live = 0;
    for (std::size_t p = 0; p < d.nentries_; ++p) {
      if (d.IsLive(p)) {
        ++live;
        ASSERT_EQ(refs[p], 1) << "live entry " << p << " referenced " << refs[p] << " times";
        if constexpr (D::kStoresHash) {
          ASSERT_EQ(d.entries_[p].hash, d.hash_(d.entries_[p].kv.value.first));
        }
      }
    }
    ASSERT_EQ(live, d.used_);
    ASSERT_EQ(occupied, d.capacity() - d.usable_left_);
    ASSERT_GE(occupied, d.nentries_);
  }
};

namespace {

// --- Hash functions that stress the table ----------------------------------------------

// Every key in one bucket (and, with stored hashes, equal stored hashes).
struct ConstantHash {
  template <class K>
  std::size_t operator()(const K&) const {
    return 42;
  }
};
// Only four distinct hashes.
struct FewHash {
  std::size_t operator()(std::uint64_t k) const { return k & 3; }
  std::size_t operator()(const std::string& k) const { return k.size() & 3; }
};
// Hashes that are multiples of a large power of two (bad for masking-only tables).
struct AlignedHash {
  using is_cheap = void;
  std::size_t operator()(std::uint64_t k) const { return k << 40; }
};

// A value type that counts live instances, to catch leaks and double destruction.
struct Counted {
  static inline int live = 0;
  int v = 0;
  Counted() { ++live; }
  explicit Counted(int x) : v(x) { ++live; }
  Counted(const Counted& o) : v(o.v) { ++live; }
  Counted(Counted&& o) noexcept : v(o.v) { ++live; }
  Counted& operator=(const Counted&) = default;
  Counted& operator=(Counted&&) noexcept = default;
  ~Counted() { --live; }
  bool operator==(const Counted& o) const { return v == o.v; }
};

// --- Reference model: std::map plus an insertion-order list ------------------------------

template <class K, class V>
class Model {
 public:
  bool Insert(const K& k, const V& v, bool assign) {
    auto it = seq_.find(k);
    if (it != seq_.end()) {
      if (assign) order_[it->second].second = v;
      return false;
    }
    seq_[k] = next_;
    order_[next_++] = {k, v};
    return true;
  }
  bool Erase(const K& k) {
    auto it = seq_.find(k);
    if (it == seq_.end()) return false;
    order_.erase(it->second);
    seq_.erase(it);
    return true;
  }
  std::pair<K, V> PopBack() {
    auto last = std::prev(order_.end());
    std::pair<K, V> out = last->second;
    seq_.erase(out.first);
    order_.erase(last);
    return out;
  }
  const V* Find(const K& k) const {
    auto it = seq_.find(k);
    return it == seq_.end() ? nullptr : &order_.at(it->second).second;
  }
  std::size_t size() const { return seq_.size(); }
  void Clear() {
    seq_.clear();
    order_.clear();
  }
  std::vector<std::pair<K, V>> Items() const {
    std::vector<std::pair<K, V>> out;
    for (const auto& [s, kv] : order_) out.push_back(kv);
    return out;
  }

 private:
  std::map<K, std::uint64_t> seq_;
  std::map<std::uint64_t, std::pair<K, V>> order_;
  std::uint64_t next_ = 0;
};

template <class D, class K, class V>
void ExpectSameItems(const D& d, const Model<K, V>& m) {
  std::vector<std::pair<K, V>> got;
  for (const auto& [k, v] : d) got.emplace_back(k, v);
  ASSERT_EQ(got, m.Items());
  ASSERT_EQ(d.size(), m.size());
}

std::string StrKey(std::uint64_t k) {
  // 24-character keys, distinct for distinct k.
  std::string s = std::to_string(k);
  return std::string(24 - s.size(), 'k') + s;
}

template <class K>
K MakeKey(std::uint64_t k) {
  if constexpr (std::is_same_v<K, std::string>) {
    return StrKey(k);
  } else {
    return static_cast<K>(k);
  }
}

// Runs `ops` random operations over keys in [0, key_range). erase_weight out of 10
// operations erase; the rest insert, assign, look up, pop_back, or (rarely) clear or rebuild.
template <class D>
void RandomOps(D& d, std::uint64_t seed, int ops, std::uint64_t key_range, int erase_weight,
               int validate_every) {
  using K = typename D::key_type;
  Model<K, int> m;
  std::mt19937_64 rng(seed);
  for (int i = 0; i < ops; ++i) {
    const K k = MakeKey<K>(rng() % key_range);
    const int op = static_cast<int>(rng() % 20);
    const int v = static_cast<int>(rng() % 1000);
    if (op < erase_weight * 2) {
      ASSERT_EQ(d.erase(k), m.Erase(k) ? 1u : 0u);
    } else if (op < erase_weight * 2 + 2 && m.size() != 0) {
      auto [pk, pv] = d.pop_back();
      auto [mk, mv] = m.PopBack();
      ASSERT_EQ(pk, mk);
      ASSERT_EQ(pv, mv);
    } else if (op == 19 && rng() % 50 == 0) {
      if (rng() % 2) {
        d.clear();
        m.Clear();
      } else {
        d.shrink_to_fit();
      }
    } else if (op % 3 == 0) {
      const bool inserted = d.insert_or_assign(k, v).second;
      ASSERT_EQ(inserted, m.Insert(k, v, true));
    } else if (op % 3 == 1) {
      const bool inserted = d.try_emplace(k, v).second;
      ASSERT_EQ(inserted, m.Insert(k, v, false));
    } else {
      auto it = d.find(k);
      const int* mv = m.Find(k);
      ASSERT_EQ(it != d.end(), mv != nullptr);
      if (mv) {
        ASSERT_EQ(it->second, *mv);
      }
      ASSERT_EQ(d.contains(k), mv != nullptr);
    }
    if (validate_every && i % validate_every == 0) {
      CompactDictTestPeer::Validate(d);
      ExpectSameItems(d, m);
    }
  }
  CompactDictTestPeer::Validate(d);
  ExpectSameItems(d, m);
}

// --- Basic API ------------------------------------------------------------------------

TEST(CompactDict, EmptyDictAllocatesNothingAndFindsNothing) {
  CompactDict<std::uint64_t, int> d;
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.allocated_bytes(), 0u);
  EXPECT_EQ(d.find(7), d.end());
  EXPECT_EQ(d.count(7), 0u);
  EXPECT_EQ(d.erase(7), 0u);
  EXPECT_EQ(d.begin(), d.end());
  CompactDictTestPeer::Validate(d);
}

TEST(CompactDict, MayContainHashNeverDeniesAnInsertedKey) {
  CompactDict<std::uint64_t, int> d;
  const auto h = d.hash_function();
  std::mt19937_64 rng(42);
  std::vector<std::uint64_t> keys;
  for (int i = 0; i < 500; ++i) {
    const std::uint64_t k = rng();
    keys.push_back(k);
    d.try_emplace(k, i);
    for (std::uint64_t seen : keys) ASSERT_TRUE(d.may_contain_hash(h(seen))) << i;
  }
  // Erasing keeps the bits (a superset is allowed); moving out and clear() reset them.
  for (std::size_t i = 0; i < keys.size(); i += 2) d.erase(keys[i]);
  for (std::uint64_t k : keys) EXPECT_TRUE(d.may_contain_hash(h(k)));
  CompactDict<std::uint64_t, int> moved(std::move(d));
  for (std::size_t i = 1; i < keys.size(); i += 2) EXPECT_TRUE(moved.may_contain_hash(h(keys[i])));
  moved.clear();
  int denied = 0;
  for (std::uint64_t k : keys) denied += moved.may_contain_hash(h(k)) ? 0 : 1;
  EXPECT_EQ(denied, static_cast<int>(keys.size()));
  // A small dict rules most absent hashes out (what makes the filter worth having).
  CompactDict<std::uint64_t, int> small;
  for (std::uint64_t k = 0; k < 6; ++k) small.try_emplace(rng(), 0);
  int maybe = 0;
  for (int i = 0; i < 10000; ++i) maybe += small.may_contain_hash(h(rng())) ? 1 : 0;
  EXPECT_LT(maybe, 1500);
}

TEST(CompactDict, InsertionOrderAndPythonAssignSemantics) {
  CompactDict<std::string, int> d;
  d["c"] = 1;
  d["a"] = 2;
  d["b"] = 3;
  d["a"] = 4;  // an existing key keeps its position
  std::vector<std::pair<std::string, int>> items(d.begin(), d.end());
  EXPECT_EQ(items, (std::vector<std::pair<std::string, int>>{{"c", 1}, {"a", 4}, {"b", 3}}));
  d.erase("c");
  d["c"] = 5;  // re-inserted keys go to the end
  items.assign(d.begin(), d.end());
  EXPECT_EQ(items, (std::vector<std::pair<std::string, int>>{{"a", 4}, {"b", 3}, {"c", 5}}));
}

TEST(CompactDict, StdNamesAndSemantics) {
  CompactDict<std::string, std::string> d{{"x", "1"}, {"y", "2"}};
  EXPECT_EQ(d.size(), 2u);
  EXPECT_EQ(d.at("x"), "1");
  EXPECT_THROW((void)d.at("z"), std::out_of_range);
  auto [it, inserted] = d.try_emplace("x", "ignored");
  EXPECT_FALSE(inserted);
  EXPECT_EQ(it->second, "1");
  auto r = d.emplace("z", "3");
  EXPECT_TRUE(r.second);
  EXPECT_FALSE(d.emplace("z", "4").second);
  EXPECT_EQ(d.at("z"), "3");
  EXPECT_FALSE(d.insert_or_assign("z", "5").second);
  EXPECT_EQ(d.at("z"), "5");
  EXPECT_TRUE(d.insert({"w", "6"}).second);
  EXPECT_EQ(d.count("w"), 1u);
  EXPECT_TRUE(d.contains("y"));
  EXPECT_EQ(d.erase("y"), 1u);
  EXPECT_EQ(d.erase("y"), 0u);
  std::string empty = d["new"];
  EXPECT_EQ(empty, "");
  EXPECT_EQ(d.size(), 4u);
  const auto& cd = d;
  EXPECT_EQ(cd.find("x")->second, "1");
  EXPECT_EQ(cd.find("nope"), cd.end());
  d.clear();
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.begin(), d.end());
  d["again"] = "7";
  EXPECT_EQ(d.size(), 1u);
}

TEST(CompactDict, EraseIteratorReturnsNextAndKeepsOtherIteratorsValid) {
  CompactDict<int, int> d;
  for (int i = 0; i < 100; ++i) d[i] = i * 10;
  auto keep = d.find(77);
  auto it = d.begin();
  int seen = 0;
  while (it != d.end()) {
    if (it->first % 2 == 0) {
      it = d.erase(it);
    } else {
      ++seen;
      ++it;
    }
  }
  EXPECT_EQ(seen, 50);
  EXPECT_EQ(keep->second, 770);  // not invalidated by erasing others
  ++keep;
  EXPECT_EQ(keep->first, 79);  // skips the hole at 78
  int expect = 1;
  for (const auto& [k, v] : d) {
    EXPECT_EQ(k, expect);
    expect += 2;
  }
  CompactDictTestPeer::Validate(d);
}

TEST(CompactDict, PopBackIsPopitem) {
  CompactDict<int, int> d;
  for (int i = 0; i < 10; ++i) d[i] = i;
  d.erase(9);
  d.erase(8);
  auto [k, v] = d.pop_back();
  EXPECT_EQ(k, 7);
  EXPECT_EQ(v, 7);
  EXPECT_EQ(d.back().first, 6);
  while (!d.empty()) (void)d.pop_back();
  CompactDictTestPeer::Validate(d);
  d[5] = 5;
  EXPECT_EQ(d.begin()->first, 5);
  CompactDictTestPeer::Validate(d);
}

TEST(CompactDict, CopyMoveSwapEquality) {
  CompactDict<std::string, int> a;
  for (int i = 0; i < 50; ++i) a[StrKey(i)] = i;
  for (int i = 0; i < 50; i += 3) a.erase(StrKey(i));
  CompactDict<std::string, int> b(a);
  EXPECT_TRUE(a == b);
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end()));  // same order
  EXPECT_EQ(b.entry_count(), b.size());  // copies have no holes
  CompactDictTestPeer::Validate(b);
  b[StrKey(1)] = -1;
  EXPECT_FALSE(a == b);
  // Equality ignores order.
  CompactDict<std::string, int> c;
  for (auto it = a.begin(); it != a.end(); ++it) c.emplace(*it);
  CompactDict<std::string, int> rev;
  std::vector<std::pair<std::string, int>> items(a.begin(), a.end());
  for (auto it = items.rbegin(); it != items.rend(); ++it) rev.emplace(*it);
  EXPECT_TRUE(a == rev);
  CompactDict<std::string, int> m(std::move(c));
  EXPECT_TRUE(c.empty());
  EXPECT_TRUE(m == a);
  c = m;
  EXPECT_TRUE(c == a);
  CompactDict<std::string, int> s;
  s["only"] = 1;
  s.swap(c);
  EXPECT_TRUE(s == a);
  EXPECT_EQ(c.size(), 1u);
  c = std::move(s);
  EXPECT_TRUE(c == a);
  CompactDictTestPeer::Validate(c);
}

TEST(CompactDict, ReserveAvoidsRebuilds) {
  CompactDict<std::uint64_t, std::uint64_t> d;
  d.reserve(1000);
  const std::size_t cap = d.capacity();
  EXPECT_GE(cap, 1000u);
  for (std::uint64_t i = 0; i < 1000; ++i) d[i] = i;
  EXPECT_EQ(d.capacity(), cap);
  EXPECT_EQ(d.entry_count(), 1000u);
  CompactDictTestPeer::Validate(d);
  d.shrink_to_fit();
  EXPECT_LE(d.capacity(), cap);
  d.clear();
  d.shrink_to_fit();
  EXPECT_EQ(d.allocated_bytes(), 0u);
}

TEST(CompactDict, NoLeaksOrDoubleDestroys) {
  ASSERT_EQ(Counted::live, 0);
  {
    CompactDict<std::string, Counted> d;
    std::mt19937 rng(1);
    for (int i = 0; i < 5000; ++i) {
      const std::string k = StrKey(rng() % 700);
      switch (rng() % 4) {
        case 0: d.erase(k); break;
        case 1: d.try_emplace(k, i); break;
        case 2: d.insert_or_assign(k, Counted(i)); break;
        case 3:
          if (!d.empty()) (void)d.pop_back();
          break;
      }
      ASSERT_EQ(static_cast<std::size_t>(Counted::live), d.size());
    }
    CompactDict<std::string, Counted> copy = d;
    ASSERT_EQ(static_cast<std::size_t>(Counted::live), 2 * d.size());
  }
  EXPECT_EQ(Counted::live, 0);
}

// --- Randomized against the model ---------------------------------------------------------

template <class D>
void RandomSuite(std::uint64_t key_range) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    D d;
    RandomOps(d, seed, 6000, key_range, static_cast<int>(seed % 3) + 1, 97);
  }
  {
    D d;  // erase-heavy: erase 6/10 of operations (ops 0..11 of 20)
    RandomOps(d, 99, 8000, key_range, 6, 101);
  }
}

TEST(CompactDictRandom, Uint64Keys) { RandomSuite<CompactDict<std::uint64_t, int>>(500); }
TEST(CompactDictRandom, Uint64KeysWide) { RandomSuite<CompactDict<std::uint64_t, int>>(1u << 20); }
TEST(CompactDictRandom, StringKeys) { RandomSuite<CompactDict<std::string, int>>(400); }
TEST(CompactDictRandom, AdversarialConstantHashUint64) {
  RandomSuite<CompactDict<std::uint64_t, int, ConstantHash>>(300);
}
TEST(CompactDictRandom, AdversarialConstantHashString) {
  RandomSuite<CompactDict<std::string, int, ConstantHash>>(200);
}
TEST(CompactDictRandom, FourHashes) { RandomSuite<CompactDict<std::uint64_t, int, FewHash>>(300); }
TEST(CompactDictRandom, AlignedHashes) {
  RandomSuite<CompactDict<std::uint64_t, int, AlignedHash>>(2000);
}
TEST(CompactDictRandom, ShrinkPolicy) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    CompactDict<std::uint64_t, int> d;
    d.set_policy({.growth_factor = 2, .shrink_divisor = 8, .min_index_width = 1});
    RandomOps(d, seed, 6000, 3000, 6, 89);
  }
}
TEST(CompactDictRandom, EightByteSlots) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    CompactDict<std::string, int> d;
    d.set_policy({.growth_factor = 3, .shrink_divisor = 0, .min_index_width = 8});
    RandomOps(d, seed, 4000, 500, 2, 53);
    EXPECT_EQ(d.index_width(), 8u);
  }
}

// --- Index width boundaries ----------------------------------------------------------------

// Grows one key at a time past every width change (and CPython's 255/256 and 65535/65536
// boundaries), checking the whole table around each change and erasing back down.
template <class K>
void WidthBoundaries(std::uint64_t max_n) {
  CompactDict<K, std::uint64_t> d;
  std::vector<unsigned> widths_seen;
  auto check_all = [&](std::uint64_t n) {
    CompactDictTestPeer::Validate(d);
    ASSERT_EQ(d.size(), n);
    for (std::uint64_t i = 0; i < n; ++i) {
      auto it = d.find(MakeKey<K>(i * 7919));
      ASSERT_NE(it, d.end()) << "lost key " << i << " at size " << n;
      ASSERT_EQ(it->second, i);
    }
    ASSERT_EQ(d.find(MakeKey<K>(n * 7919 + 1)), d.end());
  };
  for (std::uint64_t n = 0; n < max_n; ++n) {
    const unsigned w = d.index_width();
    d[MakeKey<K>(n * 7919)] = n;
    const bool at_boundary = d.index_width() != w || n + 1 == 255 || n + 1 == 256 ||
                             n + 1 == 257 || n + 1 == 65535 || n + 1 == 65536 ||
                             n + 1 == 65537;
    if (widths_seen.empty() || widths_seen.back() != d.index_width()) {
      widths_seen.push_back(d.index_width());
    }
    if (at_boundary) check_all(n + 1);
  }
  EXPECT_EQ(widths_seen, (std::vector<unsigned>{1, 2, 4}));
  // Erase back across the boundaries (holes + dummies, then a rebuild that shrinks).
  for (std::uint64_t n = max_n; n > 0; --n) {
    ASSERT_EQ(d.erase(MakeKey<K>((n - 1) * 7919)), 1u);
    if (n - 1 == 65535 || n - 1 == 256 || n - 1 == 255) check_all(n - 1);
  }
  d.shrink_to_fit();
  EXPECT_EQ(d.allocated_bytes(), 0u);
}

TEST(CompactDictWidth, Uint64UpTo70000) { WidthBoundaries<std::uint64_t>(70000); }
TEST(CompactDictWidth, StringUpTo66000) { WidthBoundaries<std::string>(66000); }

TEST(CompactDictWidth, ShrinkReturnsToNarrowSlots) {
  CompactDict<std::uint64_t, int> d;
  for (int i = 0; i < 5000; ++i) d[i] = i;
  EXPECT_EQ(d.index_width(), 4u);
  for (int i = 10; i < 5000; ++i) d.erase(i);
  d.shrink_to_fit();
  EXPECT_EQ(d.index_width(), 1u);
  CompactDictTestPeer::Validate(d);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(d.at(i), i);
}

// --- Low-level API ------------------------------------------------------------------------

TEST(CompactDictLowLevel, PrecomputedHashIsStoredAndUsed) {
  using D = CompactDict<std::string, int>;
  static_assert(D::kStoresHash);
  static_assert(!CompactDict<std::uint64_t, int>::kStoresHash);
  D d;
  const std::size_t h = std::hash<std::string>{}("key");
  auto [it, inserted] = d.try_emplace_hashed(h, "key", 1);
  EXPECT_TRUE(inserted);
  EXPECT_EQ(d.hash_at(it), h);
  EXPECT_EQ(d.find_hashed("key", h)->second, 1);
  EXPECT_EQ(d.find("key")->second, 1);
  auto it2 = d.emplace_new_hashed(std::hash<std::string>{}("k2"), "k2", 2);
  EXPECT_EQ(it2->second, 2);
  EXPECT_EQ(d.at("k2"), 2);
  CompactDictTestPeer::Validate(d);
}

// A Python-like setup: the hash is supplied by the caller; Hash is only used on rebuilds
// when hashes are not stored. Here hashes are stored, so Hash is never called.
struct NeverCalledHash {
  std::size_t operator()(const std::string&) const {
    ADD_FAILURE() << "Hash called although the entry stores its hash";
    return 0;
  }
};

TEST(CompactDictLowLevel, StoredHashesAreNeverRecomputed) {
  CompactDict<std::string, int, NeverCalledHash> d;
  for (int i = 0; i < 2000; ++i) {
    const std::string k = StrKey(i);
    auto r = d.try_emplace_with(
        static_cast<std::size_t>(i) * 31, [&](const std::string& s) {
          return s == k ? DictEq::kEqual : DictEq::kNotEqual;
        },
        k, i);
    ASSERT_EQ(r.status, DictStatus::kAbsent);
  }
  for (int i = 0; i < 2000; i += 2) {
    const std::string k = StrKey(i);
    ASSERT_EQ(d.erase_with(static_cast<std::size_t>(i) * 31,
                           [&](const std::string& s) {
                             return s == k ? DictEq::kEqual : DictEq::kNotEqual;
                           }),
              DictStatus::kFound);
  }
  d.shrink_to_fit();
  (void)d.pop_back();
  EXPECT_EQ(d.size(), 999u);
}

TEST(CompactDictLowLevel, FailingEqualityStopsAndLeavesDictUnchanged) {
  // All keys share one hash so every lookup compares against many entries.
  CompactDict<std::uint64_t, int, ConstantHash> d;
  for (int i = 0; i < 40; ++i) d[i] = i;
  const std::uint64_t before = d.mutation_count();
  for (int fail_at = 1; fail_at <= 40; ++fail_at) {
    int calls = 0;
    auto eq = [&](const std::uint64_t& k) {
      if (++calls == fail_at) return DictEq::kError;
      return k == 39 ? DictEq::kEqual : DictEq::kNotEqual;
    };
    auto r = d.find_with(42, eq);
    // Key 39 is the 40th entry probed: failures at or before it win.
    EXPECT_EQ(r.status, DictStatus::kError) << fail_at;
    EXPECT_EQ(r.it, d.end());
    auto e = d.try_emplace_with(42, eq, 1000, 0);
    EXPECT_EQ(e.status, DictStatus::kFound) << "second run: calls continue past fail_at";
  }
  EXPECT_EQ(d.mutation_count(), before);
  EXPECT_EQ(d.size(), 40u);
  int calls = 0;
  auto fail_first = [&](const std::uint64_t&) {
    ++calls;
    return DictEq::kError;
  };
  EXPECT_EQ(d.try_emplace_with(42, fail_first, 1000, 0).status, DictStatus::kError);
  EXPECT_EQ(d.erase_with(42, fail_first), DictStatus::kError);
  EXPECT_EQ(d.size(), 40u);
  EXPECT_EQ(calls, 2);
  CompactDictTestPeer::Validate(d);
}

TEST(CompactDictLowLevel, EqualityThatErasesTheProbedKeyRestarts) {
  CompactDict<std::string, int> d;
  for (int i = 0; i < 100; ++i) d[StrKey(i)] = i;
  const std::string target = StrKey(50);
  const std::size_t h = std::hash<std::string>{}(target);
  int calls = 0;
  auto r = d.find_with(h, [&](const std::string& stored) {
    ++calls;
    const std::string copy = stored;  // the reference dies with the erase below
    if (calls == 1) d.erase(copy);
    return copy == target ? DictEq::kEqual : DictEq::kNotEqual;
  });
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(r.status, DictStatus::kAbsent);  // restarted and no longer found
  EXPECT_FALSE(d.contains(target));
  CompactDictTestPeer::Validate(d);
}

TEST(CompactDictLowLevel, EqualityThatRebuildsTheTableRestarts) {
  // The callback inserts enough keys to force several rebuilds (the entries array moves)
  // and erases others; the lookup must restart and then find the key at its new position.
  for (int mode = 0; mode < 3; ++mode) {
    CompactDict<std::string, int> d;
    for (int i = 0; i < 20; ++i) d[StrKey(i)] = i;
    const std::string target = StrKey(7);
    const std::size_t h = std::hash<std::string>{}(target);
    int calls = 0;
    auto eq = [&](const std::string& stored) {
      const std::string copy = stored;
      if (++calls == 1) {
        for (int i = 1000; i < 3000; ++i) d[StrKey(i)] = i;
        for (int i = 0; i < 7; ++i) d.erase(StrKey(i));
        if (mode == 1) d.shrink_to_fit();
        if (mode == 2) {
          d.clear();
          d[target] = 77;
        }
      }
      return copy == target ? DictEq::kEqual : DictEq::kNotEqual;
    };
    auto r = d.try_emplace_with(h, eq, target, -1);
    EXPECT_EQ(r.status, DictStatus::kFound) << mode;
    EXPECT_EQ(r.it->first, target);
    EXPECT_EQ(r.it->second, mode == 2 ? 77 : 7);
    EXPECT_EQ(calls, 2);
    CompactDictTestPeer::Validate(d);
  }
}

TEST(CompactDictLowLevel, EqualityThatInsertsThenLookupInserts) {
  // The callback inserts the key being looked up under it: after the restart the lookup
  // finds the entry the callback made, so try_emplace_with never creates a duplicate.
  CompactDict<std::uint64_t, int, ConstantHash> d;
  d[1] = 1;
  int calls = 0;
  auto r = d.try_emplace_with(
      42,
      [&](const std::uint64_t& stored) {
        const std::uint64_t copy = stored;
        if (++calls == 1) d[2] = 222;
        return copy == 2 ? DictEq::kEqual : DictEq::kNotEqual;
      },
      std::uint64_t{2}, -1);
  EXPECT_EQ(r.status, DictStatus::kFound);
  EXPECT_EQ(r.it->second, 222);
  EXPECT_EQ(d.size(), 2u);
  CompactDictTestPeer::Validate(d);
}

TEST(CompactDictLowLevel, MutationCounterAndPositions) {
  CompactDict<int, int> d;
  std::uint64_t m = d.mutation_count();
  d[1] = 1;
  EXPECT_GT(d.mutation_count(), m);
  m = d.mutation_count();
  d[1] = 2;  // value assignment: not a mutation of the key set
  EXPECT_EQ(d.mutation_count(), m);
  d[2] = 2;
  d[3] = 3;
  m = d.mutation_count();
  d.erase(2);
  EXPECT_GT(d.mutation_count(), m);
  // A Python-style iterator walking positions.
  EXPECT_EQ(d.entry_count(), 3u);
  EXPECT_TRUE(d.is_live(0));
  EXPECT_FALSE(d.is_live(1));
  std::vector<int> keys;
  for (std::size_t p = d.next_position(0); p < d.entry_count(); p = d.next_position(p + 1)) {
    keys.push_back(d.iterator_at(p)->first);
  }
  EXPECT_EQ(keys, (std::vector<int>{1, 3}));
  EXPECT_EQ(d.end().position(), d.entry_count());
  m = d.mutation_count();
  d.compact();
  EXPECT_GT(d.mutation_count(), m);
  EXPECT_EQ(d.entry_count(), 2u);
}

TEST(CompactDictLowLevel, GrowthPolicy) {
  CompactDict<int, int> d;
  d.set_policy({.growth_factor = 8, .shrink_divisor = 0, .min_index_width = 1});
  for (int i = 0; i < 6; ++i) d[i] = i;  // the 6th insertion grows an 8-slot table
  EXPECT_EQ(d.index_size(), 64u);        // 5 * 8 = 40 -> 64 slots
  d.set_policy({.growth_factor = 2, .shrink_divisor = 4, .min_index_width = 1});
  for (int i = 6; i < 1000; ++i) d[i] = i;
  const std::size_t big = d.index_size();
  for (int i = 0; i < 990; ++i) d.erase(i);
  EXPECT_LT(d.index_size(), big);  // shrank on erase
  CompactDictTestPeer::Validate(d);
  for (int i = 990; i < 1000; ++i) EXPECT_EQ(d.at(i), i);
}

TEST(CompactDictLowLevel, ChurnCompactsInPlaceWithoutGrowingOrShrinking) {
  CompactDict<std::uint64_t, std::uint64_t> d;
  for (std::uint64_t i = 0; i < 1000; ++i) d[i] = i;
  std::size_t sizes_seen_max = 0;
  std::size_t sizes_seen_min = ~std::size_t{0};
  for (int cycle = 0; cycle < 30; ++cycle) {
    for (std::uint64_t i = 0; i < 1000; i += 2) ASSERT_EQ(d.erase(i), 1u);
    for (std::uint64_t i = 0; i < 1000; i += 2) d[i] = i + cycle;
    if (cycle >= 2) {
      sizes_seen_max = std::max(sizes_seen_max, d.index_size());
      sizes_seen_min = std::min(sizes_seen_min, d.index_size());
    }
    CompactDictTestPeer::Validate(d);
  }
  EXPECT_EQ(sizes_seen_min, sizes_seen_max) << "table size oscillated under churn";
  EXPECT_EQ(d.size(), 1000u);
  // Order: the odd keys (never erased) first, then the last reinserted evens.
  auto it = d.begin();
  EXPECT_EQ(it->first, 1u);
  EXPECT_EQ(d.back().first, 998u);
}

// --- Memory ---------------------------------------------------------------------------

TEST(CompactDictMemory, BytesPerEntryAtOneMillion) {
  CompactDict<std::uint64_t, std::uint64_t> d;
  std::mt19937_64 rng(7);
  for (int i = 0; i < 1000000; ++i) d[rng()] = i;
  const double per_entry = static_cast<double>(d.allocated_bytes()) / d.size();
  RecordProperty("bytes_per_entry", std::to_string(per_entry));
  EXPECT_LE(per_entry, 32.0);
}

}  // namespace
}  // namespace pyrt

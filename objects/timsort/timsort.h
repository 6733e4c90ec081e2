// pyrt::timsort — the stable adaptive merge sort of CPython 3.11's list.sort().
//
// What it is
// ----------
// Timsort as described in CPython's Objects/listsort.txt, with 3.11's "powersort" merge
// policy, as a generic C++20 template over random-access iterators. It is what pyrt's
// `list.sort()` is built on, and usable alone:
//
//   std::vector<int> v = {5, 2, 9, 1};
//   pyrt::timsort::sort(v.begin(), v.end());                       // like std::stable_sort
//   pyrt::timsort::sort(v.begin(), v.end(), std::greater<>());     // any strict weak order
//   std::vector<std::string> names = {"b", "a"}; std::vector<int> ages = {2, 1};
//   pyrt::timsort::sort_by_key(names.begin(), names.end(), ages.begin());  // ages follow
//   auto lt = [](const Obj& a, const Obj& b) { return a.maybe_less(b); };  // -> Less
//   if (pyrt::timsort::sort(objs.begin(), objs.end(), lt) != Status::kOk) { ... }
//
// The algorithm (one pass, left to right)
// ---------------------------------------
//   1. Find the next natural run: the longest non-descending prefix, or the longest strictly
//      descending prefix (reversed in place; strictness keeps the sort stable).
//   2. A run shorter than minrun (a value in [32, 64] chosen so that n / minrun is a power
//      of two or just below) is extended to minrun elements by binary insertion sort.
//   3. Powersort: the boundary between the previous run and the new one gets a "power", the
//      depth at which the two runs' midpoints first fall into different halves of the
//      array's binary subdivision. Runs on the stack whose power exceeds it are merged
//      first. This keeps the stack O(log n) deep and the merges nearly balanced.
//   4. A merge first gallops to trim the prefix of A already in place and the suffix of B
//      already in place, copies the smaller remaining run to a temporary buffer (at most n/2
//      elements) and merges from the ends inward. While one side keeps winning it switches
//      to galloping (exponential then binary search); `min_gallop` (initially 7) adapts:
//      it drops while galloping pays off and rises when it does not.
//
//   stack of pending runs (base, len, power)         array
//   +-------------------------+        [ run0 ][   run1   ][ run2 ][ new run ... unsorted ]
//   | run0 | run1 | run2      |           powers strictly increase up the stack after merges
//   +-------------------------+
//
// Comparators
// -----------
// `comp(a, b)` is a strict weak order ("a < b"). It returns either something convertible to
// bool (the sort cannot fail and returns void), or pyrt::timsort::Less (kFalse, kTrue,
// kError) for comparisons that can fail, as Python's `<` can raise. On kError the sort stops
// at once and returns Status::kComparisonFailed; the range then holds a permutation of its
// input (every element exactly once, in an unspecified order) and, for sort_by_key, every
// value is still beside its key. The same holds if comp throws: the exception propagates
// after the range is restored to a permutation. A comparator that is inconsistent (random
// answers) never makes the sort read or write outside the range; the result is then an
// unspecified permutation.
//
// Requirements: elements are move-constructible and move-assignable; moves should not
// throw (if one does, the range may lose elements). Memory: one temporary buffer of at most
// n/2 elements (and n/2 values), allocated with std::allocator when first needed.
// Thread safety: sorting distinct ranges concurrently is safe.
#ifndef PYRT_OBJECTS_TIMSORT_TIMSORT_H_
#define PYRT_OBJECTS_TIMSORT_TIMSORT_H_

#include <algorithm>
#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <type_traits>
#include <utility>

namespace pyrt::timsort {

// Result of a fallible comparison.
enum class Less : signed char { kFalse = 0, kTrue = 1, kError = -1 };

// Result of a sort with a fallible comparator.
enum class [[nodiscard]] Status : unsigned char {
  kOk = 0,
  kComparisonFailed = 1,  // comp returned Less::kError; the range is a permutation of its input
};

}  // namespace pyrt::timsort

namespace pyrt::timsort_internal {

// Runs shorter than this are extended by binary insertion; see ComputeMinrun.
inline constexpr std::ptrdiff_t kMinMerge = 64;
// Initial threshold of consecutive wins that switches a merge to galloping.
inline constexpr std::ptrdiff_t kMinGallop = 7;
// Powersort keeps at most one run per power level: 85 covers any 64-bit length.
inline constexpr int kMaxMergePending = 85;

// minrun for n elements: n itself if n < 64, else a value in [32, 64] such that n / minrun
// is a power of two or slightly less (listsort.txt, "Computing minrun").
[[nodiscard]] constexpr std::ptrdiff_t ComputeMinrun(std::ptrdiff_t n) {
  std::ptrdiff_t r = 0;
  while (n >= kMinMerge) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

// Powersort's node power of the boundary between run [s1, s1+n1) and run [s1+n1,
// s1+n1+n2) in an array of n elements: the first bit where the midpoints' binary
// fractions (2*a/2n and 2*b/2n) differ.
[[nodiscard]] constexpr int PowerLoop(std::ptrdiff_t s1, std::ptrdiff_t n1,
                                      std::ptrdiff_t n2, std::ptrdiff_t n) {
  int result = 0;
  std::ptrdiff_t a = 2 * s1 + n1;  // 2 * midpoint of run 1
  std::ptrdiff_t b = a + n1 + n2;  // 2 * midpoint of run 2
  for (;;) {
    ++result;
    if (a >= n) {  // both next bits are 1
      a -= n;
      b -= n;
    } else if (b >= n) {  // they differ
      break;
    }
    a <<= 1;
    b <<= 1;
  }
  return result;
}

// Uninitialised storage for up to capacity() objects; objects placed in it are constructed
// and destroyed by the merge that uses them.
template <class T>
class TempBuffer {
 public:
  TempBuffer() = default;
  TempBuffer(const TempBuffer&) = delete;
  TempBuffer& operator=(const TempBuffer&) = delete;
  ~TempBuffer() {
    if (data_) std::allocator<T>().deallocate(data_, static_cast<std::size_t>(cap_));
  }
  // Ensures room for n objects. Call only while the buffer holds no objects.
  [[nodiscard]] T* Reserve(std::ptrdiff_t n) {
    if (n > cap_) {
      std::allocator<T> alloc;
      T* fresh = alloc.allocate(static_cast<std::size_t>(n));
      if (data_) alloc.deallocate(data_, static_cast<std::size_t>(cap_));
      data_ = fresh;
      cap_ = n;
    }
    return data_;
  }

 private:
  T* data_ = nullptr;
  std::ptrdiff_t cap_ = 0;
};

// Stand-in value "range" for sorts without values: every operation is a no-op.
struct NoValues {
  using value_type = char;
  struct Ref {
    template <class T>
    Ref& operator=(T&&) {
      return *this;
    }
  };
  Ref operator[](std::ptrdiff_t) const { return {}; }
  NoValues operator+(std::ptrdiff_t) const { return {}; }
};

template <class KeyIt, class ValIt, class Compare>
class MergeState {
 public:
  using K = std::iter_value_t<KeyIt>;
  static constexpr bool kHasValues = !std::is_same_v<ValIt, NoValues>;
  using V = std::conditional_t<kHasValues, std::iter_value_t<ValIt>, char>;
  using CompResult = std::invoke_result_t<Compare&, const K&, const K&>;
  static constexpr bool kFallible = std::is_same_v<CompResult, timsort::Less>;

  MergeState(KeyIt keys, ValIt vals, std::ptrdiff_t n, Compare& comp)
      : keys_(keys), vals_(vals), n_(n), comp_(comp) {}

  // Sorts the whole range. Returns false if a comparison failed.
  [[nodiscard]] bool Run() {
    if (n_ < 2) return true;
    const std::ptrdiff_t minrun = ComputeMinrun(n_);
    std::ptrdiff_t lo = 0;
    std::ptrdiff_t remaining = n_;
    do {
      bool descending = false;
      std::ptrdiff_t run = CountRun(lo, lo + remaining, &descending);
      if (run < 0) return false;
      if (descending) Reverse(lo, lo + run);
      if (run < minrun) {
        const std::ptrdiff_t force = std::min(remaining, minrun);
        if (!BinarySort(lo, lo + force, lo + run)) return false;
        run = force;
      }
      if (!FoundNewRun(run)) return false;
      pending_[npending_++] = {lo, run, 0};
      lo += run;
      remaining -= run;
    } while (remaining > 0);
    return ForceCollapse();
  }

 private:
  struct PendingRun {
    std::ptrdiff_t base;
    std::ptrdiff_t len;
    int power;  // power of the boundary between this run and the next one up the stack
  };

  // --- Comparison ---------------------------------------------------------------------

  // 1 if a < b, 0 if not, -1 if the comparison failed.
  [[nodiscard]] int Lt(const K& a, const K& b) {
    if constexpr (kFallible) {
      return static_cast<int>(comp_(a, b));
    } else {
      return comp_(a, b) ? 1 : 0;
    }
  }

  // --- Element moves (keys and values together) ----------------------------------------

  void MoveMain(std::ptrdiff_t dst, std::ptrdiff_t src) {
    keys_[dst] = std::move(keys_[src]);
    if constexpr (kHasValues) vals_[dst] = std::move(vals_[src]);
  }
  void MoveTempToMain(std::ptrdiff_t dst, std::ptrdiff_t t) {
    keys_[dst] = std::move(tk_[t]);
    if constexpr (kHasValues) vals_[dst] = std::move(tv_[t]);
  }
  // Moves main[src, src+k) to main[dst, dst+k), dst < src (overlap allowed).
  void MoveMainDown(std::ptrdiff_t dst, std::ptrdiff_t src, std::ptrdiff_t k) {
    std::move(keys_ + src, keys_ + src + k, keys_ + dst);
    if constexpr (kHasValues) std::move(vals_ + src, vals_ + src + k, vals_ + dst);
  }
  // Moves main[src, src+k) to main[dst, dst+k), dst > src (overlap allowed).
  void MoveMainUp(std::ptrdiff_t dst, std::ptrdiff_t src, std::ptrdiff_t k) {
    std::move_backward(keys_ + src, keys_ + src + k, keys_ + dst + k);
    if constexpr (kHasValues) std::move_backward(vals_ + src, vals_ + src + k, vals_ + dst + k);
  }
  void MoveTempBlockToMain(std::ptrdiff_t dst, std::ptrdiff_t t, std::ptrdiff_t k) {
    std::move(tk_ + t, tk_ + t + k, keys_ + dst);
    if constexpr (kHasValues) std::move(tv_ + t, tv_ + t + k, vals_ + dst);
  }
  void Reverse(std::ptrdiff_t lo, std::ptrdiff_t hi) {
    std::reverse(keys_ + lo, keys_ + hi);
    if constexpr (kHasValues) std::reverse(vals_ + lo, vals_ + hi);
  }

  // Moves main[base, base+n) into the temporary buffer (constructing objects there).
  void FillTemp(std::ptrdiff_t base, std::ptrdiff_t n) {
    tk_ = keys_buf_.Reserve(n);
    std::uninitialized_move(keys_ + base, keys_ + base + n, tk_);
    if constexpr (kHasValues) {
      tv_ = vals_buf_.Reserve(n);
      try {
        std::uninitialized_move(vals_ + base, vals_ + base + n, tv_);
      } catch (...) {
        std::destroy(tk_, tk_ + n);
        throw;
      }
    }
  }
  void DestroyTemp(std::ptrdiff_t n) {
    std::destroy(tk_, tk_ + n);
    if constexpr (kHasValues) std::destroy(tv_, tv_ + n);
  }

  // --- Runs and binary insertion -------------------------------------------------------

  // Length of the run starting at lo (bounded by hi), -1 on failure. A descending run is
  // strictly descending.
  [[nodiscard]] std::ptrdiff_t CountRun(std::ptrdiff_t lo, std::ptrdiff_t hi, bool* descending) {
    *descending = false;
    ++lo;
    if (lo == hi) return 1;
    std::ptrdiff_t n = 2;
    int k = Lt(keys_[lo], keys_[lo - 1]);
    if (k < 0) [[unlikely]] return -1;
    if (k) {
      *descending = true;
      for (lo = lo + 1; lo < hi; ++lo, ++n) {
        k = Lt(keys_[lo], keys_[lo - 1]);
        if (k < 0) [[unlikely]] return -1;
        if (!k) break;
      }
    } else {
      for (lo = lo + 1; lo < hi; ++lo, ++n) {
        k = Lt(keys_[lo], keys_[lo - 1]);
        if (k < 0) [[unlikely]] return -1;
        if (k) break;
      }
    }
    return n;
  }

  // Sorts [lo, hi) given that [lo, start) is sorted, by binary insertion (stable).
  [[nodiscard]] bool BinarySort(std::ptrdiff_t lo, std::ptrdiff_t hi, std::ptrdiff_t start) {
    if (lo == start) ++start;
    for (; start < hi; ++start) {
      // The pivot stays at `start` during the search ([lo, start) is not touched), so a
      // failing comparison leaves the range as it was.
      std::ptrdiff_t l = lo;
      std::ptrdiff_t r = start;
      do {
        const std::ptrdiff_t p = l + ((r - l) >> 1);
        const int k = Lt(keys_[start], keys_[p]);
        if (k < 0) [[unlikely]] return false;
        if (k) {
          r = p;
        } else {
          l = p + 1;
        }
      } while (l < r);
      if (l == start) continue;
      K pivot = std::move(keys_[start]);
      if constexpr (kHasValues) {
        V pivot_value = std::move(vals_[start]);
        MoveMainUp(l + 1, l, start - l);
        vals_[l] = std::move(pivot_value);
      } else {
        MoveMainUp(l + 1, l, start - l);
      }
      keys_[l] = std::move(pivot);
    }
    return true;
  }

  // --- Galloping -----------------------------------------------------------------------

  // Returns k in [0, n] with a[k-1] < key <= a[k] (the leftmost insertion point), starting
  // the search at a[hint]; -1 on failure.
  template <class Arr>
  [[nodiscard]] std::ptrdiff_t GallopLeft(const K& key, Arr a, std::ptrdiff_t n,
                                          std::ptrdiff_t hint) {
    std::ptrdiff_t lastofs = 0;
    std::ptrdiff_t ofs = 1;
    int k = Lt(a[hint], key);
    if (k < 0) [[unlikely]] return -1;
    if (k) {
      // a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs].
      const std::ptrdiff_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = Lt(a[hint + ofs], key);
        if (k < 0) [[unlikely]] return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      // key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs].
      const std::ptrdiff_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = Lt(a[hint - ofs], key);
        if (k < 0) [[unlikely]] return -1;
        if (k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      const std::ptrdiff_t tmp = lastofs;
      lastofs = hint - ofs;
      ofs = hint - tmp;
    }
    // a[lastofs] < key <= a[ofs]: binary search in between.
    ++lastofs;
    while (lastofs < ofs) {
      const std::ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
      k = Lt(a[m], key);
      if (k < 0) [[unlikely]] return -1;
      if (k) {
        lastofs = m + 1;
      } else {
        ofs = m;
      }
    }
    return ofs;
  }

  // Returns k in [0, n] with a[k-1] <= key < a[k] (the rightmost insertion point); -1 on
  // failure.
  template <class Arr>
  [[nodiscard]] std::ptrdiff_t GallopRight(const K& key, Arr a, std::ptrdiff_t n,
                                           std::ptrdiff_t hint) {
    std::ptrdiff_t lastofs = 0;
    std::ptrdiff_t ofs = 1;
    int k = Lt(key, a[hint]);
    if (k < 0) [[unlikely]] return -1;
    if (k) {
      // key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs].
      const std::ptrdiff_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = Lt(key, a[hint - ofs]);
        if (k < 0) [[unlikely]] return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      const std::ptrdiff_t tmp = lastofs;
      lastofs = hint - ofs;
      ofs = hint - tmp;
    } else {
      // a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs].
      const std::ptrdiff_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = Lt(key, a[hint + ofs]);
        if (k < 0) [[unlikely]] return -1;
        if (k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
      const std::ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
      k = Lt(key, a[m]);
      if (k < 0) [[unlikely]] return -1;
      if (k) {
        ofs = m;
      } else {
        lastofs = m + 1;
      }
    }
    return ofs;
  }

  // --- Merging -------------------------------------------------------------------------

  // On every exit from MergeLo (success, failure or exception) moves the A elements still
  // in the buffer into the gap that is left for them, then destroys the buffer's objects.
  struct LoGuard {
    MergeState* s;
    std::ptrdiff_t total;
    std::ptrdiff_t* dest;
    std::ptrdiff_t* pa;
    std::ptrdiff_t* na;
    ~LoGuard() {
      if (*na > 0) s->MoveTempBlockToMain(*dest, *pa, *na);
      s->DestroyTemp(total);
    }
  };

  // Merges run A = [a, a+na) and B = [b = a+na, b+nb), na <= nb, where B[0] < A[0] and
  // A[na-1] belongs after all of B. A goes to the buffer; the merge runs left to right.
  [[nodiscard]] bool MergeLo(std::ptrdiff_t a, std::ptrdiff_t na, std::ptrdiff_t b,
                             std::ptrdiff_t nb) {
    FillTemp(a, na);
    std::ptrdiff_t dest = a;
    std::ptrdiff_t pa = 0;  // next A element in the buffer
    std::ptrdiff_t pb = b;  // next B element in the array
    LoGuard guard{this, na, &dest, &pa, &na};
    MoveMain(dest++, pb++);
    if (--nb == 0) return true;
    if (na == 1) goto copy_b;
    {
      std::ptrdiff_t min_gallop = min_gallop_;
      for (;;) {
        std::ptrdiff_t acount = 0;  // times A won in a row
        std::ptrdiff_t bcount = 0;  // times B won in a row
        // Straight merging until one run appears to win consistently.
        for (;;) {
          const int k = Lt(keys_[pb], tk_[pa]);
          if (k < 0) [[unlikely]] return false;
          if (k) {
            MoveMain(dest++, pb++);
            ++bcount;
            acount = 0;
            if (--nb == 0) return true;
            if (bcount >= min_gallop) break;
          } else {
            MoveTempToMain(dest++, pa++);
            ++acount;
            bcount = 0;
            if (--na == 1) goto copy_b;
            if (acount >= min_gallop) break;
          }
        }
        // Galloping until neither run wins by kMinGallop or more.
        ++min_gallop;
        do {
          min_gallop -= min_gallop > 1;
          min_gallop_ = min_gallop;
          std::ptrdiff_t k = GallopRight(keys_[pb], tk_ + pa, na, 0);
          if (k < 0) [[unlikely]] return false;
          acount = k;
          if (k) {
            MoveTempBlockToMain(dest, pa, k);
            dest += k;
            pa += k;
            na -= k;
            if (na == 1) goto copy_b;
            // na == 0 is impossible for a consistent comparator, but must be survived.
            if (na == 0) return true;
          }
          MoveMain(dest++, pb++);
          if (--nb == 0) return true;

          k = GallopLeft(tk_[pa], keys_ + pb, nb, 0);
          if (k < 0) [[unlikely]] return false;
          bcount = k;
          if (k) {
            MoveMainDown(dest, pb, k);
            dest += k;
            pb += k;
            nb -= k;
            if (nb == 0) return true;
          }
          MoveTempToMain(dest++, pa++);
          if (--na == 1) goto copy_b;
        } while (acount >= kMinGallop || bcount >= kMinGallop);
        ++min_gallop;  // penalty for leaving galloping mode
        min_gallop_ = min_gallop;
      }
    }
  copy_b:
    // na == 1: the last A element belongs after the rest of B; the guard places it.
    MoveMainDown(dest, pb, nb);
    dest += nb;
    return true;
  }

  // MergeHi's counterpart of LoGuard: the B elements still in the buffer are buf[0, nb) and
  // belong at (dest - nb, dest].
  struct HiGuard {
    MergeState* s;
    std::ptrdiff_t total;
    std::ptrdiff_t* dest;
    std::ptrdiff_t* nb;
    ~HiGuard() {
      if (*nb > 0) s->MoveTempBlockToMain(*dest - (*nb - 1), 0, *nb);
      s->DestroyTemp(total);
    }
  };

  // Merges A = [a, a+na) and B = [b, b+nb), na > nb, with the same preconditions as
  // MergeLo. B goes to the buffer; the merge runs right to left.
  [[nodiscard]] bool MergeHi(std::ptrdiff_t a, std::ptrdiff_t na, std::ptrdiff_t b,
                             std::ptrdiff_t nb) {
    FillTemp(b, nb);
    std::ptrdiff_t dest = b + nb - 1;
    std::ptrdiff_t pa = a + na - 1;  // last remaining A element in the array
    std::ptrdiff_t pb = nb - 1;      // last remaining B element in the buffer
    HiGuard guard{this, nb, &dest, &nb};
    MoveMain(dest--, pa--);
    if (--na == 0) return true;
    if (nb == 1) goto copy_a;
    {
      std::ptrdiff_t min_gallop = min_gallop_;
      for (;;) {
        std::ptrdiff_t acount = 0;
        std::ptrdiff_t bcount = 0;
        for (;;) {
          const int k = Lt(tk_[pb], keys_[pa]);
          if (k < 0) [[unlikely]] return false;
          if (k) {
            MoveMain(dest--, pa--);
            ++acount;
            bcount = 0;
            if (--na == 0) return true;
            if (acount >= min_gallop) break;
          } else {
            MoveTempToMain(dest--, pb--);
            ++bcount;
            acount = 0;
            if (--nb == 1) goto copy_a;
            if (bcount >= min_gallop) break;
          }
        }
        ++min_gallop;
        do {
          min_gallop -= min_gallop > 1;
          min_gallop_ = min_gallop;
          std::ptrdiff_t k = GallopRight(tk_[pb], keys_ + a, na, na - 1);
          if (k < 0) [[unlikely]] return false;
          k = na - k;
          acount = k;
          if (k) {
            dest -= k;
            pa -= k;
            MoveMainUp(dest + 1, pa + 1, k);
            na -= k;
            if (na == 0) return true;
          }
          MoveTempToMain(dest--, pb--);
          if (--nb == 1) goto copy_a;

          k = GallopLeft(keys_[pa], tk_, nb, nb - 1);
          if (k < 0) [[unlikely]] return false;
          k = nb - k;
          bcount = k;
          if (k) {
            dest -= k;
            pb -= k;
            MoveTempBlockToMain(dest + 1, pb + 1, k);
            nb -= k;
            if (nb == 1) goto copy_a;
            // nb == 0 is impossible for a consistent comparator, but must be survived.
            if (nb == 0) return true;
          }
          MoveMain(dest--, pa--);
          if (--na == 0) return true;
        } while (acount >= kMinGallop || bcount >= kMinGallop);
        ++min_gallop;
        min_gallop_ = min_gallop;
      }
    }
  copy_a:
    // nb == 1: the first B element belongs before the rest of A; the guard places it.
    dest -= na;
    pa -= na;
    MoveMainUp(dest + 1, pa + 1, na);
    return true;
  }

  // Merges pending runs i and i+1 (i is the second or third from the top).
  [[nodiscard]] bool MergeAt(int i) {
    std::ptrdiff_t a = pending_[i].base;
    std::ptrdiff_t na = pending_[i].len;
    const std::ptrdiff_t b = pending_[i + 1].base;
    std::ptrdiff_t nb = pending_[i + 1].len;
    pending_[i].len = na + nb;
    if (i == npending_ - 3) pending_[i + 1] = pending_[i + 2];
    --npending_;

    // Elements of A that are <= B[0] are already in place.
    std::ptrdiff_t k = GallopRight(keys_[b], keys_ + a, na, 0);
    if (k < 0) return false;
    a += k;
    na -= k;
    if (na == 0) return true;
    // Elements of B that are >= A's last are already in place.
    nb = GallopLeft(keys_[a + na - 1], keys_ + b, nb, nb - 1);
    if (nb <= 0) return nb == 0;
    return na <= nb ? MergeLo(a, na, b, nb) : MergeHi(a, na, b, nb);
  }

  // Powersort's merge decision when a new run of length n2 follows the top of the stack.
  [[nodiscard]] bool FoundNewRun(std::ptrdiff_t n2) {
    if (npending_ == 0) return true;
    const PendingRun& top = pending_[npending_ - 1];
    const int power = PowerLoop(top.base, top.len, n2, n_);
    while (npending_ > 1 && pending_[npending_ - 2].power > power) {
      if (!MergeAt(npending_ - 2)) return false;
    }
    pending_[npending_ - 1].power = power;
    return true;
  }

  // Merges all pending runs at the end.
  [[nodiscard]] bool ForceCollapse() {
    while (npending_ > 1) {
      int i = npending_ - 2;
      if (i > 0 && pending_[i - 1].len < pending_[i + 1].len) --i;
      if (!MergeAt(i)) return false;
    }
    return true;
  }

  KeyIt keys_;
  ValIt vals_;
  std::ptrdiff_t n_;
  Compare& comp_;
  std::ptrdiff_t min_gallop_ = kMinGallop;
  TempBuffer<K> keys_buf_;
  TempBuffer<V> vals_buf_;
  K* tk_ = nullptr;  // keys in the buffer during a merge
  V* tv_ = nullptr;  // values in the buffer during a merge
  int npending_ = 0;
  PendingRun pending_[kMaxMergePending];
};

template <class KeyIt, class ValIt, class Compare>
auto SortImpl(KeyIt first, KeyIt last, ValIt vals, Compare& comp) {
  using State = MergeState<KeyIt, ValIt, Compare>;
  State state(first, vals, last - first, comp);
  const bool ok = state.Run();
  if constexpr (State::kFallible) {
    return ok ? timsort::Status::kOk : timsort::Status::kComparisonFailed;
  } else {
    (void)ok;
  }
}

}  // namespace pyrt::timsort_internal

namespace pyrt::timsort {

// Sorts [first, last) stably by `comp` (default `<`). Returns void for a bool comparator,
// or Status for a comparator returning Less (see the file comment for failure semantics).
template <class RandomIt, class Compare = std::less<>>
auto sort(RandomIt first, RandomIt last, Compare comp = Compare()) {
  static_assert(std::random_access_iterator<RandomIt>);
  return timsort_internal::SortImpl(first, last, timsort_internal::NoValues(), comp);
}

// Sorts keys [kfirst, klast) stably by `comp` and applies the same permutation to the
// values starting at vfirst (what list.sort(key=...) needs: keys are the computed keys,
// values the list items). On failure, keys and values are permuted identically.
template <class KeyIt, class ValueIt, class Compare = std::less<>>
auto sort_by_key(KeyIt kfirst, KeyIt klast, ValueIt vfirst, Compare comp = Compare()) {
  static_assert(std::random_access_iterator<KeyIt>);
  static_assert(std::random_access_iterator<ValueIt>);
  return timsort_internal::SortImpl(kfirst, klast, vfirst, comp);
}

}  // namespace pyrt::timsort

#endif  // PYRT_OBJECTS_TIMSORT_TIMSORT_H_

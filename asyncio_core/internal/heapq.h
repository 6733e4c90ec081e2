// A binary min-heap that performs exactly the moves of Python's heapq module.
//
// Why not std::push_heap: asyncio keeps its timers in a heapq list ordered by deadline
// alone, and heapq is not stable, so timers with equal deadlines come out in an order
// fixed by heapq's particular sift algorithms (push: sift the new leaf up; pop: move the
// last leaf to the root, walk the hole down to a leaf always taking the smaller child —
// the right one on ties — then sift it up; heapify: that walk for every internal node,
// last first).  Reproducing those moves is what makes equal-deadline timers fire in
// CPython's order.  The algorithm is the textbook one Python documents ("Sift the
// smaller child up until hitting a leaf"); the code is ours.
//
// Invariant: for every i > 0, !(v[i] < v[(i - 1) / 2]) under `less`.
#ifndef PYRT_ASYNCIO_CORE_INTERNAL_HEAPQ_H_
#define PYRT_ASYNCIO_CORE_INTERNAL_HEAPQ_H_

#include <cstddef>
#include <utility>
#include <vector>

namespace pyrt::asyncio_core_internal {

// Moves v[pos] up towards `start` while it is less than its parent (heapq._siftdown).
template <class T, class Less>
void HeapSiftTowardRoot(std::vector<T>& v, std::size_t start, std::size_t pos, Less less) {
  T item = std::move(v[pos]);
  while (pos > start) {
    std::size_t parent = (pos - 1) >> 1;
    if (!less(item, v[parent])) break;
    v[pos] = std::move(v[parent]);
    pos = parent;
  }
  v[pos] = std::move(item);
}

// Walks the hole at pos down to a leaf through the smaller children, then sifts the
// displaced item back up (heapq._siftup).
template <class T, class Less>
void HeapSiftToLeaf(std::vector<T>& v, std::size_t pos, Less less) {
  const std::size_t end = v.size();
  const std::size_t start = pos;
  T item = std::move(v[pos]);
  std::size_t child = 2 * pos + 1;
  while (child < end) {
    std::size_t right = child + 1;
    if (right < end && !less(v[child], v[right])) child = right;
    v[pos] = std::move(v[child]);
    pos = child;
    child = 2 * pos + 1;
  }
  v[pos] = std::move(item);
  HeapSiftTowardRoot(v, start, pos, less);
}

// heapq.heappush.
template <class T, class Less>
void HeapPush(std::vector<T>& v, T item, Less less) {
  v.push_back(std::move(item));
  HeapSiftTowardRoot(v, 0, v.size() - 1, less);
}

// heapq.heappop; v must not be empty.
template <class T, class Less>
T HeapPop(std::vector<T>& v, Less less) {
  T last = std::move(v.back());
  v.pop_back();
  if (v.empty()) return last;
  T top = std::move(v[0]);
  v[0] = std::move(last);
  HeapSiftToLeaf(v, 0, less);
  return top;
}

// heapq.heapify.
template <class T, class Less>
void Heapify(std::vector<T>& v, Less less) {
  for (std::size_t i = v.size() / 2; i-- > 0;) HeapSiftToLeaf(v, i, less);
}

}  // namespace pyrt::asyncio_core_internal

#endif  // PYRT_ASYNCIO_CORE_INTERNAL_HEAPQ_H_

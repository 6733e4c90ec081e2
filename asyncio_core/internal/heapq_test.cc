// The heap against Python's heapq: equal keys must leave in exactly heapq's order.
#include "asyncio_core/internal/heapq.h"

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "asyncio_core/internal/test_util.h"
#include "gtest/gtest.h"

namespace pyrt::asyncio_core_internal {
namespace {

struct Item {
  int key;
  int id;
};
struct KeyLess {
  bool operator()(const Item& a, const Item& b) const { return a.key < b.key; }
};

// A random program of push / pop / heapify, run here and by heapq; both print the ids
// they pop.  Keys come from a tiny range so most comparisons are ties.
TEST(HeapqTest, MatchesPythonHeapqOnTies) {
  std::mt19937 rng(12345);
  std::ostringstream py;
  py << "import heapq\n"
        "class I:\n"
        "  __slots__=('k','i')\n"
        "  def __init__(s,k,i): s.k=k; s.i=i\n"
        "  def __lt__(s,o): return s.k<o.k\n"
        "h=[]; out=[]\n";
  std::vector<Item> h;
  std::vector<int> ours;
  int next_id = 0;
  for (int step = 0; step < 4000; ++step) {
    int op = rng() % 10;
    if (op < 6 || h.empty()) {
      int key = rng() % 4;
      HeapPush(h, Item{key, next_id}, KeyLess{});
      py << "heapq.heappush(h,I(" << key << "," << next_id << "))\n";
      ++next_id;
    } else if (op < 9) {
      ours.push_back(HeapPop(h, KeyLess{}).id);
      py << "out.append(heapq.heappop(h).i)\n";
    } else {
      // Drop every third item then heapify (the loop's rebuild path).
      std::vector<Item> kept;
      for (size_t i = 0; i < h.size(); ++i)
        if (i % 3 != 0) kept.push_back(h[i]);
      h = kept;
      Heapify(h, KeyLess{});
      py << "h=[x for j,x in enumerate(h) if j%3!=0]; heapq.heapify(h)\n";
    }
  }
  while (!h.empty()) {
    ours.push_back(HeapPop(h, KeyLess{}).id);
    py << "out.append(heapq.heappop(h).i)\n";
  }
  py << "print(' '.join(map(str,out)))\n";
  std::ostringstream mine;
  for (size_t i = 0; i < ours.size(); ++i) mine << (i ? " " : "") << ours[i];
  mine << "\n";
  EXPECT_EQ(RunPython(py.str()), mine.str());
}

TEST(HeapqTest, OrdersDistinctKeys) {
  std::vector<Item> h;
  for (int k : {5, 3, 9, 1, 7}) HeapPush(h, Item{k, k}, KeyLess{});
  std::vector<int> got;
  while (!h.empty()) got.push_back(HeapPop(h, KeyLess{}).key);
  EXPECT_EQ(got, (std::vector<int>{1, 3, 5, 7, 9}));
}

}  // namespace
}  // namespace pyrt::asyncio_core_internal

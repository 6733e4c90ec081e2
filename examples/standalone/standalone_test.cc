// A small program using pyrt's dict and timsort alone. Exits non-zero on any failure.
#include <cstdio>
#include <string>
#include <vector>

#include "objects/dict/compact_dict.h"
#include "objects/timsort/timsort.h"

namespace {

int failures = 0;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "FAILED: %s\n", what);
    ++failures;
  }
}

}  // namespace

int main() {
  // Word counts in first-seen order.
  const std::vector<std::string> words = {"the", "quick", "brown", "fox", "jumps",
                                          "over", "the",  "lazy",  "dog", "the"};
  pyrt::CompactDict<std::string, int> counts;
  for (const std::string& w : words) ++counts[w];
  Check(counts.size() == 8, "eight distinct words");
  Check(counts.at("the") == 3, "'the' three times");
  Check(counts.begin()->first == "the", "first-seen word first");
  std::string order;
  for (const auto& [word, n] : counts) order += word + " ";
  Check(order == "the quick brown fox jumps over lazy dog ", "insertion order");
  counts.erase("fox");
  auto [last_word, last_n] = counts.pop_back();
  Check(last_word == "dog" && last_n == 1, "pop_back returns the newest entry");
  Check(!counts.contains("fox") && counts.size() == 6, "erase");

  // Sort the words by count (descending), stably, carrying the words along.
  std::vector<int> keys;
  std::vector<std::string> values;
  for (const auto& [word, n] : counts) {
    keys.push_back(n);
    values.push_back(word);
  }
  pyrt::timsort::sort_by_key(keys.begin(), keys.end(), values.begin(), std::greater<>());
  Check(values[0] == "the" && keys[0] == 3, "most frequent first");
  Check(values[1] == "quick" && values[5] == "lazy", "stable among equal counts");

  // A comparator that fails: the sort stops and the range is still a permutation.
  std::vector<int> v = {5, 3, 9, 1, 7, 2, 8, 6, 4, 0};
  int calls = 0;
  const pyrt::timsort::Status st = pyrt::timsort::sort(v.begin(), v.end(), [&](int a, int b) {
    if (++calls == 5) return pyrt::timsort::Less::kError;
    return a < b ? pyrt::timsort::Less::kTrue : pyrt::timsort::Less::kFalse;
  });
  Check(st == pyrt::timsort::Status::kComparisonFailed, "failure reported");
  std::vector<int> sorted = v;
  pyrt::timsort::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < 10; ++i) Check(sorted[i] == i, "permutation kept");

  if (failures == 0) std::printf("standalone: dict and timsort OK\n");
  return failures == 0 ? 0 : 1;
}

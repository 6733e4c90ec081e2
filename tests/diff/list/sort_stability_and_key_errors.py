# Sorting: stability with keys and reverse, errors raised by keys and comparisons, mixed types, sort of custom objects.
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(data, key=lambda t: t[0], reverse=True), sorted(sorted(data, key=lambda t: t[1]), key=lambda t: t[0]))
words = ["bb", "A", "a", "B", "aa", "b"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
for bad in [[1, "a"], [1, None], [[1], (1,)], [{1}, {2}, 3], [1j, 2j]]:
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError", e)
print(sorted([{1, 2}, {1}, {3}]))
def bad_key(x):
    if x == 3:
        raise ValueError("key failed at 3")
    return -x
lst = [1, 2, 3, 4]
try:
    lst.sort(key=bad_key)
except ValueError as e:
    print("ValueError", e, lst)
class Cmp:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        Cmp.calls += 1
        if self.v == "boom" or other.v == "boom":
            raise RuntimeError("compare failed")
        return self.v < other.v
    def __repr__(self):
        return f"C({self.v})"
print(sorted([Cmp(3), Cmp(1), Cmp(2)]))
try:
    sorted([Cmp(1), Cmp("boom"), Cmp(0)])
except RuntimeError as e:
    print("RuntimeError", e)
class OnlyGt:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v > other.v
print([o.v for o in sorted([OnlyGt(2), OnlyGt(1)])])
try:
    sorted([object(), object()])
except TypeError as e:
    print("TypeError", str(e).split(" and ")[0])
try:
    [3, 1].sort(1)
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1], key=1)
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1], cmp=None)
except TypeError as e:
    print("TypeError", e)
print(sorted([3, 1, 2], key=None, reverse=False), sorted("hello"), sorted({3: 1, 1: 2}), sorted((x for x in [2, 1])))
big = [(i % 7, i) for i in range(200)]
s = sorted(big, key=lambda t: t[0])
print(all(s[i][1] < s[i + 1][1] for i in range(199) if s[i][0] == s[i + 1][0]), s[:3], s[-2:])
nan = float("nan")
print(sorted([3.0, 1.0, 2.0, -0.0, 0.0]), max([1, nan, 2]) == 2, min(["b", "a", "c"], key=lambda s: -ord(s)))

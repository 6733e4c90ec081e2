# set comprehensions, set ops with dict views/iterables via methods, len and membership of large sets.
evens = {x for x in range(20) if x % 2 == 0}
squares = {x * x for x in range(10)}
print(sorted(evens & squares), sorted(evens - squares)[:5], len(evens | squares))
print(sorted(evens.union(range(3), [99])), sorted(evens.intersection("abc")), evens.issuperset(range(0, 20, 4)))
d = {"a": 1, "b": 2}
print(sorted(d.keys() | {"c"}), sorted({"a", "z"} & d.keys()), sorted(d.items() - {("a", 1)}))
big = set(range(100000))
print(len(big), 99999 in big, 100000 in big, len(big - set(range(50000))))
words = "the quick brown fox jumps over the lazy dog the end".split()
print(len(words), len(set(words)), sorted(set(words))[:4], sorted(w for w in set(words) if len(w) == 3))
a = {1, 2, 3}
b = a
a |= {4}
print(b, a is b)
a = a | {5}
print(b, a is b)
print({1, 2} ^ {2, 3} == {1, 3}, set() < {1}, not set(), {None, 0, False} == {None, 0})
fs = {frozenset({1, 2}), frozenset({2, 1}), frozenset()}
print(len(fs), frozenset() in fs)

# frozenset: hashable, immutable, mixed operations with set (result type follows left operand).
f = frozenset([3, 1, 2])
print(sorted(f), len(f), 2 in f, hash(f) == hash(frozenset([1, 2, 3])), frozenset())
s = {1, 5}
print(type(f | s).__name__, type(s | f).__name__, type(f & s).__name__, type(s - f).__name__)
print(sorted(f | s), sorted(f & s), sorted(f - s))
d = {f: "frozen"}
print(d[frozenset({1, 2, 3})])
print({frozenset(), frozenset([1])} == {frozenset([1]), frozenset()})
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError", e)
try:
    {s}
except TypeError as e:
    print("TypeError", e)
print(frozenset(f) is f, f.copy() is f, f == {1, 2, 3}, f <= {1, 2, 3, 4})
print(repr(frozenset({1})), repr(set([2])), repr(frozenset()), repr(set()))
print(sorted(frozenset("abc").union("d")), frozenset(range(3)).isdisjoint(range(3, 6)))
print(set([1]) in {frozenset([1])})

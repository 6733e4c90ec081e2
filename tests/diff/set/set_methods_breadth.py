# set/frozenset methods breadth: in-place operators, update variants with many iterables, comparisons, errors, hashing of frozensets.
s = {1, 2, 3}
s |= {4}
s &= {1, 2, 4, 5}
s -= {1}
s ^= {9, 2}
print(sorted(s))
t = {1, 2}
t.update([3], (4,), {5: 0}, "")
t.intersection_update([1, 2, 3, 4, 5, 6], range(10))
t.difference_update({5}, [4])
t.symmetric_difference_update([3, 10])
print(sorted(t))
print(sorted({1, 2}.union([3], (4,))), sorted({1, 2, 3}.intersection([2, 3], {3})), sorted({1, 2, 3}.difference([1], [2])), sorted({1}.symmetric_difference([1, 2])))
print({1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1}.issubset([1, 2]), {1, 2}.issuperset((1,)), {1}.isdisjoint([2]), set() < {1}, frozenset() == set())
fs = frozenset([3, 1])
print(hash(fs) == hash(frozenset([1, 3])), fs | {5}, type(fs | {5}).__name__, type({5} | fs).__name__, type(fs.copy()) is frozenset, fs.copy() is fs)
print(hash(frozenset()), hash(frozenset([1])) == hash(frozenset([1])), {frozenset([1]): "ok"}[frozenset([1])])
d = {1, 2}
print(d.pop() in (1, 2), len(d))
d.discard(99)
d.add(7)
print(7 in d, d.remove(7), 7 in d)
for bad in [lambda: set().pop(), lambda: {1}.remove(2), lambda: {1} | [2], lambda: {1} < [1], lambda: {[1]}, lambda: {1}.add([]),
            lambda: set(1), lambda: frozenset().add(1), lambda: {1} + {2}, lambda: {1}.update(1), lambda: [] in {1}, lambda: {1}.issubset(5)]:
    try:
        print(bad())
    except (KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(set("hello") == set("olleh"), sorted(set("hello")), len({1, 1.0, True}), {1, 1.0, True}, {0, False, 0.0, -0.0})
print(repr(set()), repr(frozenset()), repr({frozenset({1})}), repr(frozenset({frozenset()})))
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
print(len({K(1), K(1), K(2)}), K(2) in {K(1), K(2)}, K(3) in {K(1)})
sub = type("MySet", (set,), {})
m = sub([1, 2])
print(type(m | {3}).__name__, type(m.copy()).__name__, m == {1, 2}, repr(m))

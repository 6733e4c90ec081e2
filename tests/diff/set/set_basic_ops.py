# set operations and methods; printed sorted to avoid iteration order.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), sorted(b - a))
print(a < b, {3} < b, {3, 4, 5} <= b, b >= {5}, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}))
s = set()
s.add(1)
s.add(1)
s.update([2, 3], (4,))
print(sorted(s), len(s))
s.discard(10)
s.remove(4)
print(sorted(s))
try:
    s.remove(10)
except KeyError as e:
    print("KeyError", e)
print(sorted(a.union([9], (8,))), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
c = set(a)
c |= {10}
c &= {1, 10, 2}
c -= {2}
print(sorted(c))
c ^= {1, 7}
print(sorted(c))
p = {5}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print("KeyError", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
try:
    a | [1]
except TypeError as e:
    print("TypeError", e)
print(set("hello") == set("olleh"), {1, 2} == {2, 1}, {1} == frozenset({1}), set() == set(), {1, 1.0, True})
print(sorted({x % 3 for x in range(10)}), len({(1, 2), (1, 2)}), set(), {0: 1}.keys() == {0})
d = {1, 2, 3}
d.intersection_update({2, 3, 4})
d.difference_update([3])
print(d, d.copy() == d)
d.symmetric_difference_update({9})
print(sorted(d))
d.clear()
print(d)

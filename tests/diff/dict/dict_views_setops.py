# dict views: set operations on keys/items, isdisjoint, reversed, mapping attribute, repr, live updates, errors.
d = {"a": 1, "b": 2, "c": 3}
other = {"b": 20, "c": 3, "d": 4}
k, ek = d.keys(), other.keys()
print(sorted(k & ek), sorted(k | ek), sorted(k - ek), sorted(k ^ ek), sorted(k & {"a", "z"}), sorted({"a", "q"} - k))
print(sorted(d.items() & other.items()), sorted(d.items() - other.items()), sorted(d.items() | {("z", 0)}), sorted(d.items() ^ other.items()))
print(k.isdisjoint(["x", "y"]), k.isdisjoint("abc"), d.items().isdisjoint([("a", 2)]), d.items().isdisjoint([("a", 1)]))
print(repr(k), repr(d.values()), repr(d.items()))
print(list(reversed(k)), list(reversed(d.values())), list(reversed(d.items())))
print(k.mapping is not None, dict(k.mapping) == d, type(k).__name__, type(d.values()).__name__, type(d.items()).__name__)
live = d.keys()
d["z"] = 26
print(list(live), len(live), "z" in live, ("z", 26) in d.items(), 26 in d.values())
del d["z"]
print(k == {"a", "b", "c"}, k == ["a", "b", "c"], d.items() == {("a", 1), ("b", 2), ("c", 3)}, d.values() == d.values())
print(k <= {"a", "b", "c", "d"}, k < {"a", "b", "c"}, k >= {"a"}, d.items() > {("a", 1)})
try:
    hash(k)
except TypeError as e:
    print("TypeError", e)
try:
    k & 5
except TypeError as e:
    print("TypeError", e)
try:
    d.values() & d.values()
except TypeError as e:
    print("TypeError", e)
unhashable = {"a": []}
try:
    print(unhashable.items() & {("a", 1)})
except TypeError as e:
    print("TypeError", e)
print(sorted({1: "x"}.keys() | [2, 3]), sorted([("a", 1)] & d.items() if False else d.items() & [("a", 1)]))
it = iter(d.items())
d2 = dict(d)
print(next(it), sorted(d2.keys() - {"a"}), type(k | ek).__name__, type(d.items() - other.items()).__name__)
try:
    for key in d:
        d[key + key] = 0
except RuntimeError as e:
    print("RuntimeError", e)

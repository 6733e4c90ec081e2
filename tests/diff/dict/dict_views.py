# keys/values/items views: live updates, set operations, reversed, len, membership, mapping.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d["d"] = 4
print(list(k), list(v), list(i), len(k), "d" in k, 4 in v, ("a", 1) in i, ("a", 2) in i)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(i & {("a", 1), ("b", 9)}), k == {"a", "b", "c", "d"}, k.isdisjoint({"x"}))
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(k.mapping == d, type(k).__name__, type(v).__name__, type(i).__name__)
it = iter(d)
print(next(it))
d["e"] = 5
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print("RuntimeError", e)
print(d)
try:
    for key in d.keys():
        d[key + "x"] = 0
except RuntimeError as e:
    print("RuntimeError", e)
print(d.values() == d.values(), v == v)
try:
    hash(k)
except TypeError as e:
    print("TypeError", e)
e = {1: 1}
for key in e:
    e[key] = 2
print(e)

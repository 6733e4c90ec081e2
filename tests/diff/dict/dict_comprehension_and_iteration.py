# dict comprehensions, iteration patterns, items unpacking, nested dicts.
sq = {x: x * x for x in range(6)}
print(sq)
print({k: v for k, v in sq.items() if v % 2 == 0})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
inv = {}
for k, v in [("a", 1), ("b", 1), ("c", 2)]:
    inv.setdefault(v, []).append(k)
print(inv)
tree = {"a": {"b": {"c": 1}}}
print(tree["a"]["b"]["c"], tree.get("a", {}).get("x", "none"))
for k in sq:
    print(k, end=",")
print()
for k, v in sorted({"z": 1, "a": 2}.items()):
    print(k, v)
print({(i, j): i * j for i in range(2) for j in range(2)})
print(dict(enumerate("abc")), dict(map(lambda x: (x, len(x)), ["ab", "c"])))
print(max(sq, key=sq.get), min(sq.items(), key=lambda kv: -kv[1]))

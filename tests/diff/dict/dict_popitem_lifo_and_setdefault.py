# popitem is LIFO, setdefault inserts at the end, pop of absent keys, update ordering.
d = dict.fromkeys("abcde", 0)
print(d.popitem(), d.popitem(), list(d))
d["z"] = 1
d.setdefault("a", 99)
d.setdefault("y", 2)
print(d)
d.update({"b": 5, "new": 6})
print(d, list(d.keys())[-1])
order = []
while d:
    order.append(d.popitem()[0])
print(order)
g = {}
for word in "one two three two one two".split():
    g.setdefault(word, []).append(len(g))
print(g)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
h = {1: "a"}
print(h.pop(1), h.pop(1, None), h)
m = {"k": [1]}
m.setdefault("k", []).append(2)
print(m, m.setdefault("q"), m)

# Insertion order preserved through updates, deletes, re-inserts; equality ignores order.
d = {}
for w in "the quick brown fox jumps over the lazy dog".split():
    d[w] = d.get(w, 0) + 1
print(d)
print(list(d)[:3], list(d.items())[-2:])
d.pop("quick")
d["quick"] = 9
print(list(d))
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b), a != {"x": 1}, {} == dict())
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()))
for i in range(5):
    big[i] = -i
print(list(big)[-5:], list(big)[:3])
print({1: 2} == {1.0: 2.0}, {"a": [1]} == {"a": [1]}, {1: 2} == [(1, 2)])
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print("TypeError", e)
c = dict(a)
c.update(b)
print(c, list(c))
print(dict(sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))))

# Comprehension iteration semantics: conditions order, inner iterables re-evaluated per outer item, laziness of genexp.
calls = []
def src(tag, n):
    calls.append(tag)
    return range(n)
print([(i, j) for i in src("outer", 3) for j in src("inner%d" % i, i)])
print(calls)
print([x for x in range(10) if x > 2 if x < 7 if x % 2])
print([x for x in range(4) for x in range(x)])
g = ((i, j) for i in range(2) for j in src("lazy", 2))
calls.clear()
print(calls, next(g), calls)
data = {"a": [1, 2], "b": [], "c": [3]}
print([(k, v) for k, vs in data.items() for v in vs], {k: len(v) for k, v in data.items() if v})
print([[c for c in w] for w in ["ab", ""]], [w for w in ["x", "", "y"] if w])
mat = [[1, 2], [3, 4], [5, 6]]
print([sum(col) for col in zip(*mat)], [r[::-1] for r in mat[::-1]])
print({(a, b) for a in range(3) for b in range(a)}, sorted({v % 3 for v in range(10)}))
print(list({k: None for k in "abcabc"}), [i for i in "" for _ in range(100)])

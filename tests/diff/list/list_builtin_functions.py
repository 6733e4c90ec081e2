# len/min/max/sum/sorted/reversed/enumerate/zip/any/all on lists, and list unpacking.
a = [4, 8, 15, 16, 23, 42]
print(len(a), min(a), max(a), sum(a), sum(a, 100), sum([[1], [2]], []))
print(list(enumerate(a, 1))[:2], list(zip(a, a[1:]))[:2], any(x > 40 for x in a), all(a))
first, *middle, last = a
print(first, middle, last)
[x, y], z = [1, 2], 3
print(x, y, z)
print(a.index(max(a)), sorted(a, reverse=True)[:3], list(map(lambda v: v % 5, a)))
print([v for v in a if v % 2], [[i] * i for i in range(3)])
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
m = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*m)), [sum(r) for r in m], [list(col) for col in zip(*m)])
print(sum([0.1] * 10), sum([1, 2], start=10))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
try:
    max([])
except ValueError as e:
    print("ValueError", e)

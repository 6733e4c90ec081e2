# ==, <, identity, shallow vs deep copies done by hand, list() and [:] copies.
a = [1, [2, 3]]
b = a[:]
c = list(a)
d = a.copy()
b[1].append(4)
print(a, b is a, b[1] is a[1], c, d)
e = [x[:] if isinstance(x, list) else x for x in a]
e[1].append(5)
print(a, e)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 2, 0], [2] > [1, 10], [] < [[]])
print([1, 2.0] == [1.0, 2], [[1]] == [[1]], [1] == (1,))
r = [1]
r.append(r)
print(r, r == r)
try:
    print(r < r)
except RecursionError as e:
    print("RecursionError")
x = []
x.append(x)
print(x, len(x), str([x, x]))
print(list.__eq__([1], [1]), list.__eq__([1], (1,)))
f = [[0] * 2 for _ in range(2)]
f[0][0] = 1
print(f, [[]] * 2 == [[], []])
print(max([[1, 2], [1, 3], [0, 9]]), min([[1], [1, 0]]))

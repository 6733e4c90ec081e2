# Comprehensions inside functions capture enclosing variables; nonlocal changes are visible.
def outer():
    base = 100
    lst = [base + i for i in range(3)]
    base = 200
    gen = (base + i for i in range(3))
    base = 300
    return lst, list(gen)
print(outer())
def counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return [bump() for _ in range(4)], count
print(counter())
def matrix(n):
    return [[(r, c) for c in range(n) if c != r] for r in range(n)]
print(matrix(3))
def grouping(words):
    keys = sorted({len(w) for w in words})
    return {k: [w for w in words if len(w) == k] for k in keys}
print(grouping(["a", "bb", "cc", "ddd", "e"]))
def walrus_inside(data):
    return [y for x in data if (y := x * 2) > 2], y
print(walrus_inside([1, 2, 3]))
def class_in_func():
    v = 7
    class K:
        vals = [v * i for i in range(3)]
    return K.vals
print(class_in_func())
print([[i, j] for i in range(2) for j in range(i, 3)])
print({(i, frozenset(range(i))) for i in range(1)})
print(list(map(lambda row: [c * 2 for c in row], [[1], [2, 3]])))
print(sum([[i] for i in range(4)], []), dict([(i, i) for i in "ab"]))

# Recursive generators: permutations, combinations, powerset, n-queens, integer partitions.
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest
def combinations(items, k):
    if k == 0:
        yield []
        return
    for i in range(len(items)):
        for rest in combinations(items[i + 1:], k - 1):
            yield [items[i]] + rest
def powerset(items):
    if not items:
        yield []
        return
    for sub in powerset(items[1:]):
        yield sub
        yield [items[0]] + sub
def queens(n, placed=()):
    row = len(placed)
    if row == n:
        yield placed
        return
    for col in range(n):
        if all(col != c and abs(col - c) != row - r for r, c in enumerate(placed)):
            yield from queens(n, placed + (col,))
def partitions(n, maximum=None):
    maximum = n if maximum is None else maximum
    if n == 0:
        yield []
        return
    for k in range(min(n, maximum), 0, -1):
        for rest in partitions(n - k, k):
            yield [k] + rest
print(list(permutations("abc")))
print(len(list(permutations(list(range(6))))))
print(list(combinations([1, 2, 3, 4], 2)))
print(sorted(powerset([1, 2, 3])))
print(next(queens(8)), sum(1 for _ in queens(6)), len(list(queens(7))))
print(list(partitions(5)), sum(1 for _ in partitions(20)))
g = permutations([1, 2, 3])
print(next(g), next(g), len(list(g)))
def walk(n, path=()):
    if n == 0:
        yield "".join(path)
        return
    for step in "LR":
        yield from walk(n - 1, path + (step,))
print(list(walk(3)))
print(list(combinations("abcd", 3)), list(combinations([], 0)), list(combinations([1], 2)))

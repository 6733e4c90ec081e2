# Multiple assignment from function returns, star-unpacking of return values, swapping via tuple packing.
def stats(nums):
    return min(nums), max(nums), sum(nums) / len(nums)
lo, hi, avg = stats([3, 1, 4, 1, 5])
print(lo, hi, avg)
_, top, _ = stats([9, 2])
print(top, _)
def pair():
    return 1, 2
print(*pair(), sep=" and ")
print([*pair(), *pair()], {*pair()}, dict([pair()]))
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
xs = [5, 3, 8, 1]
for i in range(len(xs)):
    for j in range(len(xs) - 1 - i):
        if xs[j] > xs[j + 1]:
            xs[j], xs[j + 1] = xs[j + 1], xs[j]
print(xs)
def first_rest(first, *rest):
    return first, rest
print(first_rest(*"hello"), first_rest(*[[1, 2]]))
head, *tail = (lambda: range(4))()
print(head, tail)
def kw(**k):
    return k
print(kw(**dict(zip("ab", pair()))))
(m, n), o = pair(), "o"
print(m, n, o)
points = [(1, 2), (3, 4)]
print([x + y for x, y in points], [(y, x) for x, y in points])

# sorted() on every iterable kind, keyword-only key/reverse, stability under reverse, key errors.
print(sorted("bca"), sorted((3, 1, 2)), sorted({3, 1, 2}), sorted({"b": 1, "a": 2}), sorted(range(5, 0, -1)))
print(sorted(x % 4 for x in range(10)), sorted({"b": 1, "a": 2}.items()), sorted(map(abs, [-3, 1, -2])))
print(sorted(["b", "A", "c"], key=str.upper, reverse=True), sorted([1, -2, 3], key=abs), sorted([], key=len))
pairs = [(1, "x"), (0, "y"), (1, "z"), (0, "w")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted([2, 1], reverse=0), sorted([2, 1], reverse=1), sorted([True, False, 0, 1]))
for call in (lambda: sorted(), lambda: sorted(5), lambda: sorted([1], len), lambda: sorted([1, 2], key=len),
             lambda: sorted([1], bogus=1), lambda: sorted([[], ()]), lambda: sorted([1], reverse="x")):
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
src = [3, 1, 2]
out = sorted(src)
print(src, out, out is not src, type(sorted((1,))).__name__)

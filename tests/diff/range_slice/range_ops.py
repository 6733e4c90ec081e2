# range: iteration, len, indexing, slicing, membership, index/count, equality, repr, errors.
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
r = range(3, 30, 4)
print(r, len(r), r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], list(r[::-2]))
print(11 in r, 12 in r, r.index(15), r.count(7), r.count(8), 7.0 in r)
print(range(0) == range(5, 2), range(0, 3) == range(3), range(1, 10, 3) == range(1, 11, 3), range(2) != range(3))
print(repr(range(1, 2, 1)), repr(range(0, 5, 2)), range(10 ** 20)[10 ** 19], len(range(-5, 5)))
for f in (lambda: range(1, 2, 0), lambda: r[100], lambda: r.index(8), lambda: range(1.5), lambda: range(),
          lambda: len(range(10 ** 30)), lambda: range(1, 2, 3, 4)):
    try:
        print(f())
    except (ValueError, IndexError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(r.start, r.stop, r.step, sum(range(101)), list(reversed(range(4))), max(range(7)))
print(hash(range(3)) == hash(range(0, 3)), bool(range(0)), range(-3, 3)[-1], range(10)[-10])
print(list(range(-10, -20, -4)), list(range(0, -5)), range(5)[3:1], range(5)[-100:100])

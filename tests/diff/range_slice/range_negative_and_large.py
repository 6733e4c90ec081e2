# range with negative steps, huge bounds (beyond machine words), reversed, slicing with negatives.
r = range(10, -10, -3)
print(list(r), len(r), r[0], r[-1], r[2:4], list(r[::-1]), 1 in r, -8 in r, r.index(-5))
big = range(0, 10 ** 30, 7)
print(big[10 ** 20], big[-1], (10 ** 29) in big, 7 * 10 ** 20 in big, big.index(7 * 10 ** 20))
print(big[10 ** 25: 10 ** 25 + 3], list(big[5:8]), big.count(14), big.count(15))
try:
    len(big)
except OverflowError as e:
    print("OverflowError", e)
print(range(-5, 5)[::-2], list(range(-5, 5)[::-2]), range(0, -10, -1)[3], range(5)[-1:-6:-1])
print(list(reversed(range(0, 10, 4))), list(reversed(range(5, 0, -2))), list(reversed(range(0))))
print(range(3) == range(0, 3, 1), range(0, 5, 2) == range(0, 6, 2), range(0, 1, 5) == range(0, 1, 7))
print(sum(range(-100, 101)), max(range(-7, 0)), min(range(3, 10, 3)), sorted(range(3), reverse=True))
print(range(1, 2 ** 64, 2 ** 32)[3], hash(range(0)) == hash(range(3, 3)), bool(range(5, 0)))
print(list(range(True, 3)), range(2 ** 63 - 1, 2 ** 63 + 1)[1], list(range(-(2 ** 64), -(2 ** 64) + 3)))

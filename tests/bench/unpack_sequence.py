"""Sequence unpacking: tuples and lists into names, starred targets, swaps."""


def unpack_tuples(items, reps):
    total = 0
    for _ in range(reps):
        for t in items:
            a, b, c, d, e = t
            total += a - b + c - d + e
            a, b = b, a
            total += a * 2 - b
    return total


def unpack_lists(items, reps):
    total = 0
    for _ in range(reps):
        for t in items:
            first, *middle, last = t
            total += first + last + len(middle)
            [x, y, z, u, v] = t
            total ^= x + y + z + u + v
    return total


def main(reps=2500):
    tuples = [(i, i + 1, i + 2, i + 3, i + 4) for i in range(1000)]
    lists = [list(t) for t in tuples]
    print("unpack_sequence", unpack_tuples(tuples, reps), unpack_lists(lists, reps))


main()

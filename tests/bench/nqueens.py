"""N-queens by generating permutations: sets, generators, recursion."""


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p


def n_queens(n):
    cols = list(range(n))
    for vec in permutations(cols):
        if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)):
            yield vec


def main(n=9):
    solutions = list(n_queens(n))
    checksum = sum(sum(i * q for i, q in enumerate(s)) for s in solutions)
    print("nqueens", n, len(solutions), checksum)


main()

"""Recursive Fibonacci: Python-to-Python calls, small-int arithmetic, comparisons."""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(n=32, reps=3):
    total = 0
    for _ in range(reps):
        total += fib(n)
    print("fib", n, total)


main()

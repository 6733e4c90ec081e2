# math integer functions on big ints: isqrt, gcd/lcm of many, factorial, comb/perm edge cases, prod with start.
import math
for n in (0, 1, 15, 16, 17, 10 ** 40, 2 ** 200 - 1):
    r = math.isqrt(n)
    print(n if n < 10 ** 6 else "big", r if r < 10 ** 6 else r % 10 ** 9, r * r <= n < (r + 1) ** 2)
print(math.gcd(2 ** 100, 6 ** 50), math.gcd(-12, 18), math.gcd(), math.lcm(2 ** 40, 3 ** 20) % 10 ** 9, math.lcm(0, 5))
print(math.factorial(100) % (10 ** 9 + 7), len(str(math.factorial(500))), math.factorial(0), math.factorial(True))
print(math.comb(5, 0), math.comb(5, 6), math.comb(60, 30), math.perm(5), math.perm(5, 0), math.perm(3, 5))
print(math.prod(range(1, 11)), math.prod([], start=7), math.prod([2.5, 2]), math.prod([1, 2], start=10))
for f in (lambda: math.gcd(1.5, 2), lambda: math.comb(5, -1), lambda: math.perm(-1), lambda: math.isqrt(2.0),
          lambda: math.factorial(10 ** 100) if False else math.factorial(-5)):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(math.floor(-(10 ** 30) / 7), math.trunc(2 ** 0.5 * 10 ** 10), math.ceil(10 ** 20 / 3))

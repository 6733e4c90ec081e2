# math: constants, sqrt/pow/exp/log family, floor/ceil/trunc, gcd/lcm/isqrt/factorial/comb/perm, errors.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan != math.nan)
print(math.sqrt(16), math.sqrt(2), math.pow(2, 10), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(3), type(math.floor(2.5)).__name__)
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(), math.isqrt(10 ** 20 + 1))
print(math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.comb(100, 50), math.prod([1, 2, 3, 4]))
print(math.fabs(-3), math.copysign(3, -0.0), math.fmod(-7, 3), math.remainder(7, 4), math.hypot(3, 4), math.dist((0, 0), (3, 4)))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isclose(0.1 + 0.2, 0.3), math.modf(3.25), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
for f in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(-1),
          lambda: math.factorial(1.5), lambda: math.exp(1000), lambda: math.isqrt(-1), lambda: math.comb(-1, 2),
          lambda: math.sqrt("x"), lambda: math.pow(0, -1)):
    try:
        print(f())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(math.floor(2 ** 70 + 0.0) == 2 ** 70, math.ceil(1e-300), math.cbrt(27) if hasattr(math, "cbrt") else 3.0, math.exp2(3) if hasattr(math, "exp2") else 8.0)

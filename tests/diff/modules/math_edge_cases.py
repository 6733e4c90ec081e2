# math edge cases: domain and range errors, inf/nan handling, integer functions' errors, fsum, isclose, frexp/ldexp, ulp.
import math
inf, nan = math.inf, math.nan
for name, args in [("sqrt", (-1,)), ("log", (0,)), ("log", (-1,)), ("log", (10, 1)), ("log10", (0,)), ("log2", (-2,)), ("acos", (2,)),
                   ("asin", (-2,)), ("exp", (1000,)), ("pow", (0, -1)), ("pow", (-8, 1 / 3)), ("fmod", (1, 0)), ("fmod", (inf, 1)),
                   ("atanh", (1,)), ("gamma", (0,)), ("gamma", (-1,)), ("lgamma", (0,)), ("cosh", (1000,)), ("ldexp", (1.0, 5000)),
                   ("factorial", (-1,)), ("factorial", (1.5,)), ("comb", (-1, 2)), ("perm", (3, -1)), ("isqrt", (-4,)), ("gcd", (1.5,)),
                   ("floor", (inf,)), ("ceil", (nan,)), ("trunc", (inf,)), ("sqrt", ("x",)), ("log", (2 ** 2000,)), ("exp", (nan,))]:
    try:
        print(name, args, getattr(math, name)(*args))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(name, args, type(e).__name__, e)
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum([inf, 1]))
try:
    math.fsum([inf, -inf])
except ValueError as e:
    print("ValueError", e)
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-300), math.isclose(0.0, 1e-300, abs_tol=1e-200), math.isclose(inf, inf), math.isclose(nan, nan))
try:
    math.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print("ValueError", e)
print(math.frexp(8.0), math.frexp(0.0), math.frexp(-0.5), math.ldexp(0.5, 4), math.ldexp(1.0, -1080), math.modf(-3.5), math.modf(inf))
print(math.copysign(1, -0.0), math.copysign(inf, -1), math.fabs(-0.0), math.isinf(-inf), math.isnan(nan), math.isfinite(1e308 * 10))
print(math.ulp(1.0), math.ulp(0.0), math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.remainder(10, 3), math.remainder(11, 2))
print(math.hypot(3, 4, 12), math.hypot(), math.dist((0, 0), (3, 4)), math.prod([1, 2, 3, 4]), math.prod([], start=5), math.prod([2.5, 2]))
try:
    math.dist((1, 2), (1,))
except ValueError as e:
    print("ValueError", e)
print(math.gcd(), math.gcd(0, 0), math.gcd(12, -18, 30), math.lcm(4, 6, 10), math.lcm(), math.lcm(0, 5))
print(math.comb(50, 25), math.perm(10, 3), math.perm(5), math.comb(5, 7), math.isqrt(10 ** 40 + 1), math.factorial(25))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-2.7), math.floor(10 ** 20 + 0.5), type(math.floor(2.0)).__name__, round(math.pi, 10))
print(math.degrees(math.pi), math.radians(180), math.atan2(-0.0, -1.0), math.atan2(0.0, -0.0), math.tau == 2 * math.pi, math.e)
print(math.log(8, 2), math.log1p(1e-20), math.expm1(1e-10), math.log2(1024), math.log10(1e-5), math.exp(-inf), math.pow(-inf, 3), math.pow(nan, 0))
print(math.erf(0.5), math.erfc(0.5), math.gamma(5.5), math.lgamma(100.5), math.sin(math.pi / 6), math.tan(0.0), math.cos(inf) if False else "")

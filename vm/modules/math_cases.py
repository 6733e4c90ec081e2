# Differential cases for math_lib_test.cc: run by the test under /usr/bin/python3.
# One case per line, tab-separated: function, arguments (float.hex or decimal ints),
# result (float.hex, a decimal int, True/False) or "!ExceptionName:message".
import math
import random
import sys

sys.set_int_max_str_digits(0)

rng = random.Random(20261203)

SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 10.0, -10.0, 1e-300,
           -1e-300, 5e-324, -5e-324, 1e300, -1e300, 1.7976931348623157e308, math.inf,
           -math.inf, math.nan, 0.1, 100.5, -100.5, 710.0, -745.5, 1024.0, -1075.0,
           0.9999999999999999, 1.0000000000000002, 171.5, 172.0, -171.5, 1e-10, 2.5e-8,
           math.pi, math.e, 30.0, -30.0, 1e16, -1e16]


def rand_float():
    kind = rng.randrange(4)
    if kind == 0:
        return rng.uniform(-1, 1)
    if kind == 1:
        return rng.uniform(-20, 20)
    if kind == 2:
        return rng.uniform(-800, 800)
    return math.copysign(10 ** rng.uniform(-320, 308), rng.choice([-1, 1]))


FLOATS = SPECIAL + [rand_float() for _ in range(400)]


def fmt(v):
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return v.hex() if not math.isnan(v) else "nan"
    if isinstance(v, tuple):
        return ",".join(fmt(x) for x in v)
    raise TypeError(v)


def case(name, args, fn):
    try:
        r = fmt(fn())
    except Exception as e:  # noqa: BLE001
        r = "!%s:%s" % (type(e).__name__, e)
    print("\t".join([name] + [fmt(a) for a in args] + [r]))


UNARY = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh", "erf",
         "erfc", "exp", "exp2", "expm1", "fabs", "gamma", "lgamma", "log1p", "sin", "sinh",
         "sqrt", "tan", "tanh"]
for name in UNARY:
    f = getattr(math, name)
    for x in FLOATS:
        case(name, [x], lambda: f(x))
for name in ["log", "log2", "log10", "ulp"]:
    f = getattr(math, name)
    for x in FLOATS:
        case(name, [x], lambda: f(x))
for name in ["atan2", "fmod", "remainder", "pow", "nextafter", "copysign", "logb"]:
    for _ in range(1500):
        x = rng.choice(FLOATS)
        y = rng.choice(FLOATS)
        if name == "logb":
            case(name, [x, y], lambda: math.log(x, y))
        else:
            case(name, [x, y], lambda: getattr(math, name)(x, y))
for x in SPECIAL:
    for y in SPECIAL:
        for name in ["pow", "fmod", "remainder", "atan2"]:
            case(name, [x, y], lambda: getattr(math, name)(x, y))
for _ in range(800):
    x = rng.choice(FLOATS)
    i = rng.choice([0, 1, -1, 5, -5, 1023, 1024, -1074, -1075, 2000, -2000,
                    2 ** 31, -2 ** 31, 2 ** 40, -2 ** 40, rng.randrange(-1100, 1100)])
    case("ldexp", [x, i], lambda: math.ldexp(x, i))
for _ in range(1500):
    n = rng.choice([0, 1, 2, 3, 5, 20])
    xs = tuple(rng.choice(FLOATS) if rng.random() < 0.3 else rand_float() for _ in range(n))
    if rng.random() < 0.3:
        xs = tuple(rng.uniform(-1e6, 1e6) for _ in range(n))
    case("hypot", [len(xs)] + list(xs), lambda: math.hypot(*xs))
for _ in range(1500):
    n = rng.choice([0, 1, 2, 3, 10, 50])
    pool = rng.choice([FLOATS, [1e308, -1e308, 1e-308, 1.0, 1e16, -1e16, 1e100, 3.0],
                       [rng.uniform(-1, 1) for _ in range(5)]])
    xs = tuple(rng.choice(pool) for _ in range(n))
    case("fsum", [len(xs)] + list(xs), lambda: math.fsum(xs))
for _ in range(800):
    a = rng.choice(FLOATS)
    b = a * (1 + rng.choice([0, 1e-10, 1e-9, 1e-12, -1e-9, 1e-3])) if rng.random() < 0.7 else rng.choice(FLOATS)
    rel = rng.choice([1e-9, 1e-12, 0.0, 1e-3])
    ab = rng.choice([0.0, 1e-12, 1.0])
    case("isclose", [a, b, rel, ab], lambda: math.isclose(a, b, rel_tol=rel, abs_tol=ab))
for n in list(range(0, 60)) + [100, 170, 171, 500, 1000, 3000]:
    case("factorial", [n], lambda: math.factorial(n))
for _ in range(600):
    n = rng.choice([rng.randrange(0, 60), rng.randrange(0, 2000), 10 ** 30 + rng.randrange(100)])
    k = rng.choice([rng.randrange(0, 70), rng.randrange(0, 2000)])
    case("comb", [n, k], lambda: math.comb(n, k))
    case("perm", [n, k], lambda: math.perm(n, k))
for _ in range(400):
    a = rng.choice([0, 1, -1, rng.randrange(-10 ** 6, 10 ** 6), rng.randrange(-10 ** 40, 10 ** 40)])
    b = rng.choice([0, 1, -1, rng.randrange(-10 ** 6, 10 ** 6), rng.randrange(-10 ** 40, 10 ** 40),
                    a * rng.randrange(1, 1000)])
    case("lcm", [a, b], lambda: math.lcm(a, b))

"""Prints float-arithmetic test cases computed by this python3 (run by float_ops_test).

Each line: <op> TAB <x.hex()> TAB <y> TAB <result>, where y is a float.hex() (or an int
for round), and result is "OK:" + float.hex() values joined by ",", "COMPLEX", or
"ERR:" + exception name + ":" + message. Ops: truediv floordiv mod divmod pow round
roundint hex ratio isint.
"""

import math
import random
import struct
import sys


def r(fn):
    try:
        v = fn()
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        return "ERR:%s:%s" % (type(e).__name__, e)
    if isinstance(v, complex):
        return "COMPLEX"
    if isinstance(v, tuple):
        return "OK:" + ",".join(float(x).hex() if isinstance(x, float) else str(x) for x in v)
    if isinstance(v, float):
        return "OK:" + v.hex()
    return "OK:" + str(v)


def main():
    rng = random.Random(5)
    special = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, math.inf, -math.inf,
               math.nan, 1e308, -1e308, 5e-324, 2.5, -2.5, 0.1, 1e16, 7.0, -7.0, 1e-300]
    vals = special + [struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0] for _ in range(150)]
    vals += [rng.uniform(-100, 100) for _ in range(150)]
    vals += [float(rng.randint(-50, 50)) for _ in range(60)]
    vals += [round(rng.uniform(-1000, 1000), rng.randint(0, 5)) for _ in range(100)]
    out = []
    for _ in range(6000):
        x, y = rng.choice(vals), rng.choice(vals)
        op = rng.choice(["truediv", "floordiv", "mod", "divmod", "pow"])
        fn = {"truediv": lambda: x / y, "floordiv": lambda: x // y, "mod": lambda: x % y,
              "divmod": lambda: divmod(x, y), "pow": lambda: x ** y}[op]
        # A negative base to a fractional power is complex arithmetic's business (the
        # float layer hands it over): its result or error is not a float op's.
        if (op == "pow" and x < 0 and math.isfinite(x) and math.isfinite(y)
                and y != math.floor(y)):
            result = "COMPLEX"
        else:
            result = r(fn)
        out.append("%s\t%s\t%s\t%s" % (op, x.hex(), y.hex(), result))
    for x in vals:
        out.append("roundint\t%s\t0\t%s" % (x.hex(), r(lambda: float(round(x)))))
        out.append("hex\t%s\t0\tOK:%s" % (x.hex(), x.hex()))
        out.append("ratio\t%s\t0\t%s" % (x.hex(), r(lambda: x.as_integer_ratio())))
        out.append("isint\t%s\t0\tOK:%s" % (x.hex(), x.is_integer()))
        for nd in [0, 1, 2, 3, -1, -2, -5, 5, 10, 17, 20, 300, 323, 324, -307, -308, -309, 400, -400]:
            out.append("round\t%s\t%d\t%s" % (x.hex(), nd, r(lambda: round(x, nd))))
    for _ in range(3000):
        x = round(rng.uniform(-1000, 1000), rng.randint(0, 6)) * rng.choice([1, 10, 0.001, 1e6])
        nd = rng.randint(-8, 8)
        out.append("round\t%s\t%d\t%s" % (x.hex(), nd, r(lambda: round(x, nd))))
    sys.stdout.write("\n".join(out) + "\n")


main()

"""Prints complex-arithmetic cases computed by this python3 (run by complex_ops_test).
Lines: <op> TAB <a> TAB <b> TAB <result>; a complex is "<real.hex()>,<imag.hex()>";
results are "OK:" + complex / float.hex() / repr text, or "ERR:" + name + ":" + message.
Ops: div pow abs repr parse (for parse, a is the hex UTF-8 of the string).
"""

import math
import random
import struct
import sys


def c(z):
    return "%s,%s" % (z.real.hex(), z.imag.hex())


def r(fn):
    try:
        v = fn()
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        return "ERR:%s:%s" % (type(e).__name__, e)
    if isinstance(v, complex):
        return "OK:" + c(v)
    if isinstance(v, float):
        return "OK:" + v.hex()
    return "OK:" + v


def main():
    rng = random.Random(8)
    parts = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 1.5, -2.5, 3.0, 1e300, -1e-300, 1e-320,
             math.inf, -math.inf, math.nan, 10.0, 0.1]
    def rnd():
        k = rng.random()
        if k < 0.4:
            return rng.choice(parts)
        if k < 0.6:
            return struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if k < 0.8:
            return float(rng.randint(-5, 5))
        return rng.uniform(-10, 10)
    out = []
    for _ in range(8000):
        a, b = complex(rnd(), rnd()), complex(rnd(), rnd())
        out.append("div\t%s\t%s\t%s" % (c(a), c(b), r(lambda: a / b)))
        if rng.random() < 0.5:
            b = complex(float(rng.randint(-110, 110)), rng.choice([0.0, 0.0, 0.0, rnd()]))
        out.append("pow\t%s\t%s\t%s" % (c(a), c(b), r(lambda: a ** b)))
        out.append("abs\t%s\t~\t%s" % (c(a), r(lambda: abs(a))))
        out.append("repr\t%s\t~\t%s" % (c(a), r(lambda: repr(a))))
    texts = ["1__0", "_1", "1_", "1_0j", "1e1_0", "(1+2j", " ( 1+2j ) ", "j", "-j", "+1.5e3-2J",
             "1e", "infj", "-nan+infj", "1+", "1+j", "1-1e5j", "０１", "1 + 2j", "", "()",
             "(j)", "1\x00", "Infinity-infj", "1e500j", "-1e-500", ".5j", "5.j", ".j", "1.2.3",
             "0x1", "\u20031j\u2003", "NaN", "+-1j", "1jj", "j1"]
    pieces = ["1", "2.5", "e", "-", "+", "j", "J", "(", ")", " ", "_", "inf", "nan", ".", "0"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    for t in texts:
        try:
            res = "OK:" + c(complex(t))
        except ValueError as e:
            res = "ERR:ValueError:" + ("malformed" if "malformed" in str(e) else "underscore")
        out.append("parse\t%s\t~\t%s" % (t.encode("utf-8").hex(), res))
    sys.stdout.write("\n".join(out) + "\n")


main()

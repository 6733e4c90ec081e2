"""Prints printf-style formatting cases computed by this python3 (run by printf_test).

Each line: <format hex> TAB <operand> TAB <result>. The operand is "T:" + items joined by
"," (a tuple), "V:" + one item (a single value), or "D:" + "key=item" pairs (a dict);
items are "i<int>", "f<float.hex()>" or "s<hex utf-8>". The result is "OK:" + hex text
or "ERR:" + exception name + ":" + hex(message).
"""

import random
import sys


def h(s):
    return s.encode("utf-8", "surrogatepass").hex()


def item(v):
    if isinstance(v, bool):
        raise TypeError
    if isinstance(v, int):
        return "i%d" % v
    if isinstance(v, float):
        return "f" + v.hex()
    return "s" + h(v)


def main():
    rng = random.Random(17)
    flags = ["", "", "-", "+", " ", "#", "0", "-0", "+0", "#0", " 0", "-#"]
    widths = ["", "", "5", "12", "*", "1", "0"]
    precs = ["", "", ".0", ".3", ".10", ".*", "."]
    types = list("sradiuoxXeEfFgGc") + ["%", "y", "é"]
    lits = ["", "a", " ", "|", "x y", "%%", "é"]
    values = [0, 1, -1, 7, 255, -255, 65, 10**15, -(2**62), 0.0, -0.0, 1.5, -2.25, 3.9,
              1e20, 1e-7, float("inf"), float("nan"), 123456.789, "", "a", "abc", "é€𝄞", "3", "xy'z"]
    out = []
    for _ in range(20000):
        n = rng.randint(0, 3)
        fmt = rng.choice(lits)
        keyed = rng.random() < 0.15
        for _ in range(n):
            key = "(%s)" % rng.choice(["a", "b", "k"]) if keyed else ""
            fmt += "%" + key + rng.choice(flags) + rng.choice(widths) + rng.choice(precs)
            fmt += rng.choice(["", "", "", "l", "h"]) + rng.choice(types) + rng.choice(lits)
        if rng.random() < 0.03:
            fmt += rng.choice(["%", "%(", "%(a", "%5", "%.", "%-"])
        if keyed:
            d = {k: rng.choice(values) for k in rng.sample(["a", "b", "k"], rng.choice([0, 1, 2, 3, 3, 3]))}
            operand = "D:" + ",".join("%s=%s" % (k, item(v)) for k, v in d.items())
            arg = d
        elif rng.random() < 0.2:
            v = rng.choice(values)
            operand, arg = "V:" + item(v), v
        else:
            # Mostly as many arguments as the format consumes, sometimes not.
            want = fmt.count("%") - 2 * fmt.count("%%") + fmt.count("*")
            size = want if rng.random() < 0.75 else rng.randint(0, 5)
            t = []
            for piece in range(max(size, 0)):
                t.append(rng.choice(values + [2, 3, -4]))
            t = tuple(t)
            operand, arg = "T:" + ",".join(item(v) for v in t), t
        try:
            res = "OK:" + h(fmt % arg)
        except (TypeError, ValueError, OverflowError, KeyError) as e:
            res = "ERR:%s:%s" % (type(e).__name__, h(str(e)))
        except MemoryError:  # a huge '*' width
            continue
        out.append("%s\t%s\t%s" % (h(fmt), operand, res))
    sys.stdout.write("\n".join(out) + "\n")


main()

"""Prints differential test cases for objects/format, computed by this python3.

Run by format_test (with /usr/bin/python3) at test time; each line is tab-separated,
every text field hex-encoded UTF-8 so that tabs and newlines in specs survive:

  F  <float.hex()>  <spec>  <result>      format(float, spec)
  I  <int>          <spec>  <result>      format(int, spec)     (int64 range)
  S  <str>          <spec>  <result>      format(str, spec)
  R  <float.hex()>  <repr(float)>
  P  <str>          <float.hex() or "ERR">   float(str)

<result> is "OK:" + hex(output) or "ERR:" + exception name + ":" + hex(message).
"""

import math
import random
import struct
import sys


def h(s):
    return s.encode("utf-8", "surrogatepass").hex()


def result(fn):
    try:
        return "OK:" + h(fn())
    except (ValueError, OverflowError) as e:
        return "ERR:%s:%s" % (type(e).__name__, h(str(e)))


def random_float(rng):
    kind = rng.random()
    if kind < 0.05:
        return rng.choice([0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324,
                           1.7976931348623157e308, 1e16, 1e-4, 9.5, 0.5, 1.5, 2.5, 1e22, 1e23])
    if kind < 0.25:
        return struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if kind < 0.5:
        return round(rng.uniform(-1000, 1000), rng.randint(0, 4))
    if kind < 0.7:
        return rng.choice([-1, 1]) * 10.0 ** rng.randint(-30, 30) * rng.choice([1, 1.5, 9.99, 0.95, 123.456])
    return rng.uniform(-1e6, 1e6)


FILLS = ["", "", "", "*", "0", " ", "é", "𝄞", "<"]
ALIGNS = ["", "", "<", ">", "=", "^"]


def random_spec(rng, types):
    spec = ""
    align = rng.choice(ALIGNS)
    if align:
        spec += rng.choice(FILLS) + align
    spec += rng.choice(["", "", "+", "-", " "])
    spec += rng.choice(["", "", "", "z"])
    spec += rng.choice(["", "", "#"])
    spec += rng.choice(["", "", "0"])
    spec += rng.choice(["", "", "", "1", "5", "12", "25"])
    spec += rng.choice(["", "", "", ",", "_"])
    spec += rng.choice(["", "", "", ".0", ".1", ".3", ".10", ".17", ".25"])
    spec += rng.choice(types)
    return spec


CURATED_SPECS = ["", "x", "s", ",s", ",_", "_,", ".", "1.", "9999999999999999999999",
                 ".9999999999999999999999f", "<<<", "%%", "ff", "\x00", "\x01", "z", "zd",
                 "010,", "09,", "#010_x", "=+10", "é^11", "#", "#.0f", "#g", "g", "n", ",n",
                 ".0", "x<10", "'^10", "+c", "#c", "<5c", "0=5", "05", ".2", ".2d", "#X",
                 "#_X", "_b", "_o", ",x", ",c", "^", "=", "0<8", "0^9", "+08,.2f", "-08",
                 " 8", "z.1f", "z.0f", "z08.3e", ".0e", "#.0e", ".50f", ".3%", "012,.2f",
                 "\U0001d7d8", "\u0661\u0662"]


def main():
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 2026)
    out = []
    float_types = ["", "", "e", "E", "f", "F", "g", "G", "n", "%", "d", "x", "s"]
    int_types = ["", "", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "s", "F"]
    str_types = ["", "", "s", "d"]
    floats = [random_float(rng) for _ in range(1500)]
    for x in floats[:300]:
        for spec in CURATED_SPECS:
            out.append("F\t%s\t%s\t%s" % (x.hex(), h(spec), result(lambda: format(x, spec))))
    for x in floats:
        for _ in range(6):
            spec = random_spec(rng, float_types)
            out.append("F\t%s\t%s\t%s" % (x.hex(), h(spec), result(lambda: format(x, spec))))
        out.append("R\t%s\t%s" % (x.hex(), h(repr(x))))
    ints = [0, 1, -1, 65, 0x10FFFF, 0x110000, -5, 2**62, -(2**63), 2**63 - 1, 1234, -1234]
    ints += [rng.randint(-10**rng.randint(1, 18), 10**rng.randint(1, 18)) for _ in range(1000)]
    for n in ints[:200]:
        for spec in CURATED_SPECS:
            out.append("I\t%d\t%s\t%s" % (n, h(spec), result(lambda: format(n, spec))))
    for n in ints:
        for _ in range(6):
            spec = random_spec(rng, int_types)
            out.append("I\t%d\t%s\t%s" % (n, h(spec), result(lambda: format(n, spec))))
    strs = ["", "a", "abc", "héllo", "𝄞x", "日本語テキスト", "tab\there", "0123456789"]
    for s in strs:
        for spec in CURATED_SPECS:
            out.append("S\t%s\t%s\t%s" % (h(s), h(spec), result(lambda: format(s, spec))))
        for _ in range(60):
            spec = random_spec(rng, str_types)
            out.append("S\t%s\t%s\t%s" % (h(s), h(spec), result(lambda: format(s, spec))))
    parse_inputs = ["1", "1.5", " 1.5 ", "-0", "+.5", "5.", ".", "1e5", "1E-5", "1e", "e5",
                    "inf", "-Infinity", "nAn", "-nan", "infinit", "1_000.5", "1__0", "_1",
                    "1_", "1_.5", "1._5", "1e1_0", "0x10", "1e400", "-1e400", "1e-400",
                    "2.4703282292062328e-324", "2.4703282292062327e-324", "\u00a01.5\u2003",
                    "\u0661\u0662.\u0663", "1.5x", "", "   ", "++1", "1.7976931348623157e308",
                    "1.7976931348623159e308", "0e999", "000000.000e-99999", "12345678901234567890123"]
    parse_inputs += [repr(x) for x in floats[:300]]
    for s in parse_inputs:
        try:
            v = float(s).hex()
        except ValueError:
            v = "ERR"
        out.append("P\t%s\t%s" % (h(s), v))
    sys.stdout.write("\n".join(out) + "\n")


main()

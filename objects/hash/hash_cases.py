"""Prints hash() test cases computed by this python3 (run under a fixed PYTHONHASHSEED by
hash_test). Lines are tab-separated:

  S <utf-8 hex> <hash>          str (C++ rebuilds its PEP 393 buffer)
  B <bytes hex> <hash>          bytes
  I <int> <hash>                int in the int64 range
  F <float.hex()> <hash>        float (finite or infinite)
  C <real.hex()> <imag.hex()> <hash>
  T <item hashes, comma-separated> <hash>   tuple
  Z <item hashes, comma-separated> <hash>   frozenset
"""

import random
import sys


def main():
    rng = random.Random(7)
    out = []
    strs = ["", "a", "abc", "hello world", "é", "€", "𝄞", "naïve café", "日本語", "x" * 7,
            "x" * 8, "x" * 9, "x" * 100, "\x00", "\uffff", "\U0010ffff", "\ud800"]
    alphabet = ["a", "Z", "0", " ", "é", "ÿ", "Ā", "€", "日", "\uffff", "𝄞", "\U0010ffff"]
    for _ in range(600):
        strs.append("".join(rng.choice(alphabet[: rng.randint(1, len(alphabet))])
                            for _ in range(rng.randint(0, 40))))
    for s in strs:
        out.append("S\t%s\t%d" % (s.encode("utf-8", "surrogatepass").hex(), hash(s)))
    for _ in range(300):
        b = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 70)))
        out.append("B\t%s\t%d" % (b.hex(), hash(b)))
    ints = [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61 - 1), -(2**61), 2**62,
            2**63 - 1, -(2**63), -(2**63) + 1]
    ints += [rng.randint(-(2**63), 2**63 - 1) for _ in range(500)]
    for n in ints:
        out.append("I\t%d\t%d" % (n, hash(n)))
    floats = [0.0, -0.0, 1.0, -1.0, 1.5, 0.1, 1e300, -1e-300, 5e-324, float("inf"),
              float("-inf"), 2.0**61, 2.0**62, -(2.0**61), 1.7976931348623157e308]
    floats += [rng.uniform(-1e6, 1e6) for _ in range(300)]
    floats += [rng.choice([-1, 1]) * 10.0 ** rng.uniform(-300, 300) for _ in range(300)]
    for x in floats:
        out.append("F\t%s\t%d" % (x.hex(), hash(x)))
    for _ in range(200):
        re_, im = rng.choice(floats), rng.choice(floats)
        out.append("C\t%s\t%s\t%d" % (re_.hex(), im.hex(), hash(complex(re_, im))))
    pool = ints[:50] + strs[:50] + floats[:30]
    for _ in range(300):
        items = tuple(rng.choice(pool) for _ in range(rng.randint(0, 8)))
        out.append("T\t%s\t%d" % (",".join(str(hash(i)) for i in items), hash(items)))
    out.append("T\t\t%d" % hash(()))
    for _ in range(300):
        items = frozenset(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        out.append("Z\t%s\t%d" % (",".join(str(hash(i)) for i in items), hash(items)))
    sys.stdout.write("\n".join(out) + "\n")


main()

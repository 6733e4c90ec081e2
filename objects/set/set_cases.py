"""Random operation sequences on Python sets, with the set's iteration order after every
step, computed by this python3 (run by set_table_test). Each line:

  <op> <args...> | <values in iteration order>

Values are written "i:<int>" or "f:<float.hex()>"; ints and floats that are equal compare
equal and hash alike, exercising the equality callback. Ops: add X, discard X, pop
(the popped value is the first arg), update_set X..., update_dict X..., update_list X...,
clear, copy, new X... (s = set([X...])).
"""

import random
import sys


def enc(v):
    return "f:" + v.hex() if isinstance(v, float) else "i:%d" % v


def main():
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 11)
    pool = list(range(-20, 60)) + [8 * k for k in range(40)] + [-1, -2, 2**61 - 1, 2**61,
            2**62, -(2**62), 2**63 - 1, -(2**63), 1.0, 2.0, 0.5, -0.0, 1e300, 1.5]
    out = []
    for seq in range(60):
        s = set()
        out.append("new |")
        for step in range(rng.randint(20, 400)):
            r = rng.random()
            args = []
            if r < 0.45:
                x = rng.choice(pool)
                s.add(x)
                op, args = "add", [x]
            elif r < 0.7:
                x = rng.choice(pool)
                s.discard(x)
                op, args = "discard", [x]
            elif r < 0.78:
                if not s:
                    continue
                op, args = "pop", [s.pop()]
            elif r < 0.83:
                xs = [rng.choice(pool) for _ in range(rng.randint(0, 30))]
                s.update(set(xs))
                op, args = "update_set", xs
            elif r < 0.87:
                xs = [rng.choice(pool) for _ in range(rng.randint(0, 30))]
                s.update(dict.fromkeys(xs))
                op, args = "update_dict", xs
            elif r < 0.92:
                xs = [rng.choice(pool) for _ in range(rng.randint(0, 30))]
                s.update(xs)
                op, args = "update_list", xs
            elif r < 0.94:
                s.clear()
                op = "clear"
            elif r < 0.97:
                s = s.copy()
                op = "copy"
            else:
                xs = [rng.choice(pool) for _ in range(rng.randint(0, 60))]
                s = set(xs)
                op, args = "new", xs
            out.append(" ".join([op] + [enc(a) for a in args]) + " | " +
                       " ".join(enc(v) for v in s))
    sys.stdout.write("\n".join(out) + "\n")


main()

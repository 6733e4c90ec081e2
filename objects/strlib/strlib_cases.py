"""Prints str-method test cases computed by this python3 (run by strlib_test).

Each line: <method> TAB <s> TAB <arg1> TAB <arg2> TAB <result>. Strings are hex-encoded
UTF-8 (surrogates passed through); "~" is an absent argument (None); ints are decimal;
a list result is its items' hex joined by ","; an error result is "ERR".
"""

import random
import sys


def h(s):
    return s.encode("utf-8", "surrogatepass").hex()


ERR = object()  # a ValueError (empty separator)


def main():
    rng = random.Random(9)
    alphabet = (["a", "b", "A", "B", " ", " ", "\t", "\n", "\r", "\r\n", "\x0b", "\x1c",
                 "\x85", "\u2028", "\u3000", "-", "+", "0", "1", "ab", "Σ", "σ", "ς", "ß",
                 "ǅ", "ﬁ", "İ", "'", ".", "\u0345", "\u00ad", "Ω", "ǈ", "٣", "½", "_", "x",
                 "é", "\U0001d400", "\ud800", "ŉ"])
    def rs(n):
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, n)))
    seps = ["a", "b", " ", "ab", "\n", "Σ", "", "xyz", "aa", "\t"]
    out = []
    def add(method, s, a1, a2, result):
        def enc(v):
            if v is ERR:
                return "ERR"
            if v is None:
                return "~"
            if isinstance(v, bool):
                return str(v)
            if isinstance(v, int):
                return str(v)
            if isinstance(v, (list, tuple)):
                return ",".join(h(x) for x in v) if v else "[]"
            return h(v)
        out.append("\t".join([method, h(s), enc(a1), enc(a2), enc(result)]))
    def call(method, s, *args):
        try:
            return getattr(s, method)(*args)
        except ValueError:
            return ERR
    for _ in range(2500):
        s = rs(14)
        sub = rng.choice(seps + [rs(3)])
        for m in ["find", "rfind", "count"]:
            add(m, s, sub, None, call(m, s, sub))
        n = rng.choice([-1, 0, 1, 2, 5])
        for m in ["split", "rsplit"]:
            add(m, s, None, n, call(m, s, None, n))
            sep = rng.choice(seps)
            r = call(m, s, sep, n)
            add(m, s, sep, n, r if r is ERR else list(r))
        for keep in [False, True]:
            add("splitlines", s, keep, None, call("splitlines", s, keep))
        sep = rng.choice(seps)
        for m in ["partition", "rpartition"]:
            r = call(m, s, sep)
            add(m, s, sep, None, r if r is ERR else list(r))
        old, new = rng.choice(seps + [rs(2)]), rng.choice(["", "-", "XY", "ς"])
        cnt = rng.choice([-1, 0, 1, 2, 3])
        out.append("\t".join(["replace", h(s), h(old), h(new) + ":" + str(cnt),
                              h(s.replace(old, new, cnt))]))
        chars = rng.choice([None, "a", "ab ", "\n\t", "Σσ"])
        for m in ["strip", "lstrip", "rstrip"]:
            add(m, s, chars, None, call(m, s, chars))
        w = rng.randint(-2, 20)
        fill = rng.choice([" ", "*", "é"])
        for m in ["center", "ljust", "rjust"]:
            add(m, s, w, fill, call(m, s, w, fill))
        add("zfill", s, w, None, s.zfill(w))
        ts = rng.choice([-1, 0, 1, 4, 8])
        add("expandtabs", s, ts, None, s.expandtabs(ts))
        for m in ["lower", "upper", "casefold", "swapcase", "title", "capitalize"]:
            add(m, s, None, None, call(m, s))
        for m in ["islower", "isupper", "istitle", "isspace", "isalpha", "isalnum",
                  "isdecimal", "isdigit", "isnumeric", "isprintable", "isascii",
                  "isidentifier"]:
            add(m, s, None, None, call(m, s))
    for s in ["", "a", "_", "1a", "a1", "Σ", "ΑΣ", "ΑΣ.", "aΣb", "ΑΣ\u00ad", " Σ ", "ǅa", "Aa Bb", "A1"]:
        for m in ["lower", "title", "capitalize", "swapcase", "istitle", "isidentifier"]:
            add(m, s, None, None, call(m, s))
    sys.stdout.write("\n".join(out) + "\n")


main()

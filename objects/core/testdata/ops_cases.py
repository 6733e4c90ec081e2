# Differential cases for objects/core: operators, reprs, hashes and conversions of core
# values. Each line: op \t encoded operands... \t hex(UTF-8 of the result), where the
# result is repr(value) or "Type: message" for an exception. Run with PYTHONHASHSEED=0.
import math
import random
import sys

random.seed(9)
sys.set_int_max_str_digits(4300)


exec(open(__file__.replace("ops_cases.py", "encode.py")).read())


def outcome(fn):
    try:
        r = fn()
        if isinstance(r, complex):
            return None  # the complex type is not part of objects/core's own types
        return repr(r)
    except Exception as e:  # noqa: BLE001
        msg = str(e)
        if "complex" in msg:
            return None
        return type(e).__name__ + (": " + msg if msg else "")


ints = [0, 1, -1, 2, -2, 3, 7, -7, 10, 255, 256, -256, 2**31, -2**31, 2**62 - 1, -2**62,
        2**62, -2**62 - 1, 2**63, -2**63, 2**64 + 5, 10**20, -10**20, 3**100, -(7**80),
        123456789123456789123456789]
ints += [random.randint(-2**70, 2**70) for _ in range(6)]
floats = [0.0, -0.0, 1.0, -1.5, 0.1, 1e16, 1e-5, 2.5, 3.0, 1e300, -1e300, math.inf,
          -math.inf, math.nan, 123.456, 2.0**53, 0.5]
strs = ["", "a", "abc", "héllo", "日本", "\U0001f600x", "it's", 'q"', "a\nb", "\x00\x7f",
        "aaa", "b", "%s-%d", "%r|%5.2f"]
others = [None, True, False, (), (1,), (1, "a", None), ((1, 2), 3.5), ("x",)]
values = ints + floats + strs + others

binops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "divmod",
          "<", "<=", "==", "!=", ">", ">="]


def binop(op, a, b):
    if op == "divmod":
        return divmod(a, b)
    return eval("a %s b" % op)


def skip(op, a, b):
    if op == "**" and isinstance(b, int) and not isinstance(b, bool) and abs(b) > 300:
        return True
    if op == "**" and isinstance(a, int) and isinstance(b, int) and abs(a) > 2**64 and b > 40:
        return True
    if op in ("<<",) and isinstance(b, int) and b > 3000:
        return True
    if op == "*" and isinstance(b, int) and isinstance(a, (str, tuple)) and b > 1000:
        return True
    if op == "*" and isinstance(a, int) and isinstance(b, (str, tuple)) and a > 1000:
        return True
    if op == "%" and isinstance(a, str) and isinstance(b, int) and abs(b) > 10**6:
        return True
    return False


out = []
for op in binops:
    for a in values:
        for b in values:
            if skip(op, a, b):
                continue
            out.append((op, [a, b], outcome(lambda: binop(op, a, b))))

unary = {
    "neg": lambda a: -a, "pos": lambda a: +a, "abs": abs, "invert": lambda a: ~a,
    "repr": repr, "str": str, "bool": bool, "len": len, "int": int, "float": float,
    "ascii": ascii,
}
for name, fn in unary.items():
    for a in values:
        out.append((name, [a], outcome(lambda: fn(a))))
for a in values:
    if isinstance(a, float) and math.isnan(a):
        continue
    if a is None or (isinstance(a, tuple) and None in a):
        continue  # hash(None) is the address of CPython's None
    if isinstance(a, tuple) and any(isinstance(x, float) and math.isnan(x) for x in a):
        continue
    out.append(("hash", [a], outcome(lambda: hash(a))))

# indexing and containment
seqs = strs + [(), (1,), (1, "a", None), (5, 6, 7, 8, 9)]
idx = [0, 1, -1, 2, -3, 10, -10, 2**70, 1.5, "a", None, True]
for s in seqs:
    for i in idx:
        out.append(("getitem", [s, i], outcome(lambda: s[i])))
    for i in values[:40] + strs:
        out.append(("contains", [s, i], outcome(lambda: i in s)))
# slices: encoded as getslice with start, stop, step (None allowed)
bounds = [None, 0, 1, -1, 2, -2, 5, 100, -100]
steps = [None, 1, 2, -1, -2, 3, 0]
for s in ["", "abcdef", "héllo wörld", "日本語テキスト", (1, 2, 3, 4, 5)]:
    for st in bounds:
        for sp in bounds:
            for sk in steps:
                out.append(("getslice", [s, st, sp, sk], outcome(lambda: s[st:sp:sk])))

# int(text, base) and float(text)
texts = ["0", "12", "-12", " 42 ", "1_000", "0x1f", "0b101", "0o17", "1e3", "abc", "",
         "99999999999999999999", "١٢٣", "1__0", "_1", "+5", "12.5", "inf", "-nan", "1e500",
         " 1.5e-3 ", "0x", "z"]
for t in texts:
    for base in [10, 0, 16, 2, 36, 1, 37]:
        out.append(("intbase", [t, base], outcome(lambda: int(t, base))))
    out.append(("float", [t], outcome(lambda: float(t))))

# format()
specs = ["", "d", "x", "#x", "08.3f", ">10", "<5", "^7", "+", ",", "_", "e", ".3g", "%",
         "c", "s", "10s", "b", "o", "X", "n", ".2", "z.1f", "=+8"]
for a in ints[:12] + floats + strs[:6] + [True, None]:
    for sp in specs:
        out.append(("format", [a, sp], outcome(lambda: format(a, sp))))

for op, args, res in out:
    if res is None:
        continue
    print("\t".join([op] + [enc(x) for x in args] + [res.encode("utf-8", "surrogatepass").hex()]))

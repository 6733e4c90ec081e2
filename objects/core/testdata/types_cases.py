"""Differential cases for the container types added beside the core (list, range, set,
frozenset, dict views, the iterator types), computed by this python3 and replayed by
objects/core/types_test.cc through pyrt's C++ API.

Each output line is: <op> TAB <subject> TAB <args> TAB <expected>

Values are written in a small prefix notation that the C++ test parses:
  i:<int>  s:<hex of utf-8>  N  T  F  @neg  @str  @bool
  L( ... )  list     U( ... )  tuple     S( ... )  set     Z( ... )  frozenset
  D( k v ... )  dict  R( a b c )  range   P( a b c )  slice
  K( d )  d.keys()   V( d )  d.values()   I( d )  d.items()
<args> is a space-separated sequence of values (possibly empty). Keyword arguments are
written kw:<name>=<value>.

<expected> is "<repr of result> | <repr of subject after the op>" or, when the operation
raises, "!<traceback's last line>".

Ops: call:<method> (subject.method(*args)), getitem, setitem (args: key value), delitem,
bin:<op> (subject <op> args[0]), rbin:<op> (args[0] <op> subject), ibin:<op> (augmented
assignment; the result is the new subject), cmp:<op>, contains (args[0] in subject), len,
list (list(subject)), rlist (list(reversed(subject))), repr, hash, new:<type>
(type(*args), subject ignored), listnew:<type> (list(type(*args))), next2 (two next()
calls on iter(subject) with an item-changing call in between, see gen_mutation).
"""

import operator
import random
import sys
import traceback

FUNCS = {"@neg": operator.neg, "@str": str, "@bool": bool}


def enc(v):
    if v is None:
        return "N"
    if v is True:
        return "T"
    if v is False:
        return "F"
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:" + v.hex()
    if isinstance(v, complex):
        return "c:%s:%s" % (v.real.hex(), v.imag.hex())
    if isinstance(v, str):
        return "s:" + v.encode("utf-8", "surrogatepass").hex()
    if isinstance(v, bytes):
        return "b:" + v.hex()
    if isinstance(v, bytearray):
        return "y:" + v.hex()
    if isinstance(v, list):
        return "L( " + " ".join(enc(x) for x in v) + " )"
    if isinstance(v, tuple):
        return "U( " + " ".join(enc(x) for x in v) + " )"
    if isinstance(v, frozenset):
        return "Z( " + " ".join(enc(x) for x in v) + " )"
    if isinstance(v, set):
        return "S( " + " ".join(enc(x) for x in v) + " )"
    if isinstance(v, dict):
        return "D( " + " ".join(enc(k) + " " + enc(x) for k, x in v.items()) + " )"
    if isinstance(v, range):
        return "R( %s %s %s )" % (enc(v.start), enc(v.stop), enc(v.step))
    if isinstance(v, slice):
        return "P( %s %s %s )" % (enc(v.start), enc(v.stop), enc(v.step))
    for name, f in FUNCS.items():
        if v is f:
            return name
    t = type(v).__name__
    if t == "dict_keys":
        return "K( " + enc(v.mapping.copy()) + " )"
    if t == "dict_values":
        return "V( " + enc(v.mapping.copy()) + " )"
    if t == "dict_items":
        return "I( " + enc(v.mapping.copy()) + " )"
    raise TypeError(type(v))


def dec(text):
    """Builds the value that the C++ test builds from enc(v): sets are made by adding
    the items in the encoded order, so both sides start from identical tables."""
    toks = text.split()
    pos = 0

    def one():
        nonlocal pos
        t = toks[pos]
        pos += 1
        if t in ("N", "T", "F"):
            return {"N": None, "T": True, "F": False}[t]
        if t.startswith("i:"):
            return int(t[2:])
        if t.startswith("f:"):
            return float.fromhex(t[2:])
        if t.startswith("c:"):
            re, im = t[2:].split(":")
            return complex(float.fromhex(re), float.fromhex(im))
        if t.startswith("s:"):
            return bytes.fromhex(t[2:]).decode("utf-8", "surrogatepass")
        if t.startswith("b:"):
            return bytes.fromhex(t[2:])
        if t.startswith("y:"):
            return bytearray.fromhex(t[2:])
        if t.startswith("@"):
            return FUNCS[t]
        items = []
        while toks[pos] != ")":
            items.append(one())
        pos += 1
        kind = t[0]
        if kind == "L":
            return items
        if kind == "U":
            return tuple(items)
        if kind in "SZ":
            s = set()
            for x in items:
                s.add(x)
            return s if kind == "S" else frozenset(s)
        if kind == "D":
            return dict(zip(items[::2], items[1::2]))
        if kind == "R":
            return range(*items)
        if kind == "P":
            return slice(*items)
        if kind == "K":
            return items[0].keys()
        if kind == "V":
            return items[0].values()
        if kind == "I":
            return items[0].items()
        raise ValueError(t)

    return one()


def enc_args(args, kwargs=None):
    parts = [enc(a) for a in args]
    for k, v in (kwargs or {}).items():
        parts.append("kw:%s=%s" % (k, enc(v)))
    return " ".join(parts)


def last_line(e):
    return "!" + traceback.format_exception_only(type(e), e)[-1].strip()


BINOPS = {"/": operator.truediv, "**": operator.pow, "//": operator.floordiv,
          "%": operator.mod, "+": operator.add, "-": operator.sub, "*": operator.mul, "&": operator.and_,
          "|": operator.or_, "^": operator.xor}
IBINOPS = {"+": operator.iadd, "-": operator.isub, "*": operator.imul, "&": operator.iand,
           "|": operator.ior, "^": operator.ixor}
CMPOPS = {"<": operator.lt, "<=": operator.le, "==": operator.eq, "!=": operator.ne,
          ">": operator.gt, ">=": operator.ge}
TYPES = {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset, "range": range,
         "enumerate": enumerate, "zip": zip, "map": map, "filter": filter,
         "reversed": reversed, "dict": dict, "complex": complex, "bytes": bytes,
         "bytearray": bytearray}


def run(op, subject, args, kwargs):
    """Performs op and returns the expected text."""
    try:
        if op.startswith("call:"):
            r = getattr(subject, op[5:])(*args, **kwargs)
        elif op == "getitem":
            r = subject[args[0]]
        elif op == "setitem":
            subject[args[0]] = args[1]
            r = None
        elif op == "delitem":
            del subject[args[0]]
            r = None
        elif op.startswith("bin:"):
            r = BINOPS[op[4:]](subject, args[0])
        elif op.startswith("rbin:"):
            r = BINOPS[op[5:]](args[0], subject)
        elif op.startswith("ibin:"):
            subject = IBINOPS[op[5:]](subject, args[0])
            r = subject
        elif op.startswith("cmp:"):
            r = CMPOPS[op[4:]](subject, args[0])
        elif op == "contains":
            r = args[0] in subject
        elif op == "len":
            r = len(subject)
        elif op == "list":
            r = list(subject)
        elif op == "rlist":
            r = list(reversed(subject))
        elif op == "repr":
            r = repr(subject)
        elif op == "hash":
            r = hash(subject)
        elif op.startswith("new:"):
            r = TYPES[op[4:]](*args, **kwargs)
        elif op.startswith("listnew:"):
            r = list(TYPES[op[8:]](*args, **kwargs))
        else:
            raise ValueError(op)
    except Exception as e:  # noqa: BLE001 - any exception is a case
        return last_line(e)
    return "%s | %s" % (repr(r), repr(subject))


def emit(out, op, subject, args=(), kwargs=None):
    # The subject is encoded before the op mutates it.
    line_subject = enc(subject)
    line_args = enc_args(args, kwargs)
    subject = dec(line_subject)
    args = [dec(enc(a)) for a in args]
    kwargs = {k: dec(enc(v)) for k, v in (kwargs or {}).items()}
    expected = run(op, subject, list(args), kwargs or {})
    out.append("%s\t%s\t%s\t%s" % (op, line_subject, line_args, expected))


def small_int(rng):
    return rng.choice([rng.randint(-5, 12), rng.randint(-100, 100)])


def rand_int(rng):
    r = rng.random()
    if r < 0.8:
        return small_int(rng)
    return rng.choice([2**62, -(2**62), 2**63, 2**64 + 3, -(2**70), 2**100, 2**62 - 1])


def rand_str(rng):
    return "".join(rng.choice("abcde") for _ in range(rng.randint(0, 3)))


def rand_atom(rng):
    r = rng.random()
    if r < 0.6:
        return small_int(rng)
    if r < 0.85:
        return rand_str(rng)
    return rng.choice([None, True, False, (1, 2), ()])


def rand_list(rng, n=None, atom=None):
    atom = atom or (lambda: small_int(rng))
    n = rng.randint(0, 10) if n is None else n
    return [atom() for _ in range(n)]


def rand_slice(rng):
    def bound():
        return rng.choice([None, small_int(rng) % 12 - 6, rng.randint(-15, 15), 2**70, -(2**70)])
    step = rng.choice([None, None, 1, -1, 2, -2, 3, -3, 0, 2**70])
    return slice(bound(), bound(), step)


STR_ALPHABET = "aAbB  \t\nxyz,.ß\u03a3\u03c2\u0130\u00b2\u0660_-1209\u2028\r\U0001f600"


def rand_text(rng, n=None):
    n = rng.randint(0, 12) if n is None else n
    return "".join(rng.choice(STR_ALPHABET) for _ in range(n))


def gen_list(rng, out):
    methods = ["append", "extend", "insert", "pop", "remove", "index", "count", "reverse",
               "sort", "copy", "clear"]
    for _ in range(2500):
        lst = rand_list(rng)
        r = rng.random()
        if r < 0.35:
            m = rng.choice(methods)
            if m == "append":
                emit(out, "call:append", lst, [rand_atom(rng)])
            elif m == "extend":
                emit(out, "call:extend", lst, [rng.choice([rand_list(rng), tuple(rand_list(rng)),
                                                          range(rng.randint(0, 5)), "abc", 5])])
            elif m == "insert":
                emit(out, "call:insert", lst, [rng.randint(-15, 15), rand_atom(rng)])
            elif m == "pop":
                emit(out, "call:pop", lst, rng.choice([[], [rng.randint(-12, 12)], ["x"]]))
            elif m in ("remove", "count"):
                emit(out, "call:" + m, lst, [small_int(rng)])
            elif m == "index":
                args = [small_int(rng)] + [rng.randint(-12, 12) for _ in range(rng.randint(0, 2))]
                emit(out, "call:index", lst, args)
            elif m == "sort":
                kwargs = {}
                if rng.random() < 0.5:
                    kwargs["reverse"] = rng.choice([True, False, 0, 1])
                if rng.random() < 0.4:
                    kwargs["key"] = rng.choice([operator.neg, str, None])
                if rng.random() < 0.1:
                    lst = lst + [rand_str(rng)]
                if rng.random() < 0.2:
                    lst = [rng.randint(0, 3) * 1 for _ in lst]  # many equal keys: stability
                    kwargs["key"] = operator.neg
                emit(out, "call:sort", lst, [], kwargs)
            else:
                emit(out, "call:" + m, lst)
        elif r < 0.5:
            emit(out, "getitem", lst, [rng.choice([rng.randint(-12, 12), rand_slice(rng), "a",
                                                   2**70])])
        elif r < 0.65:
            key = rng.choice([rng.randint(-12, 12), rand_slice(rng), rand_slice(rng)])
            val = rng.choice([small_int(rng), rand_list(rng, rng.randint(0, 4)), 7,
                              tuple(rand_list(rng, rng.randint(0, 4)))])
            emit(out, "setitem", lst, [key, val])
        elif r < 0.72:
            emit(out, "delitem", lst, [rng.choice([rng.randint(-12, 12), rand_slice(rng)])])
        elif r < 0.8:
            op = rng.choice(["+", "*"])
            arg = rand_list(rng) if op == "+" else rng.choice([rng.randint(-2, 3), "x"])
            if op == "+" and rng.random() < 0.2:
                arg = (1,)
            emit(out, "bin:" + op, lst, [arg])
            if op == "*":
                emit(out, "rbin:*", lst, [arg])
        elif r < 0.86:
            op = rng.choice(["+", "*"])
            arg = rng.choice([rand_list(rng), (1, 2), "ab"]) if op == "+" else rng.randint(-1, 3)
            emit(out, "ibin:" + op, lst, [arg])
        elif r < 0.95:
            other = rng.choice([list(lst), rand_list(rng), lst[:-1], lst + [1], "x"])
            emit(out, "cmp:" + rng.choice(list(CMPOPS)), lst, [other])
        else:
            emit(out, rng.choice(["contains", "len", "list", "rlist", "repr"]), lst,
                 [small_int(rng)])
    # Homogeneous lists take the comparison fast paths.
    for _ in range(300):
        kind = rng.choice(["str", "float", "int", "mixed"])
        n = rng.randint(0, 40)
        if kind == "str":
            lst = [rand_text(rng, rng.randint(0, 3)) for _ in range(n)]
        elif kind == "float":
            lst = [rng.choice([0.5, -0.0, 0.0, 1e300, -2.5, float("inf"), rng.random()]) for _ in range(n)]
        elif kind == "int":
            lst = [rng.choice([rng.randint(-50, 50), 2**70 + rng.randint(0, 3), -(2**65)]) for _ in range(n)]
        else:
            lst = [rng.choice([1, 1.5, True, 2**64]) for _ in range(n)]
        kwargs = {"reverse": True} if rng.random() < 0.4 else {}
        if rng.random() < 0.3 and kind in ("int", "float", "mixed"):
            kwargs["key"] = operator.neg
        emit(out, "call:sort", lst, [], kwargs)
    # Constructors and nesting.
    emit(out, "new:list", None, [])
    emit(out, "new:list", None, ["abc"])
    emit(out, "new:list", None, [5])
    emit(out, "new:list", None, [1, 2])
    emit(out, "repr", [[1, [2, []]], (3,), "x", None, True], [])


def gen_range(rng, out):
    bounds = [0, 1, -1, 5, -5, 10, 17, 2**62, 2**63, -(2**63), 2**64, 2**100, -(2**100)]
    for _ in range(1500):
        a, b = rng.choice(bounds + [small_int(rng)]), rng.choice(bounds + [small_int(rng)])
        c = rng.choice([1, 1, 2, 3, -1, -2, -3, 7, 2**62, -(2**70)])
        rg = range(a, b, c)
        r = rng.random()
        if r < 0.2:
            emit(out, "getitem", rg, [rng.choice([rng.randint(-20, 20), 2**63, -(2**64),
                                                  rand_slice(rng), "a"])])
        elif r < 0.4:
            x = rng.choice([small_int(rng), a, b, a + c, 2**62, 2**64, "a", True])
            if isinstance(x, str) and not (0 <= rg.stop - rg.start <= 200 and rg.step > 0):
                x = 3  # a non-int is searched linearly: only in short ranges
            emit(out, rng.choice(["contains", "call:count", "call:index"]), rg, [x])
        elif r < 0.5:
            # hash(range) of length 0 or 1 hashes None, whose hash is its address in 3.11.
            ops = ["len", "repr"] + (["hash"] if rg.step > 0 and (b - a) // c >= 2 else [])
            emit(out, rng.choice(ops), rg)
        elif r < 0.6:
            other = rng.choice([range(a, b, c), range(a, b), range(0), rg[::-1], range(a, a + 1)])
            emit(out, rng.choice(["cmp:==", "cmp:!=", "cmp:<"]), rg, [other])
        elif range(a, b, c).__len__ is not None and (b - a) // c <= 60:
            emit(out, rng.choice(["list", "rlist"]), rg)
        else:
            emit(out, "new:range", None, [a, b, c])
    for args in ([], [1, 2, 3, 4], [1, 2, 0], ["a"], [True], [5], [2, 9], [9, 2, -3]):
        emit(out, "new:range", None, args)
    emit(out, "call:count", range(10), ["a"])
    emit(out, "call:index", range(10), ["a"])


def gen_iterators(rng, out):
    for _ in range(400):
        a = rand_list(rng)
        b = rand_list(rng)
        r = rng.random()
        if r < 0.2:
            args = [a] + ([rng.choice([0, 5, -3, 2**63 - 1, 2**70, "x"])] if rng.random() < 0.5 else [])
            emit(out, "listnew:enumerate", None, args)
        elif r < 0.45:
            kwargs = {"strict": True} if rng.random() < 0.5 else {}
            n = rng.randint(0, 4)
            its = [rand_list(rng, rng.randint(0, 3)) for _ in range(n)]
            emit(out, "listnew:zip", None, its, kwargs)
        elif r < 0.6:
            emit(out, "listnew:map", None, [rng.choice([operator.neg, str])] + [a][: rng.randint(0, 1)])
        elif r < 0.75:
            emit(out, "listnew:filter", None, [rng.choice([None, bool, operator.neg]), a])
        else:
            emit(out, "listnew:reversed", None, [rng.choice([a, tuple(a), "abc", range(5), 5, {1: 2}])])
    for args in ([], [[1], 2, 3], [1]):
        emit(out, "new:enumerate", None, args)
    emit(out, "new:enumerate", None, [[]], {"x": 1})
    emit(out, "listnew:enumerate", None, [], {"iterable": "ab", "start": 3})
    emit(out, "new:zip", None, [1])
    emit(out, "new:zip", None, [], {"x": 1})
    for args in ([], [operator.neg], [operator.neg, 1]):
        emit(out, "new:map", None, args)
    for args in ([None], [None, 1]):
        emit(out, "new:filter", None, args)
    for args in ([], [1, 2], [1]):
        emit(out, "new:reversed", None, args)


def rand_set_items(rng):
    return [rng.choice([rng.randint(-4, 30), rand_str(rng), 2**64, (1, 2)])
            for _ in range(rng.randint(0, 14))]


def gen_sets(rng, out):
    for _ in range(2500):
        kind = rng.choice([set, set, frozenset])
        s = kind(rand_set_items(rng))
        other_items = rand_set_items(rng) + list(s)[: rng.randint(0, len(s))]
        other = rng.choice([set, frozenset, list, tuple, dict.fromkeys])(other_items)
        r = rng.random()
        if r < 0.4:
            names = ["union", "intersection", "difference", "symmetric_difference",
                     "issubset", "issuperset", "isdisjoint", "copy"]
            if kind is set:
                names += ["update", "intersection_update", "difference_update",
                          "symmetric_difference_update", "add", "discard", "remove", "pop",
                          "clear"]
            m = rng.choice(names)
            if m in ("add", "discard", "remove"):
                emit(out, "call:" + m, s, [rng.choice([rng.randint(-4, 30), rand_str(rng), [],
                                                       set(), frozenset()])])
            elif m in ("pop", "clear", "copy"):
                emit(out, "call:" + m, s)
            elif m in ("union", "intersection", "difference", "update",
                       "intersection_update", "difference_update"):
                n = rng.randint(0, 3)
                args = [other] + [set(rand_set_items(rng)) for _ in range(n - 1)] if n else []
                emit(out, "call:" + m, s, args)
            else:
                emit(out, "call:" + m, s, [rng.choice([other, 5])])
        elif r < 0.65:
            op = rng.choice(["&", "|", "-", "^"])
            o2 = rng.choice([set(other_items), frozenset(other_items), other])
            emit(out, rng.choice(["bin:", "ibin:"]) + op, s, [o2])
        elif r < 0.8:
            o2 = rng.choice([set(s), frozenset(s), set(other_items), set(list(s)[1:]), 5])
            emit(out, "cmp:" + rng.choice(list(CMPOPS)), s, [o2])
        elif r < 0.9:
            emit(out, "contains", s, [rng.choice([rng.randint(-4, 30), rand_str(rng), [],
                                                  set(list(s)[:1]), frozenset()])])
        else:
            emit(out, rng.choice(["repr", "len", "list", "hash"]), s)
    for args in ([], [[1, 2]], [1, 2], [5]):
        emit(out, "new:set", None, args)
        emit(out, "new:frozenset", None, args)
    emit(out, "new:set", None, [], {"x": 1})
    emit(out, "repr", {frozenset({1, 2}), frozenset()}, [])
    # frozenset hashes over many shapes (int hashes do not depend on PYTHONHASHSEED).
    for _ in range(300):
        emit(out, "hash", frozenset(rng.randint(-50, 50) for _ in range(rng.randint(0, 40))))


def gen_views(rng, out):
    for _ in range(1200):
        d = {rng.choice([rng.randint(0, 9), rand_str(rng)]): rng.randint(0, 3)
             for _ in range(rng.randint(0, 8))}
        d2 = {rng.choice([rng.randint(0, 9), rand_str(rng)]): rng.randint(0, 3)
              for _ in range(rng.randint(0, 8))}
        view = rng.choice([d.keys, d.values, d.items])()
        r = rng.random()
        if r < 0.3:
            emit(out, rng.choice(["repr", "len", "list", "rlist"]), view)
        elif r < 0.45:
            x = rng.choice([rng.randint(0, 9), rand_str(rng), (rng.randint(0, 9), rng.randint(0, 3)),
                            [1, 2]])
            emit(out, "contains", view, [x])
        elif type(view).__name__ != "dict_values":
            other = rng.choice([set(d2), set(d2.items()), d2.keys(), d2.items(), list(d2),
                                list(d2.items()), set(view), 5])
            if r < 0.75:
                emit(out, rng.choice(["bin:", "rbin:"]) + rng.choice(["&", "|", "-", "^"]),
                     view, [other])
            elif r < 0.9:
                emit(out, "cmp:" + rng.choice(list(CMPOPS)), view, [other])
            else:
                emit(out, "call:isdisjoint", view, [other])
        else:
            emit(out, "list", view)
    for _ in range(200):
        d = {rng.randint(0, 9): rng.randint(0, 3) for _ in range(rng.randint(0, 6))}
        d2 = {rng.randint(0, 9): rng.randint(0, 3) for _ in range(rng.randint(0, 6))}
        emit(out, rng.choice(["bin:|", "ibin:|"]), d, [rng.choice([d2, [(1, 2)], 5])])
        emit(out, "rlist", d)


STR_ALPHABET = "aAbB  \t\nxyz,.ß\u03a3\u03c2\u0130\u00b2\u0660_-1209\u2028\r\U0001f600"


def rand_text(rng, n=None):
    n = rng.randint(0, 12) if n is None else n
    return "".join(rng.choice(STR_ALPHABET) for _ in range(n))


def gen_str(rng, out):
    no_args = ["lower", "upper", "casefold", "swapcase", "title", "capitalize", "islower",
               "isupper", "istitle", "isspace", "isalpha", "isalnum", "isdecimal", "isdigit",
               "isnumeric", "isprintable", "isascii", "isidentifier"]
    for _ in range(3000):
        s = rand_text(rng)
        sub = rng.choice([rand_text(rng, rng.randint(0, 2)), s[1:3], "a", "", 5])
        idx = lambda: rng.choice([None, rng.randint(-14, 14), 2**70, "x"])
        r = rng.random()
        if r < 0.2:
            m = rng.choice(["find", "rfind", "index", "rindex", "count", "startswith",
                            "endswith"])
            args = [sub] + [idx() for _ in range(rng.choice([0, 0, 1, 2, 3]))]
            if m in ("startswith", "endswith") and rng.random() < 0.3:
                args[0] = tuple(rng.choice(["a", "", s[:2], s[-2:], 1]) for _ in range(2))
            emit(out, "call:" + m, s, args)
        elif r < 0.35:
            m = rng.choice(["split", "rsplit"])
            kwargs = {}
            args = []
            if rng.random() < 0.6:
                args.append(rng.choice([None, " ", "a", "", sub, 1]))
            if rng.random() < 0.5:
                kwargs["maxsplit"] = rng.randint(-1, 3)
            emit(out, "call:" + m, s, args, kwargs)
        elif r < 0.42:
            emit(out, "call:splitlines", s, rng.choice([[], [True], [False]]))
        elif r < 0.5:
            emit(out, "call:" + rng.choice(["partition", "rpartition"]), s, [sub])
        elif r < 0.58:
            args = [sub, rng.choice(["", "XY", "\u03a3", 3])]
            if rng.random() < 0.4:
                args.append(rng.randint(-1, 3))
            emit(out, "call:replace", s, args)
        elif r < 0.66:
            m = rng.choice(["strip", "lstrip", "rstrip"])
            emit(out, "call:" + m, s, rng.choice([[], [None], [" a\t"], ["xyz"], [4]]))
        elif r < 0.74:
            m = rng.choice(["center", "ljust", "rjust", "zfill"])
            args = [rng.randint(-2, 20)]
            if m != "zfill" and rng.random() < 0.5:
                args.append(rng.choice(["*", "\u03a3", "ab", 1]))
            emit(out, "call:" + m, s, args)
        elif r < 0.78:
            emit(out, "call:expandtabs", s, rng.choice([[], [0], [3]]))
        elif r < 0.9:
            emit(out, "call:" + rng.choice(no_args), s)
        elif r < 0.94:
            emit(out, "call:" + rng.choice(["removeprefix", "removesuffix"]), s,
                 [rng.choice([s[:2], s[-2:], "a", 1])])
        else:
            table = {ord(c): rng.choice([None, "QQ", 120, c.upper()]) for c in s[:3]}
            emit(out, "call:translate", s, [table])
    fmt_cases = [
        ("{} {}", [1, "a"], {}), ("{0}{1}{0}", ["x", "y"], {}), ("{a}-{b!r}", [], {"a": 1, "b": "q"}),
        ("{:>8}", ["ab"], {}), ("{0:{1}}", [3, "04"], {}), ("{:{}{}}", [5, ">", 4], {}),
        ("{0[1]}", [[7, 8]], {}), ("{x[a]}", [], {"x": {"a": 3}}), ("{", [], {}), ("}", [], {}),
        ("{0}", [], {}), ("{} {0}", [1], {}), ("{0} {}", [1], {}), ("{x}", [], {}),
        ("{!x}", [1], {}), ("{:d}", ["a"], {}), ("{:,}", [1234567], {}), ("{{}}{}", [1], {}),
        ("{0:{1:{2}}}", [1, 2, 3], {}), ("{0.real}", [5], {}), ("{0!a}", ["\u03a3"], {}),
        ("{:x}", [255], {}), ("{:^9}", ["mid"], {}), ("{0[x]}", [[1]], {}),
    ]
    for t, args, kwargs in fmt_cases:
        emit(out, "call:format", t, args, kwargs)
        emit(out, "call:format_map", t, [kwargs])
    emit(out, "call:maketrans", "", ["abc", "xyz", "q"])
    emit(out, "call:maketrans", "", [{"a": 1, 98: "z"}])
    emit(out, "call:maketrans", "", [{"ab": 1}])
    emit(out, "call:maketrans", "", [1])
    emit(out, "call:maketrans", "", ["ab", "c"])
    emit(out, "call:upper", "a", [1])
    emit(out, "call:count", "a", [])


def gen_complex(rng, out):
    parts = [0.0, -0.0, 1.0, -2.5, 3.0, 1e300, -1e-300, float("inf"), float("-inf"),
             float("nan"), 0.5, 7.0, 1e16, 123.456]
    def rand_c():
        return complex(rng.choice(parts), rng.choice(parts))
    for _ in range(2500):
        z = rand_c()
        r = rng.random()
        if r < 0.45:
            op = rng.choice(["+", "-", "*", "/", "**", "//", "%"])
            other = rng.choice([rand_c(), rng.randint(-3, 3), rng.choice(parts), 2**2000, "x",
                                complex(0, 0), 2, 0.5])
            emit(out, rng.choice(["bin:", "rbin:"]) + op, z, [other])
        elif r < 0.6:
            other = rng.choice([z, rand_c(), complex(z.real, 0), z.real, int(z.real) if
                                z.real == z.real and abs(z.real) < 1e300 else 1, "x"])
            emit(out, "cmp:" + rng.choice(["==", "!=", "<"]), z, [other])
        elif r < 0.75:
            ops = ["repr", "call:conjugate", "call:__abs__",
                                  "call:__neg__", "call:__pos__", "call:__bool__",
                   "call:__getnewargs__"]
            if z == z:  # hash(nan) is the object's address
                ops.append("hash")
            emit(out, rng.choice(ops), z)
        elif r < 0.9:
            spec = rng.choice(["", ">12", "<12", "^14", "*^16", ".2f", ".3e", "g", ".4", "+",
                               "+.2f", " ", "010", "=10", "x", "10.1%", ",.2f", "#g", "E"])
            emit(out, "call:__format__", z, [spec])
        else:
            args = rng.choice([[], [z.real], [z.real, z.imag], [z, z], ["1+2j"], [" -1.5e3J "],
                               ["1__0j"], ["x"], ["1+2j", 1], [1, "2"], [[]], [1, []], [True],
                               [2**2000], ["(1+2j)"], ["nan+infj"], [3, z]])
            emit(out, "new:complex", None, args)
    emit(out, "new:complex", None, [], {"real": 2.0, "imag": 3})
    emit(out, "new:complex", None, [], {"x": 1})
    emit(out, "bin:**", complex(2, 0), [2], {})
    emit(out, "bin:**", complex(0, 0), [-1], {})


def rand_bytes(rng, n=None):
    n = rng.randint(0, 10) if n is None else n
    return bytes(rng.choice(b"ab \t\nAZ09\x00\xff\x80") for _ in range(n))


def gen_bytes(rng, out):
    for _ in range(2500):
        kind = rng.choice([bytes, bytes, bytearray])
        b = kind(rand_bytes(rng))
        sub = rng.choice([rand_bytes(rng, rng.randint(0, 2)), bytes(b[1:3]), b"a", b"", 97,
                          300, "a", bytearray(b"a")])
        idx = lambda: rng.choice([None, rng.randint(-12, 12), "x"])
        r = rng.random()
        if r < 0.15:
            m = rng.choice(["find", "rfind", "index", "rindex", "count", "startswith",
                            "endswith"])
            args = [sub] + [idx() for _ in range(rng.choice([0, 0, 1, 2]))]
            emit(out, "call:" + m, b, args)
        elif r < 0.25:
            kwargs = {}
            args = []
            if rng.random() < 0.6:
                args.append(rng.choice([None, b" ", b"a", b"", "a"]))
            if rng.random() < 0.5:
                kwargs["maxsplit"] = rng.randint(-1, 2)
            emit(out, "call:" + rng.choice(["split", "rsplit"]), b, args, kwargs)
        elif r < 0.32:
            emit(out, "call:" + rng.choice(["strip", "lstrip", "rstrip"]), b,
                 rng.choice([[], [None], [b" a"], ["a"]]))
        elif r < 0.38:
            emit(out, "call:replace", b, [rng.choice([b"a", b"", b" "]), rng.choice([b"XY", b"", "q"])]
                 + ([rng.randint(-1, 2)] if rng.random() < 0.3 else []))
        elif r < 0.45:
            emit(out, "call:decode", b, rng.choice([[], ["latin-1"], ["ascii", "replace"],
                                                   ["utf-8", "ignore"], ["utf8", "surrogateescape"],
                                                   ["nope"], [1]]))
        elif r < 0.5:
            emit(out, "call:" + rng.choice(["upper", "lower", "isdigit", "isalpha", "isalnum",
                                            "isspace", "islower", "isupper", "isascii"]), b)
        elif r < 0.55:
            emit(out, "call:hex", b, rng.choice([[], [":"], ["-", 2], [":", -2], ["ab"]]))
        elif r < 0.6:
            emit(out, "call:join", b, [rng.choice([[b"x", bytearray(b"yz")], [], ["s"], [b"q"] * 3])])
        elif r < 0.68:
            emit(out, "getitem", b, [rng.choice([rng.randint(-12, 12), rand_slice(rng), "x"])])
        elif r < 0.75:
            emit(out, rng.choice(["bin:+", "bin:*", "rbin:*"]), b,
                 [rng.choice([rand_bytes(rng), bytearray(b"z"), "s", 2, -1, 0])])
        elif r < 0.82:
            emit(out, "cmp:" + rng.choice(list(CMPOPS)), b,
                 [rng.choice([bytes(b), bytearray(b), rand_bytes(rng), "x", b + b"a"])])
        elif r < 0.88:
            emit(out, rng.choice(["contains", "len", "list", "repr", "hash"]) if kind is bytes
                 else rng.choice(["contains", "len", "list", "repr"]), b, [sub])
        elif kind is bytearray:
            m = rng.random()
            if m < 0.3:
                emit(out, "setitem", b, [rng.choice([rng.randint(-10, 10), rand_slice(rng)]),
                                         rng.choice([65, 300, rand_bytes(rng, 3), [1, 2], "x"])])
            elif m < 0.45:
                emit(out, "delitem", b, [rng.choice([rng.randint(-10, 10), rand_slice(rng)])])
            elif m < 0.6:
                emit(out, "ibin:" + rng.choice(["+", "*"]), b, [rng.choice([b"xy", 2, 0, "s"])])
            else:
                meth = rng.choice(["append", "extend", "pop", "insert", "remove", "clear",
                                   "copy", "reverse"])
                args = {"append": [rng.choice([65, 256, "a"])],
                        "extend": [rng.choice([b"xy", [1, 2], range(3), "s", 5])],
                        "pop": rng.choice([[], [0], [-1], [20]]),
                        "insert": [rng.randint(-5, 5), rng.choice([66, -1])],
                        "remove": [rng.choice([97, 32, 0, 7])]}.get(meth, [])
                emit(out, "call:" + meth, b, args)
        else:
            emit(out, "new:" + rng.choice(["bytes", "bytearray"]), None,
                 rng.choice([[], [3], [-1], ["abc"], ["abc", "utf-8"], ["\u03a3", "ascii"],
                             ["\u03a3", "ascii", "replace"], ["x", "nope"], [1, "utf8"],
                             [[1, 2, 255]], [[256]], [["a"]], [1.5], [b"xy"], [bytearray(b"q")],
                             [range(4)], [(7, 8)]]))
    for _ in range(500):
        b = rng.choice([bytes, bytearray])(rand_bytes(rng) + rng.choice([b"", b"\r\n", b"\t-1", b"hello World"]))
        m = rng.choice(["center", "ljust", "rjust", "zfill", "expandtabs", "splitlines", "title",
                        "capitalize", "swapcase", "istitle", "removeprefix", "removesuffix",
                        "translate"])
        args = {"center": [rng.randint(-1, 14)] + rng.choice([[], [b"*"], [bytearray(b"-")], ["x"], [b"ab"]]),
                "ljust": [rng.randint(-1, 14)] + rng.choice([[], [b"*"]]),
                "rjust": [rng.randint(-1, 14)] + rng.choice([[], [b"*"]]),
                "zfill": [rng.randint(-1, 14)],
                "expandtabs": rng.choice([[], [0], [3]]),
                "splitlines": rng.choice([[], [True]]),
                "removeprefix": [rng.choice([b"a", bytes(b[:2]), "a"])],
                "removesuffix": [rng.choice([b"a", bytes(b[-2:]), "a"])],
                "translate": rng.choice([[None, b"a "], [bytes(range(256))[::-1]], [b"x"], [None]])}.get(m, [])
        emit(out, "call:" + m, b, args)
    fmts = [b"%s", b"%b", b"%r", b"%a", b"%d", b"%5.2f", b"%x|%o", b"%c", b"%-6s|", b"%%%s",
            b"%(k)s", b"%s %s", b"%", b"%q", b"%05d", b"%.3s", b"%*d"]
    vals = [b"xy", bytearray(b"z"), "s", 5, 2.5, -7, (1, 2), (b"a", b"b"), {b"k": b"v"}, 300,
            (3, 4), [1], None]
    for _ in range(400):
        f = rng.choice(fmts)
        emit(out, "bin:%", rng.choice([bytes, bytearray])(f), [rng.choice(vals)])
    emit(out, "call:maketrans", b"", [b"ab", b"xy"])
    emit(out, "call:maketrans", b"", [b"ab", b"x"])
    emit(out, "call:fromhex", b"", ["61 62ff"])
    emit(out, "call:fromhex", b"", ["zz"])
    emit(out, "call:fromhex", b"", [b"61"])
    emit(out, "call:fromhex", bytearray(), ["0a0b"])
    emit(out, "new:bytes", None, [], {"errors": "x"})
    for s in ["abc", "\u03a3x", "\udc80", "\xe9"]:
        for args in ([], ["latin-1"], ["ascii"], ["ascii", "xmlcharrefreplace"],
                     ["utf-8", "surrogateescape"], ["utf-8", "backslashreplace"], ["x"]):
            emit(out, "call:encode", s, args)


def gen_numbers(rng, out):
    for _ in range(600):
        n = rng.choice([0, 1, -1, 255, 256, -129, 2**63, -(2**63), 2**100, rng.randint(-10**6, 10**6), True])
        kwargs = {}
        args = []
        if rng.random() < 0.8:
            args.append(rng.choice([0, 1, 2, 8, 16, -1]))
        if rng.random() < 0.7:
            if rng.random() < 0.5:
                args.append(rng.choice(["big", "little", "x", 1]))
            else:
                kwargs["byteorder"] = rng.choice(["big", "little"])
        if rng.random() < 0.4:
            kwargs["signed"] = rng.choice([True, False, 0])
        emit(out, "call:to_bytes", n, args, kwargs)
        data = rng.choice([rand_bytes(rng), [1, 2, 255], "s", 5, bytearray(b"\x80\x00")])
        emit(out, "call:from_bytes", 0, [data] + ([rng.choice(["big", "little"])] if rng.random() < 0.6 else []),
             {"signed": True} if rng.random() < 0.4 else {})
    hexes = ["0x1.8p1", "1.8p1", "-0x1p-1074", "0x1p-1075", "0x1.00000000000008p0", "0x1.00000000000018p0",
             "0x1.fffffffffffff8p1023", "0x1p1024", " inf ", "-Infinity", "nan", "0x.8", "0x8.",
             "0x", "x", "0x1p", "0x1p+", "1e5", "0X1P3", "  -0x0p0\n", "\u0660", "0x1.23456789abcdefp-1030"]
    for h in hexes:
        emit(out, "call:fromhex", 0.0, [h])
    emit(out, "call:fromhex", 0.0, [1])


def main():
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
    out = []
    gen_list(rng, out)
    gen_range(rng, out)
    gen_iterators(rng, out)
    gen_sets(rng, out)
    gen_views(rng, out)
    gen_str(rng, out)
    gen_complex(rng, out)
    gen_bytes(rng, out)
    gen_numbers(rng, out)
    sys.stdout.write("\n".join(out) + "\n")


main()

# Sequence patterns: fixed length, star captures, nested, str/bytes not sequences for matching.
def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return "one: %r" % (x,)
        case [x, y]:
            return "two: %r %r" % (x, y)
        case [0, *rest]:
            return "starts with 0, rest %r" % (rest,)
        case [first, *_, last]:
            return "first %r last %r" % (first, last)
for v in ([], [1], (1, 2), [0, 1, 2, 3], [5, 6, 7, 8], range(3), "ab", (9,)):
    print(repr(v), "->", shape(v) if not isinstance(v, str) else shape(v) or "no match")
def nested(v):
    match v:
        case [(a, b), [c, *d]]:
            return ("nested", a, b, c, d)
        case [str() as s, *_]:
            return ("first is str", s)
        case _:
            return "no"
print(nested([(1, 2), [3, 4, 5]]), nested(["s", 1]), nested([1]))
match "abc":
    case [*chars]:
        print("str matched as sequence", chars)
    case str():
        print("str is not a sequence pattern target")
match {"a": 1}:
    case [*_]:
        print("dict matched as sequence")
    case _:
        print("dict is not a sequence")
match [1, 2, 3]:
    case (1, *middle, 3):
        print("tuple pattern matches list; middle", middle)
match iter([1]):
    case [x]:
        print("iterator matched")
    case _:
        print("iterator is not a sequence")

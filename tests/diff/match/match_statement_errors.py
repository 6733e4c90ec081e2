# match statement runtime errors: __match_args__ problems, too many positional patterns, non-class patterns, guards with side effects.
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class NoArgs:
    pass
class BadArgs:
    __match_args__ = ["x"]
class Mixed:
    __match_args__ = ("a", 1)
    a = 1
def try_match(subject, which):
    try:
        match subject:
            case P(1, 2, 3) if which == 0:
                return "three"
            case NoArgs(1) if which == 1:
                return "noargs"
            case BadArgs(1) if which == 2:
                return "badargs"
            case Mixed(1, 2) if which == 3:
                return "mixed"
            case _:
                return "default"
    except TypeError as e:
        return "TypeError " + str(e)
print(try_match(P(1, 2), 0))
print(try_match(NoArgs(), 1))
print(try_match(BadArgs(), 2))
print(try_match(Mixed(), 3))
notaclass = 5
try:
    match 1:
        case notaclass():
            pass
except TypeError as e:
    print("TypeError", e)
class AttrP:
    __match_args__ = ("a", "a")
    a = 1
try:
    match AttrP():
        case AttrP(x, y):
            print(x, y)
except TypeError as e:
    print("TypeError", e)
seen = []
def guard(v):
    seen.append(v)
    return v > 1
for value in [1, 2, 3]:
    match value:
        case n if guard(n):
            print("guarded", n)
        case _:
            print("fell through", value)
print(seen)
match {"k": 1, "extra": 2}:
    case {"k": v, **rest}:
        print(v, rest)
match [1, [2, (3, 4)]]:
    case [a, [b, (c, *d)]]:
        print(a, b, c, d)
match "text":
    case str(s) if len(s) > 3:
        print("long str", s)
match 3.0:
    case 3:
        print("3.0 matches 3")
match True:
    case 1:
        print("True matches 1")
    case True:
        print("never")
match None:
    case None | False:
        print("None pattern")
for obj in [[], (), "", {}, set()]:
    match obj:
        case []:
            print(type(obj).__name__, "empty sequence")
        case {}:
            print(type(obj).__name__, "empty mapping")
        case _:
            print(type(obj).__name__, "other")

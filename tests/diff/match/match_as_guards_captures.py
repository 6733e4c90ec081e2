# as-patterns, guards with side effects, capture binding after failed matches, or-pattern bindings.
def classify(v):
    match v:
        case [int() as a, int() as b] as whole if a < b:
            return "ascending pair %r" % (whole,)
        case [int() | float() as only]:
            return "single number %r" % only
        case (1 | 2) as small:
            return "small %r" % small
        case {"k": [_, *_] as lst}:
            return "k has list %r" % lst
        case str(s) if (n := len(s)) > 3:
            return "long string of %d" % n
        case _:
            return "unmatched"
for v in ([1, 2], [2, 1], [3.5], 2, {"k": [1, 2]}, {"k": []}, "abcdef", "ab"):
    print(repr(v), "->", classify(v))
def guard_log(v):
    print("guard evaluated for", v)
    return v > 1
for v in (1, 2):
    match v:
        case x if guard_log(x):
            print("guarded match", x)
        case _:
            print("fell through")
match (1, 2):
    case (a, 3):
        print("never")
    case (a, b):
        print("second case binds", a, b)
match [1, [2, 3]]:
    case [x, [y, z]] | [x, y, z]:
        print(x, y, z)
command = "go north"
match command.split():
    case ["go", ("north" | "south") as direction]:
        print("going", direction)
match 42:
    case int() as n if n % 2 == 0:
        print("even int", n)

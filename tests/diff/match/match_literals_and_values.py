# match: literal patterns, or-patterns, wildcard, value patterns (dotted names), None/True/False.
class Color:
    RED = "red"
    GREEN = "green"
def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes literal"
        case None:
            return "none"
        case True:
            return "true"
        case Color.RED:
            return "red color"
        case 2j:
            return "imaginary"
        case _:
            return "other " + repr(v)
for v in (0, 2, -1, 1.5, "hello", b"bytes", None, True, False, "red", 2j, 1.0, 99, "x"):
    print(repr(v), "->", describe(v))
match 5:
    case x if x > 10:
        print("big")
    case x:
        print("captured", x)

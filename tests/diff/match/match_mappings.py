# Mapping patterns: key subsets, **rest, value patterns for keys, nested, get() not used for missing keys.
def handle(msg):
    match msg:
        case {"type": "move", "x": x, "y": y}:
            return "move to %r,%r" % (x, y)
        case {"type": "say", "text": str(t)}:
            return "say " + t
        case {"type": "multi", **rest}:
            return "multi with %r" % sorted(rest.items())
        case {"type": t}:
            return "unknown type " + t
        case {}:
            return "empty or no type"
for m in ({"type": "move", "x": 1, "y": 2, "extra": 0}, {"type": "say", "text": "hi"},
          {"type": "say", "text": 5}, {"type": "multi", "a": 1, "b": 2}, {"type": "zz"}, {}, {"other": 1}):
    print(handle(m))
class D(dict):
    def __missing__(self, k):
        return "from missing"
match D(a=1):
    case {"b": v}:
        print("matched via __missing__", v)
    case {"a": v}:
        print("__missing__ not used; a =", v)
match {1: "int key", "s": "str key", None: "none key"}:
    case {1: a, "s": b, None: c}:
        print(a, b, c)
match [1]:
    case {}:
        print("list matched mapping")
    case _:
        print("list is not a mapping")
match {"k": [1, {"z": 2}]}:
    case {"k": [1, {"z": z}]}:
        print("deep", z)

# Class patterns with builtin types (self-matching positional arg), nested data structures, dispatch on shape.
def kind(v):
    match v:
        case bool(b):
            return "bool %r" % b
        case int(0):
            return "int zero"
        case int(n) if n < 0:
            return "negative int %d" % n
        case int():
            return "int"
        case float(f):
            return "float %r" % f
        case str("") :
            return "empty str"
        case str(s):
            return "str of len %d" % len(s)
        case bytes(b) | bytearray(b):
            return "binary %r" % (bytes(b),)
        case list([]):
            return "empty list"
        case list([x, *_]):
            return "list starting %r" % (x,)
        case tuple((a, b)):
            return "pair %r %r" % (a, b)
        case dict({"id": i}):
            return "dict with id %r" % i
        case set() | frozenset():
            return "some set of size %d" % len(v)
        case None:
            return "None"
        case _:
            return "other " + type(v).__name__
for v in (True, 0, -4, 9, 2.5, "", "abc", b"x", bytearray(b"y"), [], [7, 8], (1, 2), (1, 2, 3), {"id": 3},
          {1, 2}, frozenset(), None, 1j):
    print(repr(v), "->", kind(v))
def evaluate(expr):
    match expr:
        case ("num", n):
            return n
        case ("add", left, right):
            return evaluate(left) + evaluate(right)
        case ("mul", left, right):
            return evaluate(left) * evaluate(right)
        case ("neg", inner):
            return -evaluate(inner)
        case _:
            raise ValueError("bad expr %r" % (expr,))
print(evaluate(("add", ("num", 2), ("mul", ("num", 3), ("neg", ("num", 4))))))
try:
    evaluate(("pow", 1, 2))
except ValueError as e:
    print("ValueError", e)

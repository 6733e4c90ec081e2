# Exact ValueError/TypeError messages from failed unpacking in assignments, for-loops and calls.
cases = [
    ("a, b = [1]", {}), ("a, b = [1, 2, 3]", {}), ("a, b = 'abc'", {}), ("a, *b, c = [1]", {}),
    ("a, b = 5", {}), ("a, b = None", {}), ("[a] = []", {}), ("a, b = {1: 2}", {}),
    ("for a, b in [(1, 2, 3)]: pass", {}), ("for a, b in [1]: pass", {}), ("(a, b), c = [1, 2], 3", {}),
    ("a, b = iter([1])", {}), ("*a, b, c, d = range(2)", {}),
]
for src, ns in cases:
    try:
        exec(src, ns)
        print(src, "->", {k: v for k, v in ns.items() if k != "__builtins__"})
    except (ValueError, TypeError) as e:
        print(src, "->", type(e).__name__, e)
def gen(n):
    for i in range(n):
        print("produced", i)
        yield i
try:
    a, b = gen(3)
except ValueError as e:
    print("ValueError", e)

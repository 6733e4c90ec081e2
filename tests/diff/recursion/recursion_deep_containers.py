# RecursionError from C-level recursion: repr/str/== of deeply nested lists, dicts and tuples, and deep __eq__ chains.
import sys
def nested_list(depth):
    x = []
    for _ in range(depth):
        x = [x]
    return x
deep = nested_list(100000)
for op in [repr, str]:
    try:
        op(deep)
    except RecursionError as e:
        print(op.__name__, "RecursionError", e)
try:
    deep == nested_list(100000)
except RecursionError as e:
    print("eq RecursionError", e)
d = {}
cur = d
for _ in range(50000):
    cur["k"] = {}
    cur = cur["k"]
try:
    repr(d)
except RecursionError as e:
    print("dict RecursionError", e)
t = ()
for _ in range(50000):
    t = (t,)
try:
    hash(t)
    print("hash ok")
except RecursionError as e:
    print("tuple hash RecursionError", e)
class Chain:
    def __init__(self, nxt):
        self.nxt = nxt
    def __eq__(self, other):
        return self.nxt == other
c = None
for _ in range(5000):
    c = Chain(c)
try:
    c == 1
except RecursionError as e:
    print("chain RecursionError", type(e).__name__)
shallow = nested_list(50)
print(len(repr(shallow)), shallow == nested_list(50))
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("python RecursionError", e)
print(sys.getrecursionlimit())
a = []
a.append(a)
print(repr(a), str([a, a]))
dd = {}
dd[1] = dd
print(repr(dd))

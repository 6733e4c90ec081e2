# Deep C-level recursion: repr/eq/str of deeply nested containers and __repr__ cycles raise RecursionError.
deep = []
cur = deep
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    repr(deep)
except RecursionError as e:
    print("repr RecursionError:", e)
a = []
b = []
ca, cb = a, b
for _ in range(100000):
    ca.append([])
    cb.append([])
    ca, cb = ca[0], cb[0]
try:
    print(a == b)
except RecursionError as e:
    print("eq RecursionError:", e)
d = {}
cd = d
for _ in range(100000):
    cd["k"] = {}
    cd = cd["k"]
try:
    str(d)
except RecursionError as e:
    print("dict str RecursionError:", e)
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("self repr RecursionError:", e)
l = [1]
l.append(l)
print(repr(l), str({"self": None}))
dd = {}
dd["me"] = dd
print(dd)
t = [1, [2]]
t[1].append(t)
print(t)
class G:
    def __getattr__(self, n):
        return getattr(self, n + "x")
try:
    G().a
except RecursionError:
    print("getattr recursion RecursionError")
print("survived")

# "list modified during sort" and key functions raising; list contents after failure.
a = [3, 1, 2]
def bad_key(x):
    a.append(x)
    return x
try:
    a.sort(key=bad_key)
except ValueError as e:
    print("ValueError", e)
print(len(a) >= 3)
b = [5, 4, 3]
def clear_key(x):
    b.clear()
    return x
try:
    b.sort(key=clear_key)
except ValueError as e:
    print("ValueError", e)
c = [3, 2, 1]
def raising_key(x):
    if x == 2:
        raise KeyError("boom")
    return x
try:
    c.sort(key=raising_key)
except KeyError as e:
    print("KeyError", e)
print(c)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        if self.v == 99 or o.v == 99:
            raise RuntimeError("cannot compare 99")
        return self.v < o.v
    def __repr__(self):
        return "Cmp(%d)" % self.v
d = [Cmp(3), Cmp(1), Cmp(99), Cmp(2)]
try:
    d.sort()
except RuntimeError as e:
    print("RuntimeError", e)
print(sorted(x.v for x in d))
e = [Cmp(3), Cmp(1), Cmp(2)]
e.sort()
print(e)
f = [1, 2, 3]
print(sorted(f, key=lambda v: f.append(0) or v) if False else "skip")
g = [2, 1]
def watch(x):
    print("key", x, "list seen as", g)
    return x
g.sort(key=watch)
print(g)

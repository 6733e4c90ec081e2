# __slots__: no __dict__, AttributeError messages, inheritance with and without slots, defaults clash.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, hasattr(p, "__dict__"), P.__slots__, type(P.__dict__["x"]).__name__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    p.y
except AttributeError as e:
    print("AttributeError", e)
p.y = 2
del p.y
try:
    del p.y
except AttributeError as e:
    print("AttributeError", e)
class Q(P):
    pass
q = Q(5)
q.z = 9
print(q.x, q.z, hasattr(q, "__dict__"))
class R(P):
    __slots__ = ("w",)
r = R(1)
r.w = 2
try:
    r.v = 3
except AttributeError as e:
    print("AttributeError", e)
print(r.x, r.w)
try:
    class Clash:
        __slots__ = ("a",)
        a = 5
except ValueError as e:
    print("ValueError", e)
class D:
    __slots__ = ("__dict__", "s")
d = D()
d.s = 1
d.other = 2
print(d.s, d.other)
class One:
    __slots__ = "single"
o = One()
o.single = "ok"
print(o.single, One.__slots__)
class B1:
    __slots__ = ("a",)
class B2:
    __slots__ = ("b",)
try:
    class Both(B1, B2):
        pass
except TypeError as e:
    print("TypeError", e)

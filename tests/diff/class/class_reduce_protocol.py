# The pickle protocol methods without pickle: object.__reduce_ex__ for protocols 0-2 (copyreg), __getstate__ with dicts and slots, errors.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
class WithNewArgs:
    def __new__(cls, v):
        obj = super().__new__(cls)
        obj.v = v
        return obj
    def __getnewargs__(self):
        return (self.v,)
class Custom:
    def __reduce__(self):
        return (Custom, (), {"state": 1})
p = Point(1, 2)
for proto in (0, 1, 2, 3, 4, 5):
    r = p.__reduce_ex__(proto)
    print(proto, r[0].__name__, r[1] if proto >= 2 else (r[1][0].__name__, r[1][1].__name__, r[1][2]), r[2] if len(r) > 2 else None)
print(p.__getstate__(), Slotted().__getstate__(), object().__getstate__() if False else "skip")
r = Slotted().__reduce_ex__(2)
print(r[0].__name__, r[1][0].__name__, r[2])
r = WithNewArgs(7).__reduce_ex__(2)
print(r[0].__name__, r[1][0].__name__, r[1][1:], r[2])
print(Custom().__reduce_ex__(2)[0].__name__, Custom().__reduce_ex__(2)[2])
for obj in [1, "s", [1], {"k": 1}, (1,), 1.5]:
    try:
        r = obj.__reduce_ex__(2)
        print(type(obj).__name__, r[0].__name__, r[1][0].__name__ if r[1] else r[1])
    except TypeError as e:
        print(type(obj).__name__, "TypeError", e)
for obj in [1, Point(0, 0)]:
    try:
        r = obj.__reduce__()
        print(type(obj).__name__, r[0].__name__, r[1][0].__name__, r[1][1].__name__, r[2] if len(r) > 2 else None)
    except TypeError as e:
        print(type(obj).__name__, "TypeError", e)
class NoState:
    __slots__ = ()
print(NoState().__getstate__(), NoState().__reduce_ex__(2)[2])
import copyreg
print(copyreg.__newobj__.__name__, sorted(k for k in vars(copyreg) if not k.startswith("_"))[:4])

# Subclassing int: arithmetic returns plain int, overrides, bool-like behaviour, repr.
class MyInt(int):
    def __repr__(self):
        return "MyInt(%d)" % int(self)
    def double(self):
        return MyInt(self * 2)
m = MyInt(21)
print(m, repr(m), m + 1, type(m + 1).__name__, m.double(), type(m.double()).__name__, m == 21, hash(m) == hash(21))
print(isinstance(m, int), m.bit_length(), -m, type(-m).__name__, abs(MyInt(-3)), [0, 1, 2][MyInt(1)])
class Mod7(int):
    def __new__(cls, v):
        return super().__new__(cls, v % 7)
    def __add__(self, o):
        return Mod7(int(self) + int(o))
    __radd__ = __add__
print(Mod7(10), Mod7(10) + 5, 5 + Mod7(3), type(5 + Mod7(3)).__name__, sum([Mod7(3), Mod7(4), Mod7(5)]))
class Flag(int):
    pass
f = Flag(0)
print(bool(f), f or "falsy", int(f), str(Flag(5)), f"{Flag(5):03d}")
class WithAttr(int):
    pass
w = WithAttr(1)
w.note = "ints subclasses have __dict__"
print(w.note, vars(w))
print(int(MyInt(5)).__class__.__name__, MyInt("12", 8) if False else MyInt("12"), MyInt(3.9))
print(sorted([MyInt(3), 1, MyInt(2)]), max(MyInt(1), 0), MyInt(7) // 2, MyInt(7) % 4, divmod(MyInt(7), 2))
print(MyInt(5) < 6, MyInt(5) == MyInt(5), MyInt(5) << 1, MyInt(6) & 3, MyInt(2) ** 10)
print(int.__add__(MyInt(1), 2), MyInt.__mro__[1].__name__, issubclass(MyInt, int))

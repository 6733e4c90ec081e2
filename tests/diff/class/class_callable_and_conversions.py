# __call__, __bool__, __index__, __int__, __float__, __complex__, __round__, __trunc__ etc.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, times=1):
        return (x + self.n) * times
a = Adder(3)
print(a(1), a(1, times=2), callable(a), callable(Adder), list(map(a, [1, 2])))
class Idx:
    def __index__(self):
        return 3
i = Idx()
print([0, 1, 2, 3, 4][i], "abcdef"[i:], bin(i), hex(i), oct(i), range(10)[i], int(i) if hasattr(int, "__index__") else 0)
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1 + 2j
    def __round__(self, n=None):
        return "rounded %r" % n
    def __trunc__(self):
        return 9
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
import math
n = Num()
print(int(n), float(n), complex(n), round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n))
try:
    [1, 2][Num()]
except TypeError as e:
    print("TypeError", e)
class BadInt:
    def __int__(self):
        return "x"
try:
    int(BadInt())
except TypeError as e:
    print("TypeError", e)
class BadIndex:
    def __index__(self):
        return 1.0
try:
    [1][BadIndex()]
except TypeError as e:
    print("TypeError", e)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError", e)
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
print(bool(B(True)), not B(False), [x.v for x in filter(None, [B(True), B(False)])])
class IntSub(int):
    pass
print(int(IntSub(5)).__class__.__name__, float(IntSub(5)))
class Mul:
    def __init__(self, k):
        self.k = k
    def __call__(self, v):
        return v * self.k
print(sorted([3, -1, 2], key=Mul(-1)), Mul(2)(Mul(3)(1)), type(Mul(1).__call__).__name__)

# Arithmetic dunders, reflected operands, in-place operators, unary ops, NotImplemented fallbacks.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return V(self.x * k, self.y * k)
        return NotImplemented
    __rmul__ = __mul__
    def __neg__(self):
        return V(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __pow__(self, k, mod=None):
        return V(pow(self.x, k, mod), pow(self.y, k, mod))
    def __invert__(self):
        return V(self.y, self.x)
a, b = V(1, 2), V(3, 4)
print(a + b, b - a, a * 3, 3 * a, -a, +a, abs(b), a @ b, b / 2, b // 2, b % 2, a ** 2, pow(b, 2, 5), ~a)
try:
    a + 1
except TypeError as e:
    print("TypeError", e)
try:
    "s" * a
except TypeError as e:
    print("TypeError", e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        print("iadd")
        self.items.append(o)
        return self
    def __add__(self, o):
        print("add")
        return "plain add"
c = Acc()
c += 1
c += 2
print(c.items)
class OnlyAdd:
    def __add__(self, o):
        return "used __add__ for +="
d = OnlyAdd()
d += 1
print(d)
class R:
    def __radd__(self, o):
        return "radd with " + repr(o)
    def __rsub__(self, o):
        return "rsub with " + repr(o)
    def __rpow__(self, o):
        return "rpow with " + repr(o)
print(1 + R(), [1] + R(), 5 - R(), 2 ** R(), sum([R()], 0) if False else 0 + R())
class Bits:
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __lshift__(self, o): return "lshift"
    def __rshift__(self, o): return "rshift"
    def __rand__(self, o): return "rand"
print(Bits() & 1, Bits() | 1, Bits() ^ 1, Bits() << 1, Bits() >> 1, 1 & Bits())
try:
    1 | Bits()
except TypeError as e:
    print("TypeError", e)

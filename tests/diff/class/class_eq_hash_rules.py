# __eq__ without __hash__ makes a class unhashable; inherited hash; default identity equality.
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, hash(a) == hash(a), {a: 1}[a])
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, EqOnly) and self.v == o.v
print(EqOnly.__hash__, EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2))
try:
    hash(EqOnly(1))
except TypeError as e:
    print("TypeError", e)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError", e)
class EqHash(EqOnly):
    def __hash__(self):
        return hash(self.v)
print(len({EqHash(1), EqHash(1), EqHash(2)}), EqHash(3) in {EqHash(3)})
class InheritsEq(EqOnly):
    pass
print(InheritsEq.__hash__)
class KeepHash:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
print(type(hash(KeepHash())).__name__, KeepHash() == 5)
class HashOnly:
    def __hash__(self):
        return 1
print(HashOnly() == HashOnly(), hash(HashOnly()))
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError", e)
class NeOnly:
    def __eq__(self, o):
        return "eq result"
print(NeOnly() != 1, NeOnly() == 1)
class Inv:
    def __eq__(self, o):
        return NotImplemented
x = Inv()
print(x == x, x == Inv(), x != x)

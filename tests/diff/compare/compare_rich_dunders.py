# __eq__/__lt__ reflection, NotImplemented fallbacks, and identity default for ==.
class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("A.__eq__")
        return NotImplemented
    def __lt__(self, o):
        print("A.__lt__")
        return NotImplemented
class B:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        print("B.__gt__")
        return True
    def __eq__(self, o):
        print("B.__eq__")
        return True
a, b = A(1), B(2)
print(a < b)
print(a == b)
print(a == a)
print(a != A(1))
try:
    print(a < A(2))
except TypeError as e:
    print("TypeError", e)
class Sub(B):
    def __eq__(self, o):
        print("Sub.__eq__")
        return "sub"
print(B(1) == Sub(1))
print(Sub(1) == B(1))
class N:
    def __ne__(self, o):
        return "ne called"
print(N() != 1, N() == N())
class E:
    def __eq__(self, o):
        return True
print(E() != E(), E() == 5, 5 == E())

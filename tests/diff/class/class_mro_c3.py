# C3 linearization on diamonds and deeper hierarchies; the inconsistent-MRO TypeError.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([k.__name__ for k in Z.__mro__])
print([k.__name__ for k in Z.mro()])
class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass
try:
    class R(P, Q): pass
except TypeError as e:
    print("TypeError", e)
try:
    class S(X, X): pass
except TypeError as e:
    print("TypeError", e)
try:
    class T(O, A): pass
except TypeError as e:
    print("TypeError", e)
class Top:
    def f(self):
        return ["Top"]
class L(Top):
    def f(self):
        return ["L"] + super().f()
class Rr(Top):
    def f(self):
        return ["R"] + super().f()
class Bottom(L, Rr):
    def f(self):
        return ["Bottom"] + super().f()
print(Bottom().f(), [k.__name__ for k in Bottom.__mro__])
class Mixin:
    pass
class Final(A, Mixin, B):
    pass
print([k.__name__ for k in Final.__mro__])
print(type.mro(Final) == list(Final.__mro__), object.__mro__ == (object,))

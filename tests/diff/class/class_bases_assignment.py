# __bases__ assignment: MRO recomputed for the class and its subclasses, CPython's checks and messages.
class A:
    def f(self):
        return "A.f"
class B:
    def f(self):
        return "B.f"
    def g(self):
        return "B.g"
class C(A):
    pass
class D(C):
    pass
d = D()
print(d.f(), [k.__name__ for k in D.__mro__])
C.__bases__ = (B,)
print(d.f(), d.g(), [k.__name__ for k in D.__mro__], C.__base__.__name__)
C.__bases__ = (A, B)
print(d.f(), d.g(), [k.__name__ for k in C.__mro__])
print(issubclass(D, B), issubclass(C, A), isinstance(d, B))
for bad in [[A], (), (1,), (D,), (C,), (int,)]:
    try:
        C.__bases__ = bad
    except TypeError as e:
        print("TypeError", e)
print([k.__name__ for k in C.__mro__])
try:
    int.__bases__ = (object,)
except TypeError as e:
    print("TypeError", e)
try:
    del C.__bases__
except TypeError as e:
    print("TypeError", e)
class X: pass
class Y(X): pass
try:
    class W(X, Y):
        pass
except TypeError as e:
    print("TypeError", e)
class P: pass
class Q(P): pass
try:
    P.__bases__ = (Q,)
except TypeError as e:
    print("TypeError", e)
class M: 
    def __len__(self):
        return 7
class Root: pass
class N(Root): pass
n = N()
try:
    len(n)
except TypeError as e:
    print("TypeError", e)
N.__bases__ = (M,)
print(len(n))
N.__bases__ = (Root,)
try:
    len(n)
except TypeError as e:
    print("TypeError", e)
class L(list): pass
try:
    N.__bases__ = (L,)
except TypeError as e:
    print("TypeError", e)
try:
    N.__bases__ = (object,)
except TypeError as e:
    print("TypeError", e)
class S1:
    __slots__ = ("a",)
class S2:
    __slots__ = ("a", "b")
class S3(S1): pass
try:
    S3.__bases__ = (S2,)
except TypeError as e:
    print("TypeError", e)
print([k.__name__ for k in S3.__mro__])
class S1:
    __slots__ = ("a",)
class S4:
    __slots__ = ("z",)
class S5:
    __slots__ = ("a",)
class S3(S1): pass
for target in [S4, S5]:
    try:
        S3.__bases__ = (target,)
        print("ok", [k.__name__ for k in S3.__mro__])
    except TypeError as e:
        print("TypeError", e)
x = S1()
for cls in [S4, S5]:
    try:
        x.__class__ = cls
        print("class ok", type(x).__name__)
    except TypeError as e:
        print("TypeError", e)
class P: pass
class Q: pass
class R:
    __slots__ = ("__dict__",)
p = P()
p.__class__ = Q
print(type(p).__name__)
for cls in [R]:
    try:
        p.__class__ = cls
        print("class ok", type(p).__name__)
    except TypeError as e:
        print("TypeError", e)

# Metaclasses: __new__/__init__/__call__/__prepare__, metaclass conflicts, type() three-arg form.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args):
        print("call", cls.__name__, args)
        return super().__call__(*args)
class A(metaclass=Meta, flag=True):
    x = 1
    def __init__(self, v=0):
        self.v = v
a = A(5)
print(a.v, A.injected, type(A).__name__, isinstance(A, Meta))
class B(A):
    pass
print(type(B).__name__)
Dyn = type("Dyn", (A,), {"y": 2, "hello": lambda self: "hi"})
print(Dyn.__name__, Dyn.y, Dyn().hello(), Dyn.__mro__[1].__name__)
class M1(type):
    pass
class M2(type):
    pass
class X(metaclass=M1):
    pass
class Y(metaclass=M2):
    pass
try:
    class Z(X, Y):
        pass
except TypeError as e:
    print("TypeError", e)
print(type(type).__name__, type(int).__name__, type(5) is int)
try:
    type("N", (), {}, 1)
except TypeError as e:
    print("TypeError", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError", e)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Singleton):
    pass
print(S() is S())
class Attr(type):
    def describe(cls):
        return "class " + cls.__name__
class U(metaclass=Attr):
    pass
print(U.describe(), hasattr(U(), "describe"))

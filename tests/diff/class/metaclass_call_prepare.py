# Metaclass hooks: __prepare__ namespaces, __call__ overriding instantiation, __instancecheck__/__subclasscheck__, type() with three args.
log = []
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(("prepare", name, kw))
        return {"injected": 42}
    def __new__(mcls, name, bases, ns, **kw):
        log.append(("new", name, sorted(k for k in ns if not k.startswith("__"))))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        log.append(("init", name))
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        log.append(("call", cls.__name__, args))
        inst = super().__call__(*args, **kwargs)
        inst.created_by_meta = True
        return inst
class Thing(metaclass=OrderedMeta, option=1):
    b = 2
    a = 1
    def __init__(self, v):
        self.v = v
t = Thing(5)
print(log, t.v, t.created_by_meta, Thing.injected)
class Liar(type):
    def __instancecheck__(cls, obj):
        return obj == "anything"
    def __subclasscheck__(cls, sub):
        return sub is int
class Anything(metaclass=Liar):
    pass
print(isinstance("anything", Anything), isinstance(3, Anything), issubclass(int, Anything), issubclass(str, Anything), isinstance("anything", (int, Anything)))
Dyn = type("Dyn", (object,), {"x": 1, "m": lambda self: self.x + 1, "__repr__": lambda self: "<Dyn>"})
print(Dyn().m(), repr(Dyn()), Dyn.__name__, Dyn.__qualname__, Dyn.__module__, type(Dyn).__name__)
Sub = type("Sub", (Dyn,), {})
print(Sub().m(), Sub.__mro__[1] is Dyn, Sub.__bases__)
for args in [("N",), ("N", (), {}, 1), (1, (), {}), ("N", [], {}), ("N", (), []), ("N", (1,), {})]:
    try:
        print(type(*args))
    except TypeError as e:
        print("TypeError", e)
class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
try:
    class X(metaclass=BadPrepare):
        pass
except TypeError as e:
    print("TypeError", e)
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    class Both(A1, A2):
        pass
except TypeError as e:
    print("TypeError", e)
def factory(name, bases, ns):
    return {"name": name, "keys": sorted(k for k in ns if not k.startswith("__"))}
class NotAClass(metaclass=factory):
    z = 1
print(NotAClass)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class One(metaclass=Singleton):
    pass
print(One() is One(), type(One).__name__, One.__class__.__class__.__name__)

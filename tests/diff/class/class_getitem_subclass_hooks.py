# __class_getitem__, __init_subclass__ with keywords, __set_name__ order and errors, __mro_entries__.
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int], Box["x"], Box[1, 2])
print(list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__)
print(list[int].__origin__, list[int].__args__, list[int]() == [])
try:
    int[str]
except TypeError as e:
    print("TypeError", e)
class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class A(Plugin, name="alpha"):
    pass
class B(Plugin):
    pass
print(Plugin.registry, A.plugin_name)
try:
    class C(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class D(object, extra=1):
        pass
except TypeError as e:
    print("TypeError", e)
order = []
class Named:
    def __init__(self, tag):
        self.tag = tag
    def __set_name__(self, owner, name):
        order.append((owner.__name__, name, self.tag))
class Host:
    first = Named(1)
    second = Named(2)
    third = Named(3)
print(order)
class Broken:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)
try:
    class H2:
        attr = Broken()
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
class Fake:
    def __mro_entries__(self, bases):
        return (dict,)
class FromFake(Fake()):
    pass
print(FromFake.__mro__[1].__name__, FromFake.__orig_bases__[0].__class__.__name__)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.kw = kw
class M(metaclass=Meta, flag=True):
    pass
print(M.made_by, M.kw)
class Sub(M):
    pass
print(type(Sub).__name__, Sub.kw)

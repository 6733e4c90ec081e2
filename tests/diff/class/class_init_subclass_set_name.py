# __init_subclass__ with keyword arguments, and __set_name__ on descriptors.
class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        print("init_subclass", cls.__name__, name, kwargs)
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class A(Plugin):
    pass
class B(Plugin, name="bee"):
    pass
class C(B):
    pass
print(Plugin.registry, C.plugin_name)
try:
    class Bad(Plugin, name="x", unknown=1):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class Bad2(unknown=1):
        pass
except TypeError as e:
    print("TypeError", e)
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return "field " + self.name
class Model:
    first = Field()
    second = Field()
print(Model().first, Model.second.name)
f = Field()
class Late:
    pass
Late.attr = f
print(hasattr(f, "name"))
f.__set_name__(Late, "manual")
print(Late().attr)
class Erring:
    def __set_name__(self, owner, name):
        raise ValueError("refuse " + name)
try:
    class M2:
        bad = Erring()
except (ValueError, RuntimeError) as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)

# __getattr__ as fallback, __getattribute__ for all lookups, __setattr__/__delattr__, dir().
class Fallback:
    x = 1
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:]
        raise AttributeError("no attribute " + repr(name))
f = Fallback()
print(f.x, f.dyn_hello, getattr(f, "dyn_x"), hasattr(f, "nope"), getattr(f, "nope", "default"))
try:
    f.nope
except AttributeError as e:
    print("AttributeError", e)
class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        object.__setattr__(self, name, value.upper() if isinstance(value, str) else value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
l = Logged()
l.a = "hello"
print(l.a)
del l.a
print(l.log)
class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom from getattribute")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "getattr rescued " + name
print(Both().boom, Both().other)
class Ro:
    def __setattr__(self, n, v):
        raise AttributeError("read-only: " + n)
try:
    Ro().x = 1
except AttributeError as e:
    print("AttributeError", e)
class D:
    def __init__(self):
        self.b = 1
        self.a = 2
    def method(self):
        pass
print([n for n in dir(D()) if not n.startswith("__")])
class CustomDir:
    def __dir__(self):
        return ["z", "a", "m"]
print(dir(CustomDir()))
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    getattr(f, 5)
except TypeError as e:
    print("TypeError", e)
class Err:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    hasattr(Err(), "q")
except KeyError as e:
    print("KeyError", e)

# sys.modules caching: injecting modules, deleting entries forces re-execution, module objects by type().
import sys
Mod = type(sys)
fake = Mod("fake_mod", "a fake module")
fake.x = "from fake"
sys.modules["fake_mod"] = fake
import fake_mod
print(fake_mod.x, fake_mod.__doc__, fake_mod is fake)
import _helper_mod
first = _helper_mod
del sys.modules["_helper_mod"]
import _helper_mod
print(first is _helper_mod, first.VALUE == _helper_mod.VALUE)
print(type(sys).__name__, sys.__name__, "sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
main = sys.modules["__main__"]
print(main.__name__, hasattr(main, "Mod"))
m = Mod("m")
print(m.__name__, m.__doc__, sorted(k for k in vars(m)))
m.attr = 1
print(m.attr, repr(m).startswith("<module 'm'"))
try:
    m.missing
except AttributeError as e:
    print("AttributeError", e)
def getattr_hook(name):
    return "module __getattr__ for " + name
m.__getattr__ = getattr_hook
print(m.anything)

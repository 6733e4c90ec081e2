# from module import *: skips underscore names unless __all__ says otherwise.
from _helper_mod import *
print(VALUE, greet("star"), Thing())
try:
    _private
except NameError as e:
    print("NameError", e)
import sys
mod = type(sys)("virtual_mod")
mod.a = 1
mod._b = 2
mod.__all__ = ["a", "_b"]
sys.modules["virtual_mod"] = mod
from virtual_mod import *
print(a, _b)
from virtual_mod import a as aa
print(aa, type(mod).__name__, mod.__name__)
mod2 = type(sys)("virtual_bad")
mod2.__all__ = ["missing"]
sys.modules["virtual_bad"] = mod2
try:
    exec("from virtual_bad import *", {})
except AttributeError as e:
    print("AttributeError", e)
print(sorted(k for k in globals() if not k.startswith("__")))
print(VALUE * 2, greet.__module__, Thing.__module__)
print(bump(), bump())

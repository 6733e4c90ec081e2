# import of a sibling module (from the script's directory on sys.path): attributes, executed once, aliases.
import _helper_mod
import _helper_mod as h
from _helper_mod import greet, VALUE as V
print(_helper_mod.VALUE, h is _helper_mod, greet("x"), V, _helper_mod.Thing())
print(_helper_mod.__name__, type(_helper_mod).__name__, _helper_mod.__file__.endswith("_helper_mod.py"))
print(h.bump(), h.bump(), _helper_mod.counter)
import _helper_mod
print(_helper_mod.counter, "module not re-executed")
import sys
print("_helper_mod" in sys.modules, sys.modules["_helper_mod"] is h)
print(sorted(n for n in dir(h) if not n.startswith("__")))
print(__name__, "__file__" in globals())
if __name__ == "__main__":
    print("running as main")

# Import failures: missing modules, missing names, failing module bodies are not cached.
try:
    import no_such_module_abc
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)
try:
    from _helper_mod import does_not_exist
except ImportError as e:
    print("ImportError", e.msg if hasattr(e, "msg") else e, e.name)
try:
    import _pkg.nope
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)
import sys
for attempt in range(2):
    try:
        import _raises_on_import
    except ValueError as e:
        print("ValueError", e, "_raises_on_import" in sys.modules)
try:
    __import__("")
except ValueError as e:
    print("ValueError", e)
m = __import__("_helper_mod")
print(m.VALUE, __import__("_pkg._sub").__name__, __import__("_pkg._sub", fromlist=["x"]).__name__)
print(issubclass(ModuleNotFoundError, ImportError))
sys.modules["_fake_none"] = None
try:
    import _fake_none
except ImportError as e:
    print("ImportError", e)

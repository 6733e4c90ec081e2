# Packages: __init__ runs first, relative imports (., .., ...) inside the package, submodule attributes.
import _pkg
print(_pkg.PKG_CONST, _pkg.sub_func())
print(_pkg.sub_alias is _pkg._sub, _pkg.__package__, _pkg._sub.__package__, _pkg.__name__)
import _pkg._inner._deep as deep
print(deep.deep_value(), deep.__name__, deep.__package__)
from _pkg import _inner
print(_inner.__name__, hasattr(_inner, "_deep"))
from _pkg._sub import SUB_CONST
print(SUB_CONST)
import sys
print(sorted(k for k in sys.modules if k.startswith("_pkg") or k == "_helper_mod"))
print(_pkg.__path__[0].endswith("_pkg"), _pkg.__file__.endswith("__init__.py"), hasattr(deep, "__path__"))
try:
    from . import _helper_mod
except ImportError as e:
    print("ImportError", e)

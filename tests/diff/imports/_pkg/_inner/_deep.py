print("executing _pkg._inner._deep, __package__ =", __package__)
from .. import _sub
try:
    from ... import _helper_mod
except ImportError as e:
    print("ImportError", e)
from .._sub import SUB_CONST as VALUE
def deep_value():
    return "deep value %d and _sub.SUB_CONST %d" % (VALUE, _sub.SUB_CONST)

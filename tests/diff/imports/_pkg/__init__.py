# Support package for the import tests.
print("executing _pkg/__init__, __name__ =", __name__, "__package__ =", __package__)
from ._sub import sub_func
from . import _sub as sub_alias
PKG_CONST = "pkg const"

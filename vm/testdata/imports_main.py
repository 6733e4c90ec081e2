# Imports: a package with relative imports, from-import, sys.modules, errors.
import sys
import vmpkg
from vmpkg import sub
from vmpkg.sub import VALUE, helper
print(vmpkg.NAME, sub.VALUE, VALUE, helper(), "vmpkg.sub" in sys.modules)
try:
    import vmpkg.missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from vmpkg import nothing
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
import math
print(math.sqrt(16.0), __name__)
try:
    from ... import anything
except ImportError as e:
    print("ImportError:", e)

# dir() of the builtin types: the public method and attribute names each type has, as CPython 3.11 (type, code, generator and ExceptionGroup are in diff_next).
import sys
for t in [object, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset, range, slice, memoryview,
          BaseException, Exception, OSError, StopIteration, SyntaxError, property, classmethod, staticmethod, super,
          type(None), type(NotImplemented), type(...), type(len), type(lambda: 0), type(iter([])), type({}.keys()),
          type({}.values()), type({}.items()), type(sys), enumerate, zip, map, filter, reversed]:
    names = [n for n in dir(t) if not n.startswith("_")]
    dunders = [n for n in dir(t) if n.startswith("__")]
    print(t.__name__, names)
    print("  ", len(dunders), dunders)

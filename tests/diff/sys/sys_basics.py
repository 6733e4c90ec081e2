# sys basics with deterministic values: argv, version_info, maxsize, limits, path[0], byteorder.
import sys
print(len(sys.argv), sys.argv[0], type(sys.argv).__name__)
print(sys.version_info[:2], sys.version_info >= (3, 11), sys.version_info.major, sys.version_info.minor)
print(sys.version.startswith("3.11"), type(sys.hexversion).__name__, sys.hexversion >> 16 == 0x30B)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.maxunicode)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit in (15, 30) or "other", sys.hash_info.width, sys.hash_info.algorithm in ("siphash13", "siphash24", "fnv"))
print(sys.getrecursionlimit(), sys.getdefaultencoding(), sys.stdout.encoding.lower().replace("-", ""))
print(type(sys.path).__name__, sys.path[0].endswith("sys"), type(sys.modules).__name__)
print(sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1), sys.flags.hash_randomization)
print(hasattr(sys, "implementation"), type(sys.implementation.name).__name__)
print(sys.exc_info(), sys.exception() if hasattr(sys, "exception") else None)
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, repr(sys.exception()) if hasattr(sys, "exception") else "")
print(sys.exc_info()[0])
print(sys.intern("abc") == "abc", sys.getsizeof(0) > 0, type(sys.getrefcount(object())).__name__)
print(sys.stdin is not None, sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)

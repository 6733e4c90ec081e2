# sys attributes: flags, hash_info, float_info, int_info, maxsize, getsizeof, intern, exc_info/exception, _getframe.
import sys
f = sys.flags
print(type(f).__name__, f.optimize, f.dont_write_bytecode in (0, 1), f.ignore_environment, f.verbose, f.debug, f.inspect, f.interactive)
print(f.bytes_warning, f.quiet, f.hash_randomization, f.isolated, f.dev_mode, f.utf8_mode in (0, 1), f.int_max_str_digits)
print(len(f), f[0] == f.debug, repr(f).startswith("sys.flags(debug="))
h = sys.hash_info
print(h.width, h.modulus, h.inf, h.nan, h.imag, h.algorithm, h.hash_bits, h.seed_bits, h.cutoff)
fi = sys.float_info
print(fi.max, fi.min, fi.epsilon, fi.dig, fi.mant_dig, fi.max_exp, fi.min_exp, fi.max_10_exp, fi.min_10_exp, fi.radix, fi.rounds)
print(sys.float_repr_style, sys.maxsize == 2 ** 63 - 1, sys.maxunicode, sys.byteorder)
ii = sys.int_info
print(type(ii).__name__, ii.default_max_str_digits, ii.str_digits_check_threshold)
for obj in [0, 1.5, "abc", [], {}, (), b"", None]:
    size = sys.getsizeof(obj)
    print(type(obj).__name__, type(size).__name__, size > 0)
print(sys.getsizeof(1, 2), sys.getsizeof([1, 2, 3]) > sys.getsizeof([]) - 1)
class Sized:
    def __sizeof__(self):
        return 1000
print(sys.getsizeof(Sized()) >= 1000)
class BadSized:
    def __sizeof__(self):
        return -1
try:
    sys.getsizeof(BadSized())
except ValueError as e:
    print("ValueError", e)
a = "".join(["inter", "ned_string"])
b = "".join(["inter", "ned_string"])
print(a == b, sys.intern(a) is sys.intern(b))
try:
    sys.intern(1)
except TypeError as e:
    print("TypeError", e)
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, sys.exception() is v)
    try:
        raise ValueError("inner")
    except ValueError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exc_info(), sys.exception())
def who():
    fr = sys._getframe()
    return fr.f_code.co_name, fr.f_back.f_code.co_name, sys._getframe(1).f_code.co_name, type(fr.f_lineno).__name__
def caller():
    return who()
print(caller())
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError", e)
print(sys._getframe().f_globals is globals(), sys._getframe().f_code.co_filename.endswith("sys_attributes.py"))
print(sys.implementation.name in ("cpython", "pyrt"), sys.version_info[:2], sys.version_info.major, type(sys.version).__name__)
print(sys.getrecursionlimit(), sys.getdefaultencoding(), sys.getfilesystemencoding(), type(sys.argv).__name__, len(sys.argv))
print(type(sys.path).__name__, "sys" in sys.modules, type(sys.modules).__name__, sys.stdout.encoding if hasattr(sys.stdout, "encoding") else "")
print(callable(sys.getrefcount), type(sys.getrefcount(object())).__name__, sys.builtin_module_names.__class__.__name__)

# printf-style % formatting edge cases: mapping keys, * width/precision, %c, %r/%a, error messages.
print("%s %r %a" % ("é", "é", "é"), "%5s|%-5s|%.2s" % ("abc", "ab", "xyz"), "%c%c" % (65, "B"), "%%")
print("%(a)s-%(b)05.1f" % {"a": "x", "b": 2.25}, "%(x)s %(x)r" % {"x": [1]}, "%*d|%-*d|%.*f" % (5, 42, 4, 7, 2, 3.14159))
print("%x %X %o %#x %#o %e %E %g %G" % (255, 255, 8, 255, 8, 12345.678, 0.00012, 1e20, 1e-20))
print("%d %i %u" % (3.9, -2.5, True), "%s" % (None,), "%s" % [1, 2], "%s" % ((1, 2),), "%.3d|%+d|% d|%05d" % (7, 5, 5, -42))
print("%-10.3f|%10.3e|%#.0f|%#.3g" % (3.14159, 31415.9, 2.0, 1.0), "%s and %s" % ("a", "b"), "%.0s|" % "hidden")
cases = [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%(a)s", ("a",)), ("%(a)s", {}), ("%c", 1114112), ("%c", "ab"), ("%y", 1), ("%", ()),
         ("%*d", ("a", 1)), ("%x", 1.5), ("%d", None), ("%c", -1), ("%.*f", (None, 1.0)), ("%(a", {"a": 1}), ("%s %(a)s", {"a": 1}), ("%(a)s %s", {"a": 1}),
         ("%i", "3"), ("%o", 3.0), ("%r", ()), ("%s", ()), ("%c", 3.0)]
for fmt, args in cases:
    try:
        print(repr(fmt), repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__, e)
print(b"%s|%b|%r|%a|%c|%x" % (b"by", bytearray(b"ba"), b"r", "é", 120, 255))
for fmt, args in [(b"%s", "str"), (b"%c", 256), (b"%d", b"1"), (b"%b", 1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
class Idx:
    def __index__(self):
        return 10
class Num:
    def __int__(self):
        return 3
    def __float__(self):
        return 2.5
print("%x %o %d" % (Idx(), Idx(), Idx()), "%f" % Num(), "%c" % Idx())
try:
    print("%d" % Num())
except TypeError as e:
    print("TypeError", e)

# printf-style % formatting for str and its errors.
print("%s %d %i %f %r" % ("a", 42, -3, 1.5, "b"))
print("%5s|%-5s|%05d|%+d|% d|%.3f|%10.2f|%-10.2f|" % ("x", "y", 42, 5, 5, 3.14159, 2.5, 2.5))
print("%x %X %#x %o %#o %e %E %g %G %c %c %%" % (255, 255, 255, 8, 8, 1234.5, 1234.5, 0.00001, 1e20, 65, "z"))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30}, "%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),))
print("%*d|%-*d|%.*f" % (5, 42, 5, 42, 2, 3.14159), "%a" % "é", "%.2s" % "abcdef")
print("%d" % 3.99, "%s" % 3.99, "%x" % -255, "%d" % True, "%i" % 10 ** 20)
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", (1,)),
                  ("%c", 1114112), ("%c", "ab"), ("%x", 1.5), ("%", ()), ("%(a", {"a": 1})]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
print("no args %%" % ())
print("%s" % None, "%r" % None, "%5.1s|" % "abc")

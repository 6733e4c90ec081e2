# format() spec errors and odd specs: messages for int/float/str/complex, custom __format__, f-string conversions.
cases = [(1, "q"), (1, ".2s"), (1.5, "d"), ("s", "d"), ("s", "+"), ("s", "="), (1, ",s"), (1, "_,"), (1, ",_"), (1.5, "c"), (1, "c"),
         (-1, "c"), (0x110000, "c"), (1j, "="), (1j, "010"), (1, "z"), (1.0, "z.2f"), (-0.0, "z.1f"), ("x", "z"), (1, "#c"), (1.5, "#x"),
         (10, ".3"), (10, "=+8"), (3.14159, "=+10.2f"), ("abc", "^9.2"), ("abc", "<<5"), (12345, "_b"), (255, "#_x"), (1e100, ",.0f"),
         (None, ""), (None, "s"), ([1], ""), ([1], "10"), (True, "d"), (True, ""), (True, "10"), (2 ** 100, ","), (-5, "08,"), (5, "+08_d")]
for v, spec in cases:
    try:
        print(repr(v), repr(spec), repr(format(v, spec)))
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(v), repr(spec), type(e).__name__, e)
class F:
    def __format__(self, spec):
        return "F<" + spec + ">"
print(f"{F():abc}", f"{F()!r:>5}"[:5], format(F()), "{:xyz}".format(F()), f"{F()!s:}" != "")
for bad in ['f"{1!x}"', 'f"{1:{2:{3:{4}}}}"', '"{0:{1}}".format(1)', '"{!}".format(1)', '"{a.}".format(a=1)', '"{0[}".format([1])', '"{".format()', '"}".format()', '"{0}{}".format(1, 2)', '"{}{0}".format(1, 2)']:
    try:
        print(bad, eval(bad))
    except (ValueError, SyntaxError, IndexError, KeyError, TypeError) as e:
        print(bad, type(e).__name__, e)
w, p = 10, 3
print(f"{3.14159:{w}.{p}f}|{'x':{'>'}{w}}|{42:{'#'}x}|{'nested'!r:^{w + 4}}")
print("{0:{1}.{2}f}".format(2.5, 8, 2), "{:{}}".format("a", 4) + "|", "{x[0]}{y.real}".format(x=[7], y=3))

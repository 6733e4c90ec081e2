# f-strings: expressions, conversions, format specs, nesting, = debugging, braces.
x, y = 3, "hi"
name = "world"
print(f"{x} {y} {x + 1} {y.upper()} {x * 2:>5} {y!r} {name!a}")
print(f"{x=} {y=!r} {x + 1 = } {3.14159=:.2f}")
w, p = 10, 2
print(f"{2.71828:{w}.{p}f}|{'c':^{w}}|{x:0{w}d}")
print(f"{{}} {{{x}}} {'{'} {'}'}")
d = {"k": [1, 2, 3]}
print(f"{d['k'][1]} {d['k'][-1]:03} {len(d)} {'yes' if x > 2 else 'no'}")
print(f"{'nested ' + f'{x}'}", f"{x:{'>'}{5}}", f"{[i * i for i in range(4)]}")
print(f"{1_000_000:,} {255:#x} {0.25:%} {12:b} {'s':<3}|")
print(f"""multi
{x}line""", rf"\n{x}", fr"{y}\t")
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "str-P"
print(f"{P()} {P():abc} {P()!r} {P()!s} {P()!r:>8}")
try:
    print(f"{x:q}")
except ValueError as e:
    print("ValueError", e)
try:
    print(f"{y:d}")
except ValueError as e:
    print("ValueError", e)
print(f"{x!r:>4}|{None}|{True:d}|{-0.0}")

# f-strings: the = specifier with spaces, conversions and format specs, nested quotes and fields, escapes and braces.
x, name, items = 3.14159, "pyrt", [1, 2]
print(f"{x=}", f"{x = }", f"{x=:.2f}", f"{name=!r}", f"{name=!s}", f"{items=}", f"{x*2=}", f"{len(items) = }")
print(f"{'nested'}", f"{'a' + 'b'!r}", f'{"dq"}', f"{{literal}}", f"{{{x}}}", f"{x!a:>10}", f"{name!r:^12}|")
width, prec = 12, 3
print(f"{x:{width}.{prec}f}|", f"{x:>{width}}|", f"{name:{'*'}^{width}}", f"{12345:_}", f"{255:#x} {255:08b}")
print(f"{'é'!a}", f"{b'bytes'}", f"{None}", f"{[1, {'k': 2}]}", f"{(lambda: 5)()}", f"{ {'a': 1}['a'] }")
print(f"line1\nline2", f"tab\there", rf"raw\n{x:.1f}", f"{x:.0%}", f"{-0.0:+}", f"{1e10:g}", f"{3:03}")
class Fmt:
    def __format__(self, spec):
        return f"<{spec}>"
    def __repr__(self):
        return "Fmt()"
print(f"{Fmt()}", f"{Fmt():abc}", f"{Fmt()!r}", f"{Fmt()=}", f"{Fmt()=:spec}")
for bad in ['f"{x!z}"', 'f"{}"', 'f"{x:{{}}}"', "f'{'", "f'}'", 'f"{x!}"', 'f"{#}"']:
    try:
        print(eval(bad))
    except SyntaxError as e:
        print("SyntaxError", e.msg)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(f"{'{'}", f"{'}'}", f"{3}{4}", f"{x}" f"{name}" "plain", f"{'%d' % 5}", f"{x if x > 1 else 0}")

# TypeError messages for binary/unary operators between builtin types, including in-place forms.
values = [1, 1.5, "s", b"b", [1], (1,), {1: 1}, {1}, None, 1j]
ops = ["+", "-", "*", "/", "//", "%", "**", "<<", "&", "@"]
for op in ops:
    for a in values[:6]:
        for b in (None, "s", {1}):
            try:
                eval("a %s b" % op, {"a": a, "b": b})
            except TypeError as e:
                print(op, type(a).__name__, type(b).__name__, "->", e)
            except Exception as e:
                print(op, type(a).__name__, type(b).__name__, "->", type(e).__name__, e)
            else:
                print(op, type(a).__name__, type(b).__name__, "-> ok")
for op in ("+=", "-=", "*=", "|=", "@="):
    x = [1]
    try:
        exec("x %s 1.5" % op, {"x": x})
    except TypeError as e:
        print(op, "->", e)
for u in ("-", "+", "~"):
    for v in ("s", [1], None, 1.5):
        try:
            eval(u + "v", {"v": v})
            print(u, type(v).__name__, "-> ok")
        except TypeError as e:
            print(u, type(v).__name__, "->", e)

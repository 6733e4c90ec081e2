# repr() of builtin values round-trips through eval for literals.
vals = [0, -7, 2 ** 80, 1.5, -0.0, 1e-10, 1e22, "quote's", 'dq"s', "both'\"", "\\", "\x00\x7f\x80", "\u20ac",
        b"bytes\x00\xff'", [1, [2]], (1,), (), {"a": (1, 2)}, {1, 2} if False else {1}, frozenset(), True, None,
        3 + 0j, -1.5j, range(1, 5, 2), Ellipsis, [None, ...]]
for v in vals:
    r = repr(v)
    back = eval(r)
    print(r, back == v, type(back) is type(v))
print(repr(float("inf")), repr(float("nan")), repr(-float("inf")), repr(complex(float("inf"), 1)))
print(repr(set()), repr(frozenset({1})), repr(bytearray(b"x")), repr(memoryview(b"")).startswith("<memory"))

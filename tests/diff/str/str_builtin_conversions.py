# str()/repr() of builtin values, int/float round trips, str of containers of strings.
vals = [1, -1.5, 1e100, 2 ** 100, True, None, "s", "it's", 'say "hi"', [1, "a"], (1,), (), {"k": "v"},
        {1}, set(), frozenset(), b"b\x00", bytearray(b"ba"), 3 + 4j, -1j, 0j, 1e-7, range(3), slice(1, 2)]
for v in vals:
    print(str(v), "|", repr(v))
print(str(object)[:14], repr(int), repr(str), repr(type(None)))
print(str(123) + str(4.5), int(str(2 ** 80)) == 2 ** 80, float(repr(0.1)) == 0.1)
print(repr([[]]), repr([{}]), repr({(): ()}), repr([..., None]))

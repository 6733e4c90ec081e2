# Bad arguments to builtins: the exact TypeError/ValueError messages.
cases = [
    lambda: len(5), lambda: abs("x"), lambda: round("x"), lambda: chr(-1), lambda: chr(0x110000), lambda: chr("a"),
    lambda: ord("ab"), lambda: ord(""), lambda: ord(1), lambda: int("x", 1), lambda: int("10", 37), lambda: int(1, 2),
    lambda: divmod(1, 0), lambda: divmod("a", 1), lambda: pow(0, -1), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5),
    lambda: sum(["a", "b"], ""), lambda: sum([[1]], 0), lambda: min(), lambda: max([]), lambda: min(1), lambda: max(1, 2, key=1),
    lambda: max([], default=1, key=None), lambda: sorted(1), lambda: iter(1), lambda: next(1), lambda: next(iter([]), ), lambda: hex(1.0),
    lambda: bin("1"), lambda: oct(None), lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, (int, 1)),
    lambda: getattr(1), lambda: getattr(1, 2), lambda: setattr(1, "x", 2), lambda: delattr(1, "real"), lambda: hasattr(1, 2),
    lambda: callable(), lambda: format(1, 2), lambda: format(1, "q"), lambda: format("s", "d"), lambda: vars(1),
    lambda: dir(1, 2), lambda: zip(1), lambda: map(len), lambda: filter(1, 2, 3), lambda: enumerate(1), lambda: reversed(1),
    lambda: range(1.0), lambda: range(0, 10, 0), lambda: slice(), lambda: list(1), lambda: tuple(1, 2), lambda: dict(1),
    lambda: dict([1]), lambda: dict([(1, 2, 3)]), lambda: set(1), lambda: frozenset([[]]), lambda: {[]: 1}, lambda: hash([]),
    lambda: bytes("x"), lambda: bytes(-1), lambda: bytearray([256]), lambda: str(b"x", 1), lambda: float("x"), lambda: float([]),
    lambda: complex("x"), lambda: complex(1, "x"), lambda: bool(1, 2), lambda: repr(), lambda: ascii(1, 2), lambda: id(),
    lambda: print(sep=1), lambda: print(end=2), lambda: open(1.5), lambda: input(1, 2), lambda: compile("x", "f", "bad"),
    lambda: eval(1), lambda: exec(1), lambda: round(1.5, "x"), lambda: all(1), lambda: any(None), lambda: object(1),
    lambda: type(1, 2), lambda: type("A", (1,), {}), lambda: super(1), lambda: property(1, 2, 3, 4, 5), lambda: staticmethod(),
]
for i, f in enumerate(cases):
    try:
        r = f()
        print(i, "ok", repr(r)[:40])
    except Exception as e:
        print(i, type(e).__name__, e)

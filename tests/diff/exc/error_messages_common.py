# Exact messages of the errors programs hit most often.
class C:
    pass
five, text, none, aset = 5, "s", None, {1}
samples = [
    lambda: [1, 2][5], lambda: (1,)[-3], lambda: "ab"[9], lambda: {}["missing"], lambda: {1: 2}[(1, 2)],
    lambda: None.attr, lambda: C().attr, lambda: C.attr, lambda: (5).attr, lambda: "s".attr, lambda: [].nope(),
    lambda: five(), lambda: text(), lambda: none(), lambda: C()(),
    lambda: five[0], lambda: none[0], lambda: C()[0], lambda: len[0], lambda: aset[0],
    lambda: iter(5), lambda: iter(None), lambda: list(C()), lambda: [x for x in 1.5],
    lambda: 1 + "a", lambda: "a" + 1, lambda: [] + (), lambda: {} + {}, lambda: None + None, lambda: 1 - "a",
    lambda: "a" * "b", lambda: [1] * 1.0, lambda: -"a", lambda: ~1.5, lambda: +[], lambda: abs("a"),
    lambda: 1 < "a", lambda: [] < {}, lambda: None > 1, lambda: C() < C(),
    lambda: int("x"), lambda: float("x"), lambda: int([]), lambda: [].index(1), lambda: "a".index("b"),
    lambda: [].pop(), lambda: {}.popitem(), lambda: set().pop(), lambda: [1].remove(2), lambda: {1}.remove(2),
    lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 2 ** -1 % 0,
    lambda: hash([]), lambda: hash({}), lambda: {[]: 1}, lambda: {[]},
    lambda: undefined_name, lambda: C.__mro__.nope, lambda: "".join([1]), lambda: ",".join(5),
    lambda: chr(-1), lambda: ord("ab"), lambda: range(1.5), lambda: list(range(5))[1:2:0],
    lambda: next(iter([])), lambda: print(sep=5), lambda: sorted([1, "a"]), lambda: max([]),
    lambda: int("5", 99), lambda: "{}".format(), lambda: "{0}{1}".format(1), lambda: "%d" % "s",
    lambda: dict(a=1)["b"], lambda: getattr(C, "x"), lambda: setattr(1, "x", 2), lambda: object().__dict__,
]
for i, f in enumerate(samples):
    try:
        f()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)

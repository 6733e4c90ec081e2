# list/tuple/dict/range method errors and edge cases: CPython's exact messages.
cases = [
    lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].remove(3), lambda: [1, 2].index(3), lambda: [1, 2, 3, 2].index(2, 2), lambda: [1, 2].index(1, 1, 2),
    lambda: (1, 2).index(3), lambda: (1, 2, 1).count(1), lambda: [1, 2].insert(100, 9), lambda: [3, 1, 2].sort(key=len), lambda: list.append(), lambda: [].extend(1),
    lambda: {}.popitem(), lambda: {}.pop("k"), lambda: {}.pop("k", "default"), lambda: dict.fromkeys([1, 2], []), lambda: dict([(1, 2, 3)]), lambda: dict(["ab", "cde"]),
    lambda: {}.update([1]), lambda: {}.update(1), lambda: {1: 2} | [3], lambda: {1: 2} | {1: 3, 4: 5}, lambda: {}.setdefault([], 1), lambda: {"a": 1}["b"],
    lambda: {}.get(), lambda: {}.get(1, 2, 3), lambda: range(10).index(11), lambda: range(0, 10, 2).index(3), lambda: range(10)[20], lambda: range(10 ** 20)[10 ** 19],
    lambda: len(range(10 ** 20)), lambda: range(1, 10, 3)[::-1], lambda: range(0) == range(5, 5), lambda: range(1, 2, 3).count(1), lambda: reversed(range(3)).__length_hint__(),
    lambda: [1, 2, 3][1:2:0], lambda: [1][int('1')], lambda: (1,)[-2], lambda: "abc"[5], lambda: [1, 2] * -1, lambda: [1] * (2 ** 63), lambda: (1, 2) + [3],
    lambda: [1] + (2,), lambda: [1, 2] < [1, "a"], lambda: list(zip([1, 2], [3], strict=True)), lambda: list(zip([1], [3, 4], strict=True)),
    lambda: list(map(pow, [2, 3], [5, 2], [7])), lambda: list(enumerate("ab", start=-1)), lambda: list(reversed({"a": 1, "b": 2})), lambda: list(reversed({1: 2}.items())),
    lambda: sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]), lambda: [x for x in range(3)].__reversed__().__class__.__name__, lambda: tuple.__new__(list),
    lambda: [0] * 3 == [0, 0, 0], lambda: [[]] * 2, lambda: list(range(5))[::-2], lambda: list(range(10))[-3:-1], lambda: [1, 2, 3].__getitem__(slice(None, None, -1)),
]
for i, f in enumerate(cases):
    try:
        print(i, repr(f()))
    except Exception as e:
        print(i, type(e).__name__, e)
d = {"a": 1}
d |= [("b", 2)]
print(d)
try:
    d |= 5
except TypeError as e:
    print("TypeError", e)
l = [1, 2, 3]
l[1:2] = range(5)
l[::2] = "abcd"
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError", e)
del l[::3]
print(l)
try:
    del l[100]
except IndexError as e:
    print("IndexError", e)
t = (1, [2])
try:
    t[1] += [3]
except TypeError as e:
    print("TypeError", e, t)

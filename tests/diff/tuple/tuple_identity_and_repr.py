# tuple repr for 0/1/n elements, nested reprs, tuple() of iterators, and operations that return new tuples.
print((), (1,), (1, 2), ((),), ((1,),), ("a",), (None, True), (1.5, "s", [1]))
print(repr(tuple()), repr(tuple("ab")), repr(tuple(range(3))), str((1, "x")))
t = (1, 2, 3)
u = t + ()
v = t * 1
print(u == t, v == t, t[:] == t, t[::-1], t[5:], t[-5:2])
print(tuple(iter([1, 2])), tuple({"a": 1}), tuple({1: "x"}.values()), tuple(enumerate("ab")))
print((1,) * 3, 2 * (0, 1), (1, 2) * 0, (1, 2) * -1, len((None,) * 100))
try:
    (1, 2) * 1.5
except TypeError as e:
    print("TypeError", e)
try:
    (1, 2)[5]
except IndexError as e:
    print("IndexError", e)
try:
    tuple(5)
except TypeError as e:
    print("TypeError", e)
try:
    (1,).append(2)
except AttributeError as e:
    print("AttributeError", e)
print(tuple.__name__, type(()).__name__, isinstance((), tuple), (1, 2).__getitem__(0), (1, 2).__len__())
print(hash(()) == hash(tuple()), (1, [2]) == (1, [2]), (1, 2).__contains__(2), (1, 2, 3)[-1:])

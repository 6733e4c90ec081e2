# * and ** unpacking in list/tuple/set/dict displays and calls; unpacking in for and return.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), {*a, *b} == {1, 2, 3, 4}, [*"ab", *range(2)], (*a,))
d1 = {"x": 1}
d2 = {"y": 2, "x": 3}
print({**d1, **d2}, {**d2, **d1}, {**d1, "z": 0, **{}})
print(*a, *b, sep=",")
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
def f():
    return *a, 5
print(f())
print([*(), *[]], {**{}})
try:
    [*5]
except TypeError as e:
    print("TypeError", e)
try:
    {**[1]}
except TypeError as e:
    print("TypeError", e)
try:
    print(*None)
except TypeError as e:
    print("TypeError", e)
nested = [[1, 2], [3]]
print([*nested[0], *nested[1]], max(*a, *b), min(*"zyx"))
t = 1, *a, 9
print(t)
for i, (k, v) in enumerate({"a": 1}.items()):
    print(i, k, v)
print(dict(**d1, w=2), list(zip(*[(1, "a"), (2, "b")])))

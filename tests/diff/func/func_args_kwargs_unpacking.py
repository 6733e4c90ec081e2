# *args/**kwargs collection and call-site unpacking in many combinations.
def show(*args, **kwargs):
    print(args, dict(sorted(kwargs.items())))
show()
show(1, 2, 3)
show(*range(3), *"ab")
show(a=1, **{"b": 2}, **{"c": 3})
show(1, *[2], 3, x=1, *(4,), y=2)
t = (1, 2)
d = {"k": "v"}
show(*t, **d)
def pos(a, b, c):
    return a + b + c
print(pos(*[1, 2], 3), pos("a", *"bc"), pos(**{"c": "c", "a": "a", "b": "b"}))
def kw_only(*, x, y=0):
    return x - y
print(kw_only(x=5), kw_only(y=1, x=5), kw_only(**{"x": 10, "y": 3}))
def collect(first, *rest):
    return first, rest
print(collect(1), collect(1, 2, 3), collect(*range(5)))
args = [1]
kwargs = {}
print(collect(*args, **kwargs))
try:
    show(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError", e)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError", e)
def gen():
    yield 1
    yield 2
print(pos(*gen(), 3), collect(*{3: 1}))

# CPython's exact TypeError messages for bad calls to Python functions.
def f(a, b, c=3):
    pass
def g(a, /, b, *, c):
    pass
def h(*, kw):
    pass
def z():
    pass
def va(a, *args, b, **kw):
    pass
class C:
    def m(self, x):
        pass
calls = [
    lambda: f(), lambda: f(1), lambda: f(1, 2, 3, 4), lambda: f(1, 2, d=5), lambda: f(1, 2, a=1),
    lambda: f(1, b=2, **{"b": 3}), lambda: g(a=1, b=2, c=3), lambda: g(1, 2, 3), lambda: g(1, 2),
    lambda: h(1), lambda: h(), lambda: z(1), lambda: z(x=1), lambda: va(), lambda: va(1),
    lambda: C().m(), lambda: C().m(1, 2), lambda: C.m(), lambda: f(*5), lambda: f(**5),
    lambda: f(**{1: 2}), lambda: f(1, 2, 3, 4, 5), lambda: g(), lambda: h(kw=1, other=2),
    lambda: f(1, 2, c=3, e=4, d=5),
]
for c in calls:
    try:
        c()
        print("no error")
    except TypeError as e:
        print(e)

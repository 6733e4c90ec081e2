# Positional/keyword arguments, defaults evaluated once, mutable default pitfall.
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c=9), f(a=0, b=0, c=0), f(*[1, 2]), f(**{"a": 7, "c": 8}))
def app(x, acc=[]):
    acc.append(x)
    return acc
print(app(1), app(2), app(3, []), app(4))
counter = 0
def default_val():
    global counter
    counter += 1
    return counter
def g(v=default_val()):
    return v
print(g(), g(), counter)
def h(a, b, /, c, *, d, e=5):
    return a, b, c, d, e
print(h(1, 2, 3, d=4), h(1, 2, c=3, d=4, e=6))
print(f.__defaults__, h.__kwdefaults__, f.__name__, f.__code__.co_argcount, h.__code__.co_posonlyargcount, h.__code__.co_kwonlyargcount)
def k(*args, **kwargs):
    return args, sorted(kwargs.items())
print(k(), k(1, 2), k(a=1), k(1, *[2, 3], x=1, **{"y": 2}))
def m(a, *rest, key=None, **opts):
    return a, rest, key, opts
print(m(1, 2, 3, key="k", z=0))
print((lambda *a, **k: (a, k))(1, b=2))
def kwonly_default_order(a, *, b=1, c):
    return a, b, c
print(kwonly_default_order(0, c=2), kwonly_default_order.__kwdefaults__)
print(f(b=20, a=10), f(1, 2, 3) == f(c=3, b=2, a=1))

# **kwargs preserves call order; positional-only names may also appear in **kwargs.
def f(**kw):
    return list(kw)
print(f(b=1, a=2, c=3), f(**{"z": 1, "y": 2}, x=3))
def g(a, /, **kw):
    return a, kw
print(g(1, a=2), g(1, b=3, a=4))
def h(a, b, /, c=3, *, d=4):
    return a, b, c, d
print(h(1, 2), h(1, 2, 5), h(1, 2, c=6, d=7))
try:
    h(1, b=2)
except TypeError as e:
    print("TypeError", e)
def k(*args, sep=" ", **opts):
    return sep.join(map(str, args)) + " " + str(opts)
print(k(1, 2, 3), k(1, sep="-", end="!"), k(sep=","))
def order(*, z, y, x):
    return (x, y, z)
print(order(x=1, y=2, z=3), order(z=3, x=1, y=2))
def defaults(a, b=[], *, c={}):
    b.append(a)
    c[a] = True
    return len(b), len(c)
print(defaults(1), defaults(2), defaults(3, [], c={}))
def all_kinds(p, /, q, *args, r, s=0, **kw):
    return p, q, args, r, s, kw
print(all_kinds(1, 2, 3, 4, r=5, t=6), all_kinds(1, q=2, r=3))
print(all_kinds.__code__.co_posonlyargcount, all_kinds.__code__.co_kwonlyargcount, all_kinds.__code__.co_argcount)

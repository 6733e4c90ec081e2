# Argument binding: defaults, keyword-only, *args/**kwargs, and CPython's exact errors.
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(*[1, 2, 3], **{"c": 1, "z": 2}))

def g(a, /, b, *, c):
    return a + b + c

for call in [lambda: g(), lambda: g(1), lambda: g(1, 2), lambda: g(1, 2, 3),
             lambda: g(a=1, b=2, c=3), lambda: g(1, b=2, c=3, d=4), lambda: g(1, 2, c=3, b=4),
             lambda: f(), lambda: f(1, 2, 3, 4), lambda: (lambda: 0)(1)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)

def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)

print(deep(900))
try:
    deep(10 ** 6)
except RecursionError as e:
    print("RecursionError:", e)

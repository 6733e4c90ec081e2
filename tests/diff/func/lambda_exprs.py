# lambda: defaults, closures over loop variables, immediate calls, in sort keys, conditional bodies.
add = lambda a, b=10: a + b
print(add(1), add(1, 2), (lambda: "called")(), (lambda *a: len(a))(1, 2, 3))
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([f() for f in fs2])
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
sign = lambda x: "neg" if x < 0 else "zero" if x == 0 else "pos"
print([sign(v) for v in (-2, 0, 5)])
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print((lambda x, /, y, *, z: (x, y, z))(1, 2, z=3))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])))
print((lambda **kw: sorted(kw))(b=1, a=2))
Y = lambda f: (lambda x: f(lambda v: x(x)(v)))(lambda x: f(lambda v: x(x)(v)))
print(Y(lambda self: lambda n: 1 if n == 0 else n * self(n - 1))(6))
try:
    (lambda x: x)()
except TypeError as e:
    print("TypeError", e)

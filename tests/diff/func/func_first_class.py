# Functions as values: stored in containers, passed, returned, compared, attributes, partial application by hand.
def square(x):
    return x * x
def cube(x):
    return x ** 3
ops = {"sq": square, "cu": cube, "neg": lambda x: -x, "abs": abs}
print({k: f(-3) for k, f in ops.items()})
def apply_all(fs, v):
    return [f(v) for f in fs]
print(apply_all([square, cube, str, float], 2))
def partial(fn, *bound, **kwbound):
    def call(*args, **kw):
        return fn(*bound, *args, **{**kwbound, **kw})
    return call
pow2 = partial(pow, 2)
print(pow2(10), partial(int, base=2)("1011"), partial(max, key=len)(["aa", "b"], ["ccc"]))
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
print(compose(str, square, abs)(-4), compose()(5))
print(square == square, square != cube, sorted([cube, square], key=lambda f: f.__name__)[0].__name__)
print(list(map(lambda f: f.__name__, [square, cube, len])), callable(square), square.__call__(5))
def counter_factory():
    def counter():
        counter.calls += 1
        return counter.calls
    counter.calls = 0
    return counter
c1, c2 = counter_factory(), counter_factory()
c1(); c1()
print(c1.calls, c2.calls, c1(), c2())
handlers = []
def on(event):
    def deco(fn):
        handlers.append((event, fn.__name__))
        return fn
    return deco
@on("start")
def h1():
    pass
@on("stop")
def h2():
    pass
print(handlers)
print(type(square).__name__, type(len).__name__, type([].append).__name__, type(square.__get__(1)).__name__)

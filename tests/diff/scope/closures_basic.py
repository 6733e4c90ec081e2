# Closures capture variables (cells), not values; counters; shared cells between closures.
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
print(add5(1), make_adder(-1)(1), add5.__closure__[0].cell_contents, add5.__code__.co_freevars)
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = counter()
inc(); inc()
print(get(), inc(), get())
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    i = 100
    return [f() for f in fs]
print(late())
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
def cell_before_assign():
    def f():
        return v
    try:
        f()
    except NameError as e:
        print("NameError", e)
    v = 1
    return f()
print(cell_before_assign())
print(make_adder.__closure__, add5.__code__.co_cellvars, counter.__code__.co_cellvars)
def param_cell(p):
    return lambda: p
print(param_cell("captured param")())
def accumulate():
    items = []
    def add(v):
        items.append(v)
        return items
    return add
acc = accumulate()
acc(1)
print(acc(2), acc.__closure__[0].cell_contents)
def nested_counter():
    n = 0
    def a():
        nonlocal n
        n += 1
        def b():
            nonlocal n
            n *= 10
            return n
        return b()
    return a
nc = nested_counter()
print(nc(), nc(), nc())

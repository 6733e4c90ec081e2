# Closures: late binding, cells shared between closures, __closure__/cell_contents, empty cells, nonlocal in nested scopes.
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc()
print(get(), inc.__closure__[0] is get.__closure__[0], inc.__closure__[0].cell_contents)
print(inc.__code__.co_freevars, counter.__code__.co_cellvars)
def later():
    def read():
        return x
    try:
        read()
    except NameError as e:
        print("NameError", e)
    c = read.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print("ValueError", e)
    x = 5
    print(read(), c.cell_contents)
    del x
    try:
        read()
    except NameError as e:
        print("NameError", e)
later()
def outer():
    a = 1
    def middle():
        def inner():
            nonlocal a
            a += 10
            return a
        return inner
    return middle()
print(outer()(), outer()())
def make():
    v = "first"
    def f():
        return v
    v = "second"
    return f
print(make()())
c = make().__closure__[0]
print(type(c).__name__, repr(c).startswith("<cell at"))
c.cell_contents = "set"
print(c.cell_contents)
del c.cell_contents
try:
    c.cell_contents
except ValueError as e:
    print("ValueError", e)
def gen_closure():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return [add(i) for i in range(5)]
print(gen_closure())
class K:
    y = 1
    def m(self):
        return y if False else "no class scope"
    z = [y for _ in range(2)] if False else None
print(K().m(), K.z)
x = "global"
def shadow():
    x = "local"
    def f():
        global x
        return x
    return f()
print(shadow())
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            def l3():
                return a + b
            return l3
        return l2
    return l1()()()
print(deep())

# Class bodies: names not visible from methods or comprehensions; __qualname__; class-level closures.
x = "module x"
class A:
    x = "class x"
    y = x + "!"
    def m(self):
        return x
    vals = [x for _ in range(1)]
    try:
        bad = [y for _ in range(1)]
    except NameError as e:
        err = str(e)
print(A.y, A().m(), A.vals, A.err)
def f():
    v = "function v"
    class B:
        w = v
        def get(self):
            return v
    return B
B = f()
print(B.w, B().get(), B.__qualname__)
class C:
    class D:
        class E:
            pass
print(C.D.E.__qualname__, C.D.__name__, C.__module__)
class Counter:
    n = 0
    n += 1
    items = []
    for i in range(3):
        items.append(i)
    del i
print(Counter.n, Counter.items, hasattr(Counter, "i"))
def g():
    z = 1
    class K:
        z = 2
        def get(self):
            return z
    return K().get(), K.z
print(g())
class Gen:
    base = 10
    squares = {k: k * k for k in range(3)}
    try:
        shifted = [k + base for k in range(2)]
    except NameError as e:
        print("NameError", e)
    first = [base for _ in range(2)] if False else None
print(Gen.squares, Gen.first)
class Meta:
    __qualname__ = "Custom.Qual"
print(Meta.__qualname__, Meta.__name__)
def h():
    class Local:
        pass
    return Local
print(h().__qualname__, h() is h())
class Shadow:
    len = 5
    size = len
print(Shadow.size, len("ab"))

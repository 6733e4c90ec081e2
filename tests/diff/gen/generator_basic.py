# Generator functions: lazy execution, StopIteration, return value, state after exhaustion.
def count_up(n):
    print("generator started")
    for i in range(n):
        print("yielding", i)
        yield i
    print("generator finishing")
    return "done"
g = count_up(3)
print(type(g).__name__, "created, nothing run yet")
print(next(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def with_return():
    yield 1
    return "ret value"
g2 = with_return()
next(g2)
try:
    next(g2)
except StopIteration as e:
    print("value:", e.value, e.args)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def empty():
    return
    yield
print(list(empty()), list(x for x in ()))
print(sum(i * i for i in range(10)), max(len(w) for w in "a bb ccc".split()))
g3 = (x * 2 for x in range(3))
print(next(g3), list(g3), list(g3))
def gen_in_loop():
    for c in "ab":
        yield c
        yield c.upper()
print("".join(gen_in_loop()))
print(iter(g3) is g3, hasattr(g3, "__next__"), g3.__name__, count_up.__name__)

# Closures, nonlocal, generators (send/throw/close, yield from), and coroutines.
def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc

c = counter()
print(c(), c(5), c.__code__.co_freevars, c.__closure__[0].cell_contents)

def gen():
    try:
        x = yield 1
        print("got", x)
        y = yield x * 2
        print("got", y)
    except ValueError as e:
        print("caught", e)
        yield "after"
    finally:
        print("cleanup")

g = gen()
print(next(g), g.send(10))
print(g.throw(ValueError("boom")))
g.close()

def inner():
    r = yield "a"
    yield "b"
    return r

def outer():
    v = yield from inner()
    print("inner returned", v)
    yield "c"

o = outer()
print(next(o), o.send("sent"), next(o))
print(list(outer()))

async def add(a, b):
    return a + b

async def main():
    return await add(1, 2) + await add(3, 4)

co = main()
try:
    co.send(None)
except StopIteration as e:
    print("coroutine result", e.value)

print(sum(x * x for x in range(10)), [y for y in (z + 1 for z in range(3))])

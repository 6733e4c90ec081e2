# Generators holding try/finally and with-blocks: cleanup on exhaustion, close and break.
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, *a):
        print("close", self.name, a[0].__name__ if a[0] else None)
        return False
def reader(name, n):
    with Res(name):
        for i in range(n):
            yield i
for v in reader("full", 2):
    print("v", v)
for v in reader("partial", 5):
    if v == 1:
        break
print("after break")
g = reader("closed", 3)
next(g)
g.close()
def counter():
    i = 0
    try:
        while True:
            yield i
            i += 1
    finally:
        print("counter finalized at", i)
c = counter()
print([next(c) for _ in range(3)])
del c
print("after del")
import gc
gc.collect()
def gen_exc():
    try:
        yield 1
        yield 2
    except ValueError:
        print("handled ValueError")
    yield "tail"
e = gen_exc()
print(next(e), e.throw(ValueError), list(e))

# Coroutines driven by hand with send(): await on custom awaitables, return values via StopIteration.
class Suspend:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield self.value
        return got
async def add(a, b):
    x = await Suspend(("need", a))
    y = await Suspend(("need", b))
    return x + y
coro = add("a", "b")
print(type(coro).__name__)
req = coro.send(None)
print("first request", req)
req = coro.send(10)
print("second request", req)
try:
    coro.send(32)
except StopIteration as e:
    print("result", e.value)
async def nested():
    r1 = await add(1, 2)
    return "nested got %r" % r1
c = nested()
print(c.send(None))
print(c.send(100))
try:
    c.send(5)
except StopIteration as e:
    print(e.value)
async def plain():
    return "no awaits"
p = plain()
try:
    p.send(None)
except StopIteration as e:
    print("plain:", e.value)
try:
    p.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
c2 = add(1, 2)
c2.close()
print("closed before start")

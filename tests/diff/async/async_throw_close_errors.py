# Coroutine throw()/close(), exceptions propagating out of awaits, never-awaited checks avoided.
class Pause:
    def __await__(self):
        return (yield "paused")
async def guarded():
    try:
        v = await Pause()
        print("resumed with", v)
    except ValueError as e:
        print("caught in coroutine:", e)
        return "recovered"
    finally:
        print("coroutine finally")
c = guarded()
print(c.send(None))
try:
    c.throw(ValueError("injected"))
except StopIteration as e:
    print("returned", e.value)
c2 = guarded()
c2.send(None)
c2.close()
print("closed")
async def failing():
    await Pause()
    raise KeyError("inside coroutine")
c3 = failing()
c3.send(None)
try:
    c3.send(1)
except KeyError as e:
    print("KeyError", e)
async def awaits_bad():
    await 5
try:
    awaits_bad().send(None)
except TypeError as e:
    print("TypeError", e)
class BadAwait:
    def __await__(self):
        return 5
async def awaits_bad2():
    await BadAwait()
try:
    awaits_bad2().send(None)
except TypeError as e:
    print("TypeError", e)
async def f():
    return 1
co = f()
try:
    next(co)
except TypeError as e:
    print("TypeError", e)
co.close()
co = f()
try:
    iter(co)
except TypeError as e:
    print("TypeError", e)
co.close()

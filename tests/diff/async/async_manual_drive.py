# Coroutines driven by hand: send/throw/close, reuse errors, awaiting non-awaitables, async generators via asend/athrow.
class Future:
    def __init__(self):
        self.result = None
    def __await__(self):
        value = yield self
        return value
async def add(a):
    x = await Future()
    y = await Future()
    return a + x + y
c = add(1)
print(type(c).__name__, c.cr_running, c.cr_frame is not None)
f1 = c.send(None)
print(type(f1).__name__)
c.send(10)
try:
    c.send(100)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
async def noop():
    return 5
n = noop()
try:
    n.send(1)
except TypeError as e:
    print("TypeError", e)
n.close()
async def bad_await():
    await 3
b = bad_await()
try:
    b.send(None)
except TypeError as e:
    print("TypeError", e)
class NotIter:
    def __await__(self):
        return 1
async def bad2():
    await NotIter()
try:
    bad2().send(None)
except TypeError as e:
    print("TypeError", e)
async def catcher():
    try:
        await Future()
    except KeyError as e:
        return "caught " + repr(e)
k = catcher()
k.send(None)
try:
    k.throw(KeyError("x"))
except StopIteration as e:
    print(e.value)
async def agen():
    for i in range(3):
        try:
            yield i
        except ValueError:
            yield "handled"
a = agen()
print(type(a).__name__, type(a.__anext__()).__name__)
def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
print(drive(a.asend(None)), drive(a.asend(None)))
print(drive(a.athrow(ValueError())))
print(drive(a.__anext__()))
try:
    drive(a.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")
async def use_agen():
    out = []
    async for v in agen():
        out.append(v)
    return out
print(drive(use_agen()))
async def comp():
    return [x async for x in agen()], {x: 1 async for x in agen()}
print(drive(comp()))
c2 = add(0)
c2.send(None)
c2.close()
print(c2.cr_frame)
class Legacy:
    def __await__(self):
        yield "legacy"
        return "done"
async def uses_legacy():
    return await Legacy()
u = uses_legacy()
print(u.send(None))
try:
    u.send(None)
except StopIteration as e:
    print(e.value)

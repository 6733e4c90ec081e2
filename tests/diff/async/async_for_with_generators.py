# async for / async with / async generators and async comprehensions, driven without asyncio.
class Tick:
    def __await__(self):
        yield "tick"
class AsyncRange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Tick()
        self.i += 1
        return self.i
class AsyncCM:
    async def __aenter__(self):
        print("aenter")
        await Tick()
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return True
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10
async def main():
    out = []
    async for v in AsyncRange(3):
        out.append(v)
    print("async for", out)
    async with AsyncCM() as r:
        print("inside", r)
        raise ValueError("suppressed by aexit")
    print("after async with")
    print("async comprehension", [x async for x in agen(4) if x != 20])
    print("await in comprehension", [await double(i) for i in range(3)])
    g = agen(2)
    print("anext", await g.__anext__(), await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    async for v in agen(0):
        print("never")
    else:
        print("async for else")
    return "main done"
async def double(x):
    await Tick()
    return x * 2
def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks
print(run(main()))
an = AsyncRange(1).__anext__()
print(type(agen(1)).__name__, type(main).__name__, type(an).__name__)
an.close()

# Async generators: __anext__, asend, athrow, aclose, async comprehensions, pass-through awaits.
class _Sleep:
    def __await__(self):
        yield "tick"
def sleep0():
    return _Sleep()

async def agen():
    try:
        for i in range(3):
            x = yield i
            print("sent", x)
            await sleep0()
    finally:
        print("agen cleanup")

async def main():
    g = agen()
    print(await g.__anext__())
    print(await g.asend("hello"))
    try:
        await g.athrow(ValueError("boom"))
    except ValueError as e:
        print("athrow raised", e)
    g2 = agen()
    print(await g2.__anext__())
    await g2.aclose()
    print([x async for x in agen()])
    return "done"

def run(c):
    try:
        while True:
            print("loop got", c.send(None))
    except StopIteration as e:
        return e.value
print(run(main()))

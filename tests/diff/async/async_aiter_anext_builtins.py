# aiter()/anext() builtins and async generator asend/athrow/aclose driven by hand.
class Tick:
    def __await__(self):
        yield "tick"
async def agen():
    try:
        x = yield 1
        print("agen received", x)
        yield 2
        yield 3
    finally:
        print("agen finally")
def run(aw):
    while True:
        try:
            aw.send(None)
        except StopIteration as e:
            return e.value
async def main():
    g = agen()
    it = aiter(g)
    print(it is g)
    print(await anext(it))
    print(await g.asend("sent"))
    print(await anext(it, "default"))
    print(await anext(it, "default"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    g2 = agen()
    print(await anext(g2))
    try:
        await g2.athrow(ValueError("thrown"))
    except ValueError as e:
        print("ValueError propagated", e)
    g3 = agen()
    await anext(g3)
    await g3.aclose()
    print("closed g3")
    try:
        aiter(5)
    except TypeError as e:
        print("TypeError", e)
    try:
        await anext(5)
    except TypeError as e:
        print("TypeError", e)
    return "main finished"
print(run(main()))

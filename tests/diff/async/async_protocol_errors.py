# async protocol errors: async for/with on wrong objects, __aiter__/__anext__/__aenter__ returning non-awaitables, await in generators.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def for_over(obj):
    out = []
    async for x in obj:
        out.append(x)
    return out
async def with_on(obj):
    async with obj as v:
        return v
class AiterNotAsync:
    def __aiter__(self):
        return 5
class AnextBad:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 7
class AenterBad:
    async def __aexit__(self, *a):
        return False
    def __aenter__(self):
        return 1
class NoAexit:
    async def __aenter__(self):
        return 1
class Counter:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.n += 1
        if self.n > 3:
            raise StopAsyncIteration
        return self.n
class CM:
    async def __aenter__(self):
        return "entered"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return True
for label, coro in [("int", for_over(1)), ("aiter", for_over(AiterNotAsync())), ("anext", for_over(AnextBad())), ("counter", for_over(Counter())),
                    ("with int", with_on(1)), ("aenter", with_on(AenterBad())), ("no aexit", with_on(NoAexit())), ("cm", with_on(CM()))]:
    try:
        print(label, run(coro))
    except (TypeError, AttributeError) as e:
        print(label, type(e).__name__, e)
async def suppressing():
    async with CM():
        raise ValueError("hidden")
    return "after"
print(run(suppressing()))
async def agen():
    yield 1
    yield 2
async def use_aclose():
    g = agen()
    first = await g.__anext__()
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        return first, "closed"
print(run(use_aclose()))
async def anext_default():
    g = agen()
    vals = [await anext(g), await anext(g), await anext(g, "default")]
    return vals
print(run(anext_default()))
try:
    anext(1)
except TypeError as e:
    print("TypeError", e)
async def ret_in_agen_error():
    pass
try:
    exec("async def bad():\n    yield 1\n    return 2")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("def notasync():\n    await x")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("def notasync():\n    async for x in y: pass")
except SyntaxError as e:
    print("SyntaxError", e.msg)
c = ret_in_agen_error()
print(type(c.__await__()).__name__, c.cr_await, c.cr_code.co_name)
c.close()
async def awaits_coro_twice():
    inner = ret_in_agen_error()
    await inner
    await inner
try:
    run(awaits_coro_twice())
except RuntimeError as e:
    print("RuntimeError", e)

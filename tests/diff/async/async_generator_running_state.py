# Async generator running state: ag_running while an asend awaitable is suspended, 'already running' errors for anext/athrow/aclose, then completion.
class Aw:
    def __await__(self):
        yield "x"
async def ag():
    await Aw()
    yield 1
    yield 2
a = ag()
print(a.ag_running, a.ag_await)
n1 = a.__anext__()
print(n1.send(None), a.ag_running)
n2 = a.__anext__()
try:
    n2.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    a.athrow(ValueError).send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    a.aclose().send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    n1.send(None)
except StopIteration as e:
    print("StopIteration", e.value, a.ag_running)
try:
    a.__anext__().send(None)
except StopIteration as e:
    print("StopIteration", e.value, a.ag_running)
try:
    a.aclose().send(None)
except StopIteration as e:
    print("closed", e.value, a.ag_running, a.ag_frame)
try:
    a.__anext__().send(None)
except StopAsyncIteration as e:
    print("StopAsyncIteration", repr(e))

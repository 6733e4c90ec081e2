# gi_yieldfrom, cr_await and ag_await: the delegate while suspended in yield from / await, None otherwise.
def sub():
    yield 1
    yield 2
def outer():
    yield from sub()
    yield 3
g = outer()
print(g.gi_yieldfrom)
next(g)
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_code.co_name)
next(g); next(g)
print(g.gi_yieldfrom)
class Aw:
    def __await__(self):
        yield "x"
async def co():
    await Aw()
c = co()
print(c.cr_await)
c.send(None)
print(type(c.cr_await).__name__)
c.close()
print(c.cr_await)
async def ag():
    await Aw()
    yield 1
a = ag()
print(a.ag_await)
print(next(a.__anext__().__await__()), a.ag_await is not None, a.ag_running)

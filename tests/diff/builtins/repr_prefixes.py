# repr of runtime objects up to their address: functions, methods, generators, coroutines, code, frames, cells, modules, iterators, descriptors.
import sys, gc
def strip(r):
    while True:
        i = r.find(" at 0x")
        if i < 0:
            return r
        j = i + 6
        while j < len(r) and r[j] in "0123456789abcdef":
            j += 1
        r = r[:i] + " at ADDR" + r[j:]
def outer():
    def inner():
        pass
    return inner
class K:
    def m(self):
        pass
    @classmethod
    def c(cls):
        pass
    @staticmethod
    def s():
        pass
def gen():
    yield 1
async def coro():
    pass
async def agen():
    yield 1
c = coro()
objs = [outer, outer(), K.m, K().m, K.c, K.s, K.__dict__["c"], K.__dict__["s"], gen(), c, agen(), outer.__code__, sys._getframe(),
        outer.__code__.co_consts, sys, gc, K, K(), iter([]), iter(()), iter(""), iter({}), iter(set()), iter(range(3)), reversed([]),
        {}.keys(), len, [].append, "".join, int.__add__, (1).__add__, str.upper, int.real, K.__dict__["__dict__"], type.__dict__["__name__"],
        property(), object(), zip(), map(len, []), filter(None, []), enumerate([]), (lambda: 0), (x for x in []), NotImplemented, Ellipsis,
        slice(1, None), range(0, 5, 2), memoryview(b"x"), super(K, K()), K.m.__get__(None, K), type(None), None.__class__]
for o in objs:
    print(type(o).__name__, strip(repr(o)))
c.close()
def make_cell():
    x = 1
    return (lambda: x).__closure__[0]
print(strip(repr(make_cell())), strip(repr(type(make_cell())(5))) if False else "")

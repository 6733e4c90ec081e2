# Generator edge cases: send to a fresh generator, throw/close on finished or fresh ones, ignored GeneratorExit, reentrancy.
def g():
    x = yield 1
    print("got", x)
    yield 2
it = g()
try:
    it.send(5)
except TypeError as e:
    print("TypeError", e)
print(it.send(None), it.send("v"))
it.close()
print(it.gi_frame, it.gi_running)
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.value)
fresh = g()
try:
    fresh.throw(ValueError("boom"))
except ValueError as e:
    print("ValueError", e, fresh.gi_frame)
fresh2 = g()
fresh2.close()
print(list(fresh2))
def stubborn():
    try:
        yield 1
    finally:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)
def swallow():
    while True:
        try:
            yield
        except GeneratorExit:
            return "ignored"
w = swallow()
next(w)
print(w.close())
def reenter():
    yield me.send(None)
me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
def ret():
    return 42
    yield
r = ret()
try:
    next(r)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
def catcher():
    try:
        yield 1
    except KeyError as e:
        yield "caught " + repr(e)
c = catcher()
next(c)
print(c.throw(KeyError("k")))
print(c.throw(KeyError, "k2") if False else "skip")
try:
    c.throw(TypeError("t"))
except TypeError as e:
    print("TypeError", e)
try:
    c.throw(1)
except TypeError as e:
    print("TypeError", e)
def gen_with_exc_state():
    try:
        raise IndexError("inner")
    except IndexError:
        yield 1
        import sys
        yield repr(sys.exc_info()[1])
ge = gen_with_exc_state()
print(next(ge), next(ge))
def yf():
    r = yield from sub()
    yield "sub returned " + repr(r)
def sub():
    yield "a"
    return "done"
print(list(yf()))
print(type(g()).__name__, g.__name__, g().__qualname__, g().gi_code.co_name)

# send(), throw(), close(), GeneratorExit handling and errors for misuse.
def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            print("got", v)
            received.append(v)
    except GeneratorExit:
        print("closing with", received)
        raise
g = echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
g.close()
g.close()
try:
    g.send("late")
except StopIteration:
    print("send after close: StopIteration")
g2 = echo()
try:
    g2.send("too early")
except TypeError as e:
    print("TypeError", e)
def catcher():
    while True:
        try:
            yield "normal"
        except ValueError as e:
            print("caught inside:", e)
            yield "recovered"
c = catcher()
print(next(c), c.throw(ValueError("boom")), next(c))
try:
    c.throw(KeyError("not caught"))
except KeyError as e:
    print("propagated", repr(e))
print(next(c, "exhausted"))
def refuses():
    try:
        yield 1
    except GeneratorExit:
        yield "won't stop"
r = refuses()
next(r)
try:
    r.close()
except RuntimeError as e:
    print("RuntimeError", e)
def returns_on_close():
    try:
        yield 1
    finally:
        print("finally on close")
x = returns_on_close()
next(x)
x.close()
def running():
    yield me.send(None)
me = running()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
t = catcher()
try:
    t.throw(ValueError("before start"))
except ValueError as e:
    print("throw before start:", e)

# yield from: delegation of values, send, throw, return values, and delegation to iterables.
def inner():
    x = yield "inner 1"
    print("inner received", x)
    y = yield "inner 2"
    print("inner received", y)
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "outer end"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
print(list(g))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2), (x for x in [9]))))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def handler():
    try:
        yield 1
    except KeyError:
        yield "inner handled KeyError"
def delegate():
    yield from handler()
    yield "after"
d = delegate()
print(next(d), d.throw(KeyError), next(d))
def closer():
    try:
        yield 1
    finally:
        print("inner finally")
def outer_close():
    try:
        yield from closer()
    finally:
        print("outer finally")
oc = outer_close()
next(oc)
oc.close()
def ret_only():
    return 42
    yield
def get():
    v = yield from ret_only()
    yield v
print(list(get()))
def stop_value():
    yield from iter([1, 2])
    return "end"
try:
    g = stop_value()
    while True:
        next(g)
except StopIteration as e:
    print("final", e.value)

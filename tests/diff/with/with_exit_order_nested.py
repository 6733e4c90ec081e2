# Nested and multi-item with statements exit in reverse order; an exception suppressed by an inner manager.
log = []
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        log.append("enter " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        log.append("exit %s %s" % (self.name, et.__name__ if et else "-"))
        return self.suppress
with CM("a"), CM("b"), CM("c"):
    log.append("body")
print(log)
log.clear()
with CM("outer"):
    with CM("inner", suppress=True):
        raise ValueError("x")
    log.append("after inner")
print(log)
log.clear()
try:
    with CM("one"), CM("two"):
        raise KeyError("k")
except KeyError:
    log.append("caught outside")
print(log)
log.clear()
with CM("s1", suppress=True), CM("s2"):
    raise TypeError("t")
print(log)
log.clear()
def f():
    with CM("in f"):
        return "returned"
print(f(), log)
log.clear()
for i in range(3):
    with CM("loop %d" % i):
        if i == 1:
            continue
        log.append("body %d" % i)
print(log)
log.clear()
with CM("x") as x, CM("y") as y:
    print(x.name, y.name, type(x).__name__)
print(log)
log.clear()
try:
    with CM("raise-in-exit-target") as t:
        t.missing
except AttributeError as e:
    print("AttributeError", e)
print(log)

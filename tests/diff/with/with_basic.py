# with statement: __enter__/__exit__ order, as-binding, exceptions passed to __exit__, suppression.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("x"):
    pass
try:
    with CM("raising"):
        raise ValueError("inside")
except ValueError as e:
    print("propagated", e)
with CM("suppressing", suppress=True):
    raise KeyError("swallowed")
print("after suppression")
with CM("one") as a, CM("two") as b:
    print("both", a, b)
with (CM("p1") as p1,
      CM("p2") as p2):
    print("parenthesized", p1, p2)
def early():
    with CM("return"):
        return "returned value"
print(early())
for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break
class Bad:
    pass
try:
    with Bad():
        pass
except TypeError as e:
    print("TypeError", e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError", e)

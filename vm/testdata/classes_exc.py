# Classes (super, __class__ cell, metaclasses, __init_subclass__), with, exception chaining.
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        ns["tag"] = kw.get("tag", "none")
        return super().__new__(m, name, bases, ns)

class Base(metaclass=Meta, tag="base"):
    def hello(self):
        return "Base.hello"

class Child(Base):
    def hello(self):
        return "Child>" + super().hello()
    def cls(self):
        return __class__.__name__

print(Child().hello(), Child().cls(), Base.tag, Child.tag, type(Child).__name__)

class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return t is KeyError

with CM("a") as a, CM("b"):
    print("body", a.name)
with CM("c"):
    raise KeyError("swallowed")

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("second") from e
except ValueError as e:
    print(type(e.__cause__).__name__, e.__suppress_context__)

try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("during")
except TypeError as e:
    print(type(e.__context__).__name__)

def f():
    try:
        return "try"
    finally:
        print("finally runs")

print(f())
for i in range(3):
    try:
        if i == 1:
            continue
        print("loop", i)
    finally:
        print("fin", i)

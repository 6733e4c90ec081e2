# __exit__ details: truthy return values, exceptions raised inside __exit__, __enter__ failing.
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "non-empty string suppresses"
with Truthy():
    1 / 0
print("suppressed by truthy string")
class RaisesInExit:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError("from exit")
try:
    with RaisesInExit():
        raise ValueError("from body")
except RuntimeError as e:
    print("RuntimeError", e, "context:", repr(e.__context__))
class FailsEnter:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with FailsEnter():
        print("body should not run")
except OSError as e:
    print("OSError", e)
class Outer:
    def __enter__(self):
        print("outer enter")
    def __exit__(self, *a):
        print("outer exit", a[0].__name__ if a[0] else None)
class InnerFails:
    def __enter__(self):
        raise KeyError("inner enter")
    def __exit__(self, *a):
        pass
try:
    with Outer(), InnerFails():
        pass
except KeyError as e:
    print("KeyError", e)
class Reusable:
    count = 0
    def __enter__(self):
        Reusable.count += 1
        return Reusable.count
    def __exit__(self, *a):
        return None
r = Reusable()
with r as n1:
    with r as n2:
        print(n1, n2)
class ExitSeesTraceback:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("traceback type:", type(tb).__name__, "line >", tb.tb_lineno > 0)
        return True
with ExitSeesTraceback():
    raise IndexError
class Lookup:
    def __enter__(self):
        return "instance enter"
    def __exit__(self, *a):
        return False
lk = Lookup()
lk.__enter__ = lambda: "instance attribute ignored"
with lk as val:
    print(val)

# with statement edge cases: missing __enter__/__exit__, exit suppression by truthiness, exceptions in __enter__/__exit__, multiple managers order.
log = []
class CM:
    def __init__(self, name, suppress=False, fail_enter=False, fail_exit=False):
        self.name, self.suppress, self.fail_enter, self.fail_exit = name, suppress, fail_enter, fail_exit
    def __enter__(self):
        log.append("enter " + self.name)
        if self.fail_enter:
            raise RuntimeError("enter failed " + self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} {et.__name__ if et else None}")
        if self.fail_exit:
            raise KeyError("exit failed " + self.name)
        return self.suppress
with CM("a") as a, CM("b") as b:
    log.append(a + b)
print(log); log.clear()
with CM("s", suppress=1):
    raise ValueError("swallowed")
print(log); log.clear()
try:
    with CM("x"), CM("y", fail_enter=True):
        log.append("body")
except RuntimeError as e:
    print("RuntimeError", e, log); log.clear()
try:
    with CM("o"), CM("i", fail_exit=True):
        raise ValueError("body error")
except KeyError as e:
    print("KeyError", e, type(e.__context__).__name__, log); log.clear()
class NoEnter:
    def __exit__(self, *a):
        pass
class NoExit:
    def __enter__(self):
        return self
for obj in [NoEnter(), NoExit(), 5]:
    try:
        with obj:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        log.append("bool called")
        return self.v
class ReturnsObj:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return Truthy(True)
with ReturnsObj():
    raise ValueError("suppressed by truthy object")
print(log); log.clear()
def in_function():
    with CM("ret"):
        return "returned"
print(in_function(), log); log.clear()
for i in range(3):
    with CM(str(i)):
        if i == 1:
            continue
        if i == 2:
            break
print(log); log.clear()
class ExitArgs:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print(et, repr(ev), type(tb).__name__ if tb else tb)
        return True
with ExitArgs():
    pass
with ExitArgs():
    1 / 0
with ExitArgs() as (x):
    pass
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return None
with Pair() as [p, q], Pair() as (r, t):
    print(p, q, r, t)

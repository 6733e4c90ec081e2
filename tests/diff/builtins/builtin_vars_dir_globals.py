# vars(), dir() (sorted names), globals()/locals() basics, __builtins__ access.
class C:
    a = 1
    def __init__(self):
        self.x = 1
        self.y = 2
c = C()
print(vars(c), sorted(vars(C).keys() - {"__dict__", "__weakref__", "__doc__", "__module__", "__init__"}))
print([n for n in dir(c) if not n.startswith("_")], [n for n in dir(C) if not n.startswith("_")])
print(dir([]) == sorted(dir([])), "append" in dir([]), "__len__" in dir(""), len(dir(1)) > 50)
def f(p, q=2):
    r = p + q
    return sorted(locals().items())
print(f(1))
def g():
    return sorted(k for k in dir() )
print(g())
def h(v):
    return dir()
print(h(1))
print("C" in globals(), globals()["C"] is C, "f" in dir(), globals() is vars())
try:
    vars(5)
except TypeError as e:
    print("TypeError", e)
try:
    vars(c, c)
except TypeError as e:
    print("TypeError", e)
GLOBAL_X = 1
globals()["GLOBAL_Y"] = 2
print(GLOBAL_Y, __name__, type(__builtins__).__name__ in ("module", "dict"))
print(sorted(k for k in vars() if k.startswith("GLOBAL_")))
class S:
    __slots__ = ("a",)
try:
    vars(S())
except TypeError as e:
    print("TypeError", e)

# __new__ vs __init__: ordering, __new__ returning other types, immutable subclasses.
class Trace:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        inst = super().__new__(cls)
        return inst
    def __init__(self, *args):
        print("init", args)
t = Trace(1, 2)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(Other())
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(Upper("abc"), type(Upper("x")).__name__, len(Upper("hey")))
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), Pos(-5) + 1, type(Pos(3) + 1).__name__)
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def swap(self):
        return Pair(self[1], self[0])
print(Pair(1, 2).swap(), isinstance(Pair(1, 2), tuple))
try:
    object.__new__(5)
except TypeError as e:
    print("TypeError", e)
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print("TypeError", e)
class InitOnly:
    def __init__(self, a):
        self.a = a
try:
    InitOnly(1, 2)
except TypeError as e:
    print("TypeError", e)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError", e)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError", e)
class Sub(Trace):
    def __new__(cls, *args):
        print("sub new")
        return super().__new__(cls, *args)
Sub("s")

# Instance creation through CALL's class shortcut: __init__ binding and errors, the None check, metaclass __call__, __new__, __slots__, abstract classes, __init__ replaced after the call site cached it, recursion in __init__.
import sys, gc
class A:
    def __init__(self, x, y=2, *, z=3):
        self.s = x + y + z
class B:
    def __init__(self):
        return 1
class C:
    pass
class D(A):
    pass
class E:
    def __init__(self, a):
        raise ValueError("boom %s" % a)
class G:
    def __init__(self):
        yield 1
class M(type):
    def __call__(cls, *a):
        return ("meta", a)
class H(metaclass=M):
    pass
class S:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        self.a = a; self.b = b
class N:
    def __new__(cls, *a):
        return 42
for i in range(3):
    print(A(1).s, A(1, 5).s, A(1, z=10).s, A(x=4, y=1).s, D(2).s, S(1, 2).b, H(1, 2), N(1))
    print(type(C()).__name__)
    try: B()
    except TypeError as e: print("TE", e)
    try: E(5)
    except ValueError as e: print("VE", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
    try: G()
    except TypeError as e: print("TE", e)
    try: C(1)
    except TypeError as e: print("TE", e)
    try: A()
    except TypeError as e: print("TE", e)
    try: A(1, 2, 3)
    except TypeError as e: print("TE", e)
    try: A(1, q=2)
    except TypeError as e: print("TE", e)
# __init__ replaced after caching
def newinit(self, x):
    self.s = -x
for i in range(3):
    if i == 1: A.__init__ = newinit
    print(A(7).s)
# refcount sanity
a = A(1)
print(sys.getrefcount(a))
# recursion in __init__
class R:
    def __init__(self, n):
        self.c = R(n - 1) if n else None
r = R(50)
try:
    class Inf:
        def __init__(self): Inf()
    Inf()
except RecursionError as e: print("RE", e)
class AB:
    def __init__(self):
        pass
class Abs:
    def __init__(self): pass
for i in range(2):
    if i == 0: Abs()
    if i == 0: Abs.__abstractmethods__ = frozenset({'m'})
    else:
        try: Abs()
        except TypeError as e: print("TE", e)
print(type(AB()).__name__, type(5)(), type(int))
def f():
    return B()
f()

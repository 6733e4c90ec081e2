# __slots__ rules and errors: conflicts, __dict__/__weakref__ slots, builtin bases, inheritance, missing attributes.
class P:
    __slots__ = ("x", "y")
p = P()
p.x = 1
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    p.y
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(p, "__dict__"), P.__slots__, type(P.x).__name__)
del p.x
try:
    del p.x
except AttributeError as e:
    print("AttributeError", e)
for body in ["__slots__ = ('a',)\n    a = 1", "__slots__ = ('__dict__', '__dict__')", "__slots__ = ('1a',)", "__slots__ = (1,)",
             "__slots__ = ('a', 'a')", "__slots__ = ('__weakref__', '__weakref__')"]:
    try:
        exec("class Bad:\n    " + body)
        print("ok", body)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for base in ["int", "tuple", "bytes"]:
    try:
        exec(f"class S({base}):\n    __slots__ = ('a',)")
        print("ok", base)
    except TypeError as e:
        print("TypeError", e)
class D:
    __slots__ = ("__dict__",)
d = D()
d.anything = 1
print(d.__dict__)
class W:
    __slots__ = ()
try:
    W().a = 1
except AttributeError as e:
    print("AttributeError", e)
class Base:
    __slots__ = ("a",)
class Child(Base):
    pass
c = Child()
c.a = 1
c.b = 2
print(c.a, c.__dict__)
class Child2(Base):
    __slots__ = ("b",)
c2 = Child2()
c2.a, c2.b = 1, 2
print(c2.a, c2.b, hasattr(c2, "__dict__"))
class S:
    __slots__ = "single"
print(S.__slots__, [k for k in S.__dict__ if not k.startswith("__")])
class Mangled:
    __slots__ = ("__private",)
    def set(self):
        self.__private = 5
        return self.__private
print(Mangled().set(), [k for k in Mangled.__dict__ if "private" in k])
class A:
    __slots__ = ("x",)
class B:
    __slots__ = ("y",)
try:
    class AB(A, B):
        pass
except TypeError as e:
    print("TypeError", e)
class Sl:
    __slots__ = ("v",)
    def __init__(self):
        self.v = [1]
print(Sl().v, Sl.v.__name__, Sl.v.__objclass__.__name__)
try:
    Sl.v.__get__(1)
except TypeError as e:
    print("TypeError", e)

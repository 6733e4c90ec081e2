# property/descriptor messages: missing setter/deleter, classmethod/staticmethod wrapping, __get__ on None, data vs non-data priority.
class A:
    @property
    def ro(self):
        return "ro"
    def _get(self):
        return self._v
    def _set(self, v):
        self._v = v
    rw = property(_get, _set, doc="read-write")
a = A()
for action in [lambda: setattr(a, "ro", 1), lambda: delattr(a, "ro"), lambda: delattr(a, "rw")]:
    try:
        action()
    except AttributeError as e:
        print("AttributeError", e)
a.rw = 5
print(a.rw, A.rw.__doc__, A.ro.__doc__, A.ro.fget.__name__, A.rw.fset.__name__, A.rw.fdel)
p2 = A.rw.setter(lambda self, v: None)
print(type(p2).__name__, p2 is not A.rw, p2.fget is A.rw.fget)
try:
    property(1)(1)
except TypeError as e:
    print("TypeError", e)
class Unreadable:
    x = property(None, lambda self, v: None)
try:
    Unreadable().x
except AttributeError as e:
    print("AttributeError", e)
class DataDesc:
    def __get__(self, obj, owner):
        return "data desc"
    def __set__(self, obj, value):
        raise AttributeError("read only desc")
class NonData:
    def __get__(self, obj, owner):
        return "non-data desc"
class H:
    d = DataDesc()
    n = NonData()
h = H()
h.__dict__["d"] = "instance d"
h.__dict__["n"] = "instance n"
print(h.d, h.n, H.d, H.n)
try:
    h.d = 1
except AttributeError as e:
    print("AttributeError", e)
class C:
    @classmethod
    def cm(cls):
        return cls.__name__
    @staticmethod
    def sm(x):
        return x * 2
    @classmethod
    @property
    def cprop(cls):
        return "class property " + cls.__name__
print(C.cm(), C().cm(), C.sm(2), C().sm(3), C.__dict__["cm"].__func__.__name__, C.__dict__["sm"].__func__(4))
print(C.cprop, type(C.__dict__["cm"]).__name__, callable(C.__dict__["sm"]))
print(A.__dict__["ro"].__get__(None, A) is A.__dict__["ro"], A.__dict__["ro"].__get__(a), C.__dict__["cm"].__get__(None, C)())
try:
    A.__dict__["ro"].__get__(None, None)
except TypeError as e:
    print("TypeError", e)
try:
    A.__dict__["ro"].__set__(1, 2)
except AttributeError as e:
    print("AttributeError", e)
class Slotted:
    __slots__ = ("s",)
try:
    Slotted.s.__set__(1, 2)
except TypeError as e:
    print("TypeError", e)
print(type(Slotted.s).__name__, type(int.real).__name__, type(str.upper).__name__, type("".upper).__name__, type(int.__add__).__name__, type((1).__add__).__name__)

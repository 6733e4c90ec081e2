# object's default methods: __eq__/__ne__, __init__/__new__ extra-arg checks, __dir__, __class__ assignment.
o = object()
print(o == o, o != o, o.__eq__(1), o.__ne__(o), o.__lt__(o), type(o.__hash__()).__name__)
print(object.__name__, object.__doc__[:20], object().__class__ is object, object.__init__(o) is None)
try:
    object(1)
except TypeError as e:
    print("TypeError", e)
try:
    object().__init__(1)
except TypeError as e:
    print("TypeError", e)
class WithInit:
    def __init__(self, a):
        self.a = a
print(WithInit(1).a)
class WithNew:
    def __new__(cls, a):
        return super().__new__(cls)
print(type(WithNew(1)).__name__)
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
x = A()
x.__class__ = B
print(x.who(), type(x).__name__)
try:
    x.__class__ = int
except TypeError as e:
    print("TypeError", e)
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError", e)
print(sorted(n for n in dir(o) if n in ("__eq__", "__hash__", "__repr__", "__str__", "__init__")))
print(A.__dict__["who"].__name__, type(A.__dict__).__name__, "who" in A.__dict__, "who" in vars(A))
try:
    A.__dict__["x"] = 1
except TypeError as e:
    print("TypeError", e)
print(A.__module__, A.__name__, A.__qualname__, A.__doc__)
print(issubclass(A, object), isinstance(A, object), isinstance(object, type), isinstance(type, object))
print(o.__reduce_ex__ is not None, object.__subclasshook__() is NotImplemented)

# callable(), type() with one argument, isinstance/issubclass with tuples, nested tuples and __instancecheck__.
class C:
    def m(self):
        pass
    def __call__(self):
        pass
class D:
    pass
for v in (len, C, C(), D(), C().m, lambda: 0, 5, "s", type, print, D):
    print(type(v).__name__, callable(v))
print(type(1) is int, type("s") is str, type([]) is list, type(None).__name__, type(type).__name__, type(C()).__name__)
print(isinstance(1, (str, (float, int))), isinstance("a", ()), issubclass(bool, (str, (list, int))))
class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", inst)
        return inst == 42
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return sub is int
class Answer(metaclass=Meta):
    pass
print(isinstance(42, Answer), isinstance(41, Answer), issubclass(int, Answer), issubclass(str, Answer))
print(isinstance(Answer(), Answer))
try:
    isinstance(1, [int])
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(int, 1)
except TypeError as e:
    print("TypeError", e)
try:
    type()
except TypeError as e:
    print("TypeError", e)
print(isinstance(int, type), isinstance(C, object), issubclass(type, object), issubclass(object, type))
print(isinstance(list[int], type), isinstance([], list[int].__origin__))

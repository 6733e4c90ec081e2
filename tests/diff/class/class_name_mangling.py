# Private name mangling: __x becomes _Class__x inside class bodies, including in nested functions and strings not.
class A:
    __secret = "A secret"
    def __init__(self):
        self.__value = 1
        self.__dunder__ = "not mangled"
    def get(self):
        return self.__value, self.__secret, A.__secret
    def __private_method(self):
        return "private method"
    def call(self):
        return self.__private_method()
    def nested(self):
        def inner():
            return self.__value
        return inner()
class B(A):
    def __init__(self):
        super().__init__()
        self.__value = 2
    def get_b(self):
        return self.__value
a, b = A(), B()
print(a.get(), a.call(), a.nested(), b.get(), b.get_b())
print(sorted(vars(b)), a._A__value, A._A__secret)
try:
    a.__value
except AttributeError as e:
    print("AttributeError", e)
try:
    a.__private_method()
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(a, "__dunder__"), getattr(a, "__value", "getattr uses the literal name"))
class _Under:
    def __m(self):
        return "leading underscores stripped from class name"
    def call(self):
        return self.__m()
print(_Under().call(), [n for n in vars(_Under) if "m" in n and n.startswith("_U")])
class C:
    __slots__ = ("__x",)
    def __init__(self):
        self.__x = 5
    def x(self):
        return self.__x
print(C().x(), C.__slots__, [n for n in dir(C) if n.endswith("__x")])
class D:
    def method(self, __arg=1):
        return __arg
print(D().method(), D.method.__code__.co_varnames)

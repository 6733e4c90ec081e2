# Data vs non-data descriptors, precedence with instance dicts, __get__ on class access, __delete__.
class Data:
    def __get__(self, obj, owner):
        print("Data.__get__", obj is None, owner.__name__)
        return "data"
    def __set__(self, obj, v):
        print("Data.__set__", v)
    def __delete__(self, obj):
        print("Data.__delete__")
class NonData:
    def __get__(self, obj, owner=None):
        return "nondata"
class C:
    d = Data()
    n = NonData()
c = C()
print(c.d, C.d)
c.d = 5
c.__dict__["d"] = "instance"
print(c.d)
del c.d
print(c.n)
c.n = "shadowed"
print(c.n, C.n)
del c.n
print(c.n)
class Typed:
    def __init__(self, name, kind):
        self.name, self.kind = name, kind
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s, not %s" % (self.name, self.kind.__name__, type(value).__name__))
        obj.__dict__[self.name] = value
class Person:
    age = Typed("age", int)
    name = Typed("name", str)
p = Person()
print(p.age)
p.age = 30
p.name = "Ann"
print(p.age, p.name, type(Person.age).__name__)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError", e)
class GetOnlyOnClass:
    def __get__(self, obj, owner):
        return "got via " + ("instance" if obj is not None else "class")
class M(type):
    attr = GetOnlyOnClass()
class WithMeta(metaclass=M):
    pass
print(WithMeta.attr)
def plain(self):
    return "bound " + type(self).__name__
C.m = plain
print(c.m(), plain.__get__(c)(), plain.__get__(None, C) is plain)

# Lookup order: data descriptor on type > instance dict > non-data descriptor/class attr > __getattr__.
class DataDesc:
    def __get__(self, o, t):
        return "data descriptor"
    def __set__(self, o, v):
        raise AttributeError("read-only data descriptor")
class Base:
    shared = "base class attr"
    def method(self):
        return "base method"
class C(Base):
    dd = DataDesc()
    def __getattr__(self, name):
        return "__getattr__ for " + name
c = C()
c.__dict__["dd"] = "instance dd"
c.__dict__["method"] = lambda: "instance method"
print(c.dd, c.method(), c.shared, c.missing)
c.shared = "instance shared"
print(c.shared, C.shared, Base.shared)
Base.shared = "changed on base"
del c.shared
print(c.shared)
Base.newattr = "added later"
print(c.newattr)
del Base.newattr
print(c.newattr)
try:
    c.dd = 5
except AttributeError as e:
    print("AttributeError", e)
class Meta(type):
    meta_attr = "from metaclass"
    def meta_method(cls):
        return "meta method of " + cls.__name__
class K(metaclass=Meta):
    pass
print(K.meta_attr, K.meta_method())
try:
    K().meta_attr
except AttributeError as e:
    print("AttributeError", e)
class Shadow(metaclass=Meta):
    meta_attr = "class wins over metaclass"
print(Shadow.meta_attr)
print(type(C.method).__name__, type(c.method).__name__, type(Base().method).__name__)

# Implicit special method calls look up the type, not the instance.
class C:
    def __len__(self):
        return 1
    def __repr__(self):
        return "C repr"
c = C()
c.__len__ = lambda: 99
c.__repr__ = lambda: "instance repr"
print(len(c), c.__len__(), repr(c), c.__repr__())
class D:
    pass
d = D()
d.__add__ = lambda o: "instance add"
try:
    d + 1
except TypeError as e:
    print("TypeError", e)
D.__add__ = lambda self, o: "class add added later"
print(d + 1)
d.__iter__ = lambda: iter([1])
try:
    iter(d)
except TypeError as e:
    print("TypeError", e)
class Meta(type):
    def __len__(cls):
        return 42
    def __repr__(cls):
        return "<Meta-made %s>" % cls.__name__
class E(metaclass=Meta):
    def __len__(self):
        return 7
print(len(E), len(E()), repr(E))
class G:
    def __getattr__(self, name):
        if name == "__len__":
            return lambda: 5
        raise AttributeError(name)
try:
    len(G())
except TypeError as e:
    print("TypeError", e)
print(G().__len__())
class H:
    __eq__ = lambda self, o: "lambda eq"
    __hash__ = None
print(H() == 1, H.__hash__)
class Cm:
    pass
cm = Cm()
cm.__enter__ = lambda: None
cm.__exit__ = lambda *a: None
try:
    with cm:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

# Changing classes at runtime: new/replaced/deleted methods, base-class changes and __bases__ assignment are seen at once.
class Base:
    def who(self):
        return "Base.who"
class Child(Base):
    pass
c = Child()
results = []
for i in range(3):
    results.append(c.who())
print(results)
Base.who = lambda self: "patched Base.who"
print(c.who())
Child.who = lambda self: "Child.who added"
print(c.who())
del Child.who
print(c.who())
del Base.who
try:
    c.who()
except AttributeError as e:
    print("AttributeError", e)
class Other:
    def who(self):
        return "Other.who"
Child.__bases__ = (Other,)
print(c.who(), [k.__name__ for k in Child.__mro__])
Child.__bases__ = (Base,)
Base.who = lambda self: "restored"
print(c.who())
def counter(self):
    return "attribute read %d" % self.n
class Slot:
    n = 1
s = Slot()
Slot.read = counter
vals = [s.read()]
Slot.n = 2
vals.append(s.read())
s.n = 3
vals.append(s.read())
print(vals)
Slot.read = property(lambda self: "now a property")
print(s.read)
class Meta(type):
    pass
class Dyn(metaclass=Meta):
    x = 1
d = Dyn()
for v in (2, 3):
    Dyn.x = v
    print(d.x, Dyn.x)
setattr(Dyn, "__len__", lambda self: 5)
print(len(d))
Dyn.__len__ = lambda self: 6
print(len(d))
del Dyn.__len__
try:
    len(d)
except TypeError as e:
    print("TypeError", e)
Dyn.__add__ = lambda self, o: "added operator"
print(d + 1)
c.__class__ = Other
print(c.who(), type(c).__name__)

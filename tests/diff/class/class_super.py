# super(): zero-arg, two-arg, in classmethods, in __init__ chains, cooperative kwargs, errors.
class Base:
    def __init__(self, **kw):
        print("Base init", sorted(kw))
    def hello(self):
        return "Base.hello"
    @classmethod
    def make(cls):
        return "made " + cls.__name__
class Left(Base):
    def __init__(self, left=0, **kw):
        print("Left init", left)
        super().__init__(**kw)
    def hello(self):
        return "Left>" + super().hello()
class Right(Base):
    def __init__(self, right=0, **kw):
        print("Right init", right)
        super().__init__(**kw)
    def hello(self):
        return "Right>" + super().hello()
class Child(Left, Right):
    def __init__(self):
        super().__init__(left=1, right=2, extra=3)
    def hello(self):
        return "Child>" + super().hello()
    @classmethod
    def make(cls):
        return "Child " + super().make()
c = Child()
print(c.hello(), Child.make(), super(Left, c).hello(), super(Child, c).hello())
print(super(Right, Child).hello(c))
s = super(Child, c)
print(type(s).__name__, s.__thisclass__.__name__, s.__self_class__.__name__)
def outside():
    try:
        super().hello()
    except RuntimeError as e:
        print("RuntimeError", e)
outside()
try:
    super(Child, 5)
except TypeError as e:
    print("TypeError", e)
try:
    super(Left, c).nope
except AttributeError as e:
    print("AttributeError", e)
class WithAttr(Base):
    def __getattr__(self, n):
        return "getattr " + n
print(WithAttr().missing)
class SS(str):
    def upper(self):
        return "SS:" + super().upper()
print(SS("abc").upper())

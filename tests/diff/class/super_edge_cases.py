# super() edge cases: zero-argument form in methods, classmethods and nested functions, explicit forms, errors and attribute lookups.
class A:
    def who(self):
        return "A"
    @classmethod
    def cm(cls):
        return "A.cm(" + cls.__name__ + ")"
    @property
    def prop(self):
        return "A.prop"
class B(A):
    def who(self):
        return "B>" + super().who()
    @classmethod
    def cm(cls):
        return "B>" + super().cm()
    @property
    def prop(self):
        return "B>" + super().prop
    def nested(self):
        def inner():
            return __class__.__name__
        return inner()
    def via_lambda(self):
        return (lambda: super().who())()
class C(B):
    def who(self):
        return "C>" + super(B, self).who()
print(B().who(), B.cm(), B().prop, B().nested(), C().who(), C.cm())
s = super(B, B())
print(type(s).__name__, s.who(), repr(s).startswith("<super: <class 'B'>, <B object"), super(B, B).cm(), super(B).__self__)
print(super(C, C()).__thisclass__.__name__, super(C, C()).__self_class__.__name__)
for bad in [lambda: super(B, 1), lambda: super(1, B()), lambda: super(B, A()), lambda: super(), lambda: super(B, B()).missing, lambda: super(B, B()).__init__(1), lambda: B().via_lambda()]:
    try:
        print(bad())
    except (TypeError, RuntimeError, AttributeError) as e:
        print(type(e).__name__, e)
def outside():
    return super().x
try:
    outside()
except RuntimeError as e:
    print("RuntimeError", e)
class D:
    def method(self):
        del self
        return super().__repr__
try:
    D().method()
except RuntimeError as e:
    print("RuntimeError", e)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = name.lower()
        return cls
class WithMeta(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.sub_tag = "sub:" + cls.__name__
class Child(WithMeta):
    pass
print(WithMeta.tag, Child.tag, Child.sub_tag)
class Diamond1(A):
    def who(self):
        return "D1>" + super().who()
class Diamond2(A):
    def who(self):
        return "D2>" + super().who()
class Bottom(Diamond1, Diamond2):
    def who(self):
        return "Bottom>" + super().who()
print(Bottom().who(), [k.__name__ for k in Bottom.__mro__])

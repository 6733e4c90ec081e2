# classmethod and staticmethod: binding, alternate constructors, inheritance, calls via instance.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return "%s(%d, %d, %d)" % (type(self).__name__, self.y, self.m, self.d)
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"), MyDate(1, 2, 3).from_string("5-6-7"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
cm = Date.__dict__["from_string"]
sm = Date.__dict__["is_leap"]
print(type(cm).__name__, type(sm).__name__, cm.__func__.__name__, sm.__func__(4))
print(Date.from_string.__self__ is Date, MyDate.from_string.__self__ is MyDate)
print(callable(sm), sm(2023))
class Counter:
    count = 0
    @classmethod
    def inc(cls):
        cls.count += 1
        return cls.count
class Sub(Counter):
    pass
print(Counter.inc(), Sub.inc(), Sub.inc(), Counter.count, Sub.count)
try:
    Date.from_string()
except TypeError as e:
    print("TypeError", e)
try:
    Date.is_leap()
except TypeError as e:
    print("TypeError", e)
class Plain:
    def f(*args):
        return len(args)
    g = staticmethod(len)
    h = classmethod(lambda cls: cls.__name__)
print(Plain().f(1), Plain.f(1), Plain.g("abc"), Plain.h(), Plain().h())
print(staticmethod(abs)(-3), isinstance(Plain.__dict__["h"], classmethod))

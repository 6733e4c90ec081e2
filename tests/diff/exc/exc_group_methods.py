# ExceptionGroup: str/repr, split/subgroup by type and predicate, derive, nesting, constructor errors.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(str(eg), repr(eg))
print(eg.message, len(eg.exceptions), [type(x).__name__ for x in eg.exceptions])
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(lambda x: isinstance(x, KeyError))))
print(eg.subgroup(OSError), eg.split(Exception)[1])
print(eg.subgroup(lambda x: True) is eg)
m, r = eg.split((TypeError, KeyError))
print(repr(m), repr(r))
beg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, repr(beg))
eg2 = BaseExceptionGroup("only exceptions", [ValueError()])
print(type(eg2).__name__)
for args in [("m", []), ("m", [1]), (1, [ValueError()]), ("m",), ("m", ValueError())]:
    try:
        BaseExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
d = eg.derive([ZeroDivisionError()])
print(repr(d), d.__notes__ if hasattr(d, "__notes__") else None)
eg.add_note("note")
m, r = eg.split(ValueError)
print(m.__notes__, r.__notes__)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message, excs)
g = MyEG("mine", [ValueError(), TypeError()])
print(type(g.split(ValueError)[0]).__name__, type(g.subgroup(TypeError)).__name__)
try:
    raise ExceptionGroup("g", [ValueError("a"), TypeError("b")])
except* ValueError as ve:
    print("caught", repr(ve))
except* TypeError as te:
    print("caught", repr(te))
try:
    try:
        raise ExceptionGroup("g", [ValueError("a"), OSError("b")])
    except* ValueError:
        print("handled ValueError part")
except ExceptionGroup as rest:
    print("rest", repr(rest))

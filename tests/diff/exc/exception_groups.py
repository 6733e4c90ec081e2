# ExceptionGroup / BaseExceptionGroup: construction, subgroup, split, derive, nesting, errors.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), str(eg), eg.message, eg.exceptions, len(eg.exceptions))
vals = eg.subgroup(ValueError)
print(repr(vals))
match, rest = eg.split(TypeError)
print(repr(match), repr(rest))
print(eg.subgroup(KeyError), eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [KeyError("b"), ValueError("c")])])
print(repr(nested.subgroup(ValueError)))
print(repr(nested.split(KeyError)[0]))
print(type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
for args in [("m", []), ("m", [1]), ("m", ValueError()), (1, [ValueError()])]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
d = eg.derive([KeyError("d")])
print(repr(d), type(d).__name__)
print(issubclass(ExceptionGroup, Exception), issubclass(ExceptionGroup, BaseExceptionGroup), ExceptionGroup.__mro__[1].__name__)
print(eg.subgroup(lambda e: True) is eg, eg.subgroup(Exception) is eg)

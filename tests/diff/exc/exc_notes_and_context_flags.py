# add_note/__notes__ errors, __suppress_context__, raise ... from None, __cause__/__context__ assignment rules.
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second")
print(e.__notes__)
for bad in [1, b"x", None]:
    try:
        e.add_note(bad)
    except TypeError as err:
        print("TypeError", err)
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as err:
    print("TypeError", err)
del e.__notes__
e.add_note("fresh")
print(e.__notes__)
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise ValueError("outer") from None
except ValueError as err:
    print(repr(err.__cause__), type(err.__context__).__name__, err.__suppress_context__)
try:
    try:
        raise KeyError("k")
    except KeyError as k:
        raise ValueError("outer") from k
except ValueError as err:
    print(repr(err.__cause__), err.__context__ is err.__cause__, err.__suppress_context__)
x = RuntimeError()
print(x.__cause__, x.__context__, x.__suppress_context__, x.__traceback__)
x.__cause__ = KeyError(1)
print(repr(x.__cause__), x.__suppress_context__)
for bad in [1, "s"]:
    try:
        x.__cause__ = bad
    except TypeError as err:
        print("TypeError", err)
    try:
        x.__context__ = bad
    except TypeError as err:
        print("TypeError", err)
x.__suppress_context__ = True
print(x.__suppress_context__)
try:
    x.__suppress_context__ = 0
except TypeError as err:
    print("TypeError", err)
try:
    raise ValueError from 5
except TypeError as err:
    print("TypeError", err)
try:
    raise ValueError from KeyError
except ValueError as err:
    print(repr(err.__cause__))
try:
    raise 5
except TypeError as err:
    print("TypeError", err)
class E(Exception):
    pass
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise E("in handler")
except E as err:
    print(type(err.__context__).__name__, err.__cause__, err.__suppress_context__)
try:
    x.with_traceback(1)
except TypeError as err:
    print("TypeError", err)
print(x.with_traceback(None) is x, BaseException("a", "b").args, str(BaseException("a", "b")), str(BaseException()), repr(BaseException("x")))

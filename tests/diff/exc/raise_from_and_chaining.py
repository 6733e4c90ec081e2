# raise ... from, implicit __context__, __suppress_context__, raise from None, re-raise.
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
def reraise():
    try:
        raise IndexError("orig")
    except IndexError:
        raise
try:
    reraise()
except IndexError as e:
    print("re-raised", repr(e))
try:
    raise ValueError("x") from TypeError("cause")
except ValueError as e:
    print(repr(e.__cause__), e.__cause__.__traceback__)
try:
    raise ValueError from KeyError
except ValueError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError", e)
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print("TypeError", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)
e1 = ValueError("a")
e2 = TypeError("b")
e2.__cause__ = e1
print(e2.__suppress_context__, repr(e2.__cause__))
e3 = KeyError("c")
e3.__context__ = e2
print(repr(e3.__context__.__cause__))
try:
    e3.__cause__ = "bad"
except TypeError as e:
    print("TypeError", e)

# Multi-level implicit chaining, context set only for exceptions raised during handling, sys.exception() stack.
import sys
def chain_of(e):
    out = []
    while e is not None:
        out.append(type(e).__name__ + ":" + str(e))
        e = e.__context__
    return out
try:
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise TypeError("second")
    except TypeError:
        raise KeyError("third")
except KeyError as e:
    print(chain_of(e))
try:
    raise IndexError("standalone")
except IndexError as e:
    print(chain_of(e))
try:
    try:
        raise ValueError("handled")
    except ValueError:
        pass
    raise TypeError("after handler ended")
except TypeError as e:
    print(chain_of(e))
def current():
    return repr(sys.exception())
try:
    raise ValueError("outer")
except ValueError:
    print(current())
    try:
        raise KeyError("inner")
    except KeyError:
        print(current())
    print(current())
print(current())
e = RuntimeError("loop")
try:
    try:
        raise e
    except RuntimeError as inner:
        raise inner
except RuntimeError as final:
    print(final is e, final.__context__)
try:
    try:
        raise ValueError("a")
    finally:
        print("finally sees", repr(sys.exception()))
except ValueError:
    pass

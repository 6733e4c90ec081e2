# Traceback and frame objects: tb_lineno/tb_next chains, tb_frame.f_code names, f_lineno, f_locals, f_back, with_traceback.
import sys
def inner():
    raise ValueError("deep")
def middle():
    inner()
def outer():
    middle()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    chain = []
    while tb is not None:
        chain.append((tb.tb_frame.f_code.co_name, tb.tb_lineno - 0))
        tb = tb.tb_next
    print(chain)
    print(type(e.__traceback__).__name__, type(e.__traceback__.tb_frame).__name__, e.__traceback__.tb_lasti >= 0)
def catch_and_reraise():
    try:
        inner()
    except ValueError as e:
        raise RuntimeError("wrapped") from e
try:
    catch_and_reraise()
except RuntimeError as e:
    names = []
    tb = e.__traceback__
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names, e.__cause__.__traceback__.tb_next.tb_frame.f_code.co_name)
def frame_info():
    local_var = 42
    f = sys._getframe()
    return f.f_code.co_name, f.f_locals["local_var"], f.f_back.f_code.co_name, f.f_lineno, f.f_code.co_firstlineno
print(frame_info())
e = KeyError("k")
print(e.__traceback__)
try:
    raise e
except KeyError:
    pass
first = e.__traceback__
print(first is not None, first.tb_next)
try:
    raise e
except KeyError:
    pass
print(e.__traceback__ is not first, e.__traceback__.tb_frame is first.tb_frame)
try:
    raise ValueError("x").with_traceback(None)
except ValueError as err:
    print(err.__traceback__.tb_next)
def gen():
    yield sys._getframe().f_code.co_name
    raise IndexError("from gen")
g = gen()
print(next(g))
try:
    next(g)
except IndexError as err:
    tb = err.__traceback__
    print(tb.tb_next.tb_frame.f_code.co_name)
co = frame_info.__code__
print(co.co_name, co.co_argcount, co.co_varnames, co.co_filename.endswith(".py"), co.co_qualname, type(co.co_code).__name__)
print(sys._getframe(0).f_code.co_name, sys._getframe().f_back)

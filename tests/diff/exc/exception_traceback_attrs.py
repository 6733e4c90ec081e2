# __traceback__ chains: tb_lineno, tb_next, frame code names (deterministic parts only).
def level3():
    raise ValueError("deep")
def level2():
    level3()
def level1():
    level2()
try:
    level1()
except ValueError as e:
    tb = e.__traceback__
    names = []
    lines = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(names, lines)
    print(type(e.__traceback__).__name__, e.__traceback__.tb_frame.f_code.co_filename.endswith(".py"))
e2 = ValueError("fresh")
print(e2.__traceback__, e2.__context__, e2.__cause__, e2.__suppress_context__)
try:
    raise e2
except ValueError:
    pass
print(e2.__traceback__ is not None, e2.__traceback__.tb_lineno)
print(e2.with_traceback(None).__traceback__)
def reraiser():
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise z
try:
    reraiser()
except ZeroDivisionError as z:
    t = z.__traceback__
    count = 0
    while t:
        count += 1
        t = t.tb_next
    print("frames in traceback:", count)
try:
    e2.__traceback__ = 5
except TypeError as err:
    print("TypeError", err)
import sys
try:
    level3()
except ValueError:
    print(sys.exc_info()[2].tb_next.tb_frame.f_code.co_name)

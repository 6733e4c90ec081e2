# Execution order of try/except/else/finally including return/break/continue inside finally.
def f(mode):
    out = []
    try:
        out.append("try")
        if mode == "raise":
            raise ValueError("x")
        if mode == "return":
            return out + ["returned from try"]
    except ValueError:
        out.append("except")
    else:
        out.append("else")
    finally:
        out.append("finally")
    out.append("after")
    return out
for m in ("ok", "raise", "return"):
    print(m, f(m))
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def finally_swallows():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
            break
    return "swallowed, i=%d" % i
print(finally_swallows())
def return_value_evaluated_first():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(return_value_evaluated_first())
def nested():
    log = []
    try:
        try:
            log.append("inner try")
            raise IndexError("i")
        finally:
            log.append("inner finally")
    except IndexError:
        log.append("outer except")
    finally:
        log.append("outer finally")
    return log
print(nested())
def raise_in_finally():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
try:
    raise_in_finally()
except TypeError as e:
    print("TypeError", e, "context:", repr(e.__context__))
def else_raises():
    try:
        pass
    except Exception:
        return "except"
    else:
        raise RuntimeError("from else")
try:
    else_raises()
except RuntimeError as e:
    print("RuntimeError", e)
i = 0
while True:
    try:
        i += 1
        if i == 3:
            break
    finally:
        print("finally in loop", i)

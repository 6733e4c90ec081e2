# NameError / UnboundLocalError messages: locals referenced before assignment, deleted names, free variables, class scopes, suggestions.
def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def g():
    y = 1
    del y
    return y
try:
    g()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def h():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 3
    return inner()
print(h())
def k():
    w = 1
    def inner():
        nonlocal w
        del w
    inner()
    try:
        return w
    except NameError as e:
        print(type(e).__name__, e)
k()
try:
    undefined_name_here
except NameError as e:
    print(type(e).__name__, e, e.name)
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
counter = 0
def bump():
    try:
        counter += 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
bump()
class C:
    a = 1
    try:
        b = [a for _ in range(1)]
    except NameError as e:
        print(type(e).__name__, e)
try:
    print(C.nope)
except AttributeError as e:
    print(type(e).__name__, e, e.name, e.obj is C)
def uses_global():
    global gx
    try:
        return gx
    except NameError as e:
        print(type(e).__name__, e)
uses_global()
try:
    exec("print(q)", {})
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("missing + 1", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("len([])", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
print(issubclass(UnboundLocalError, NameError), NameError("m", name="n").name)

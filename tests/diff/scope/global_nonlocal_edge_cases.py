# global/nonlocal edge cases: global in nested functions, in exec, declared after use errors via compile().
x = "module"
def outer():
    x = "outer local"
    def inner():
        global x
        return x
    return inner()
print(outer())
def set_global_from_nested():
    def inner():
        global created_later
        created_later = "made in inner"
    inner()
set_global_from_nested()
print(created_later)
ns = {}
exec("global g\ng = 5\ndef f():\n    global g\n    g += 1\n    return g\nprint(f(), f())", ns)
print(ns["g"])
for src in ("def f():\n    x = 1\n    global x\n", "def f():\n    nonlocal q\n", "nonlocal x\n",
            "def f(a):\n    global a\n", "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n"):
    try:
        compile(src, "<src>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def reset():
        nonlocal n
        n = 0
    return inc, reset
inc, reset = counter()
print(inc(), inc(), reset(), inc())
def shadow_loop():
    total = 0
    for total in range(3):
        pass
    return total
print(shadow_loop())
class K:
    global class_global
    class_global = "from class body"
print(class_global)
def del_global():
    global x
    del x
del_global()
try:
    print(x)
except NameError as e:
    print("NameError", e)

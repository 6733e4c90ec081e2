# global and nonlocal declarations, UnboundLocalError from assignment after read.
g = "global value"
def read_global():
    return g
def write_global():
    global g, newname
    g = "changed"
    newname = "created"
print(read_global())
write_global()
print(g, newname)
def shadow():
    g = "local"
    return g
print(shadow(), g)
def unbound():
    try:
        print(g)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    g = 1
unbound()
def outer():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x += 10
        inner()
        return x
    r = mid()
    return r, x
print(outer())
def nl_unbound():
    def f():
        nonlocal y
        return y
    try:
        return f()
    except NameError as e:
        return "NameError " + str(e)
    y = 5
print(nl_unbound())
def aug_unbound():
    total = 0
    def add():
        try:
            total += 1
        except UnboundLocalError as e:
            print("UnboundLocalError", e)
    add()
    return total
print(aug_unbound())
x = 0
def loop_global():
    global x
    for x in range(3):
        pass
loop_global()
print(x)
class C:
    y = 1
    def m(self):
        try:
            return y
        except NameError as e:
            return "NameError " + str(e)
print(C().m())

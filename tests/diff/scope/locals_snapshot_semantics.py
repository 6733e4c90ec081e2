# locals() in functions: one dict per frame refreshed on each call, deleted locals removed, names bound by exec kept, f_locals writes overwritten.
def f():
    a = 1
    l1 = locals()
    b = 2
    l2 = locals()
    print(l1 is l2, sorted(l1), sorted(l2))
    del a
    print(sorted(locals()))
    exec("c = 3")
    print(sorted(locals()))
f()
def g():
    v = 1
    def h():
        return v
    print(sorted(locals()))
g()
import sys
def k():
    q = 5
    fr = sys._getframe()
    fr.f_locals["q"] = 99
    return q, fr.f_locals["q"]
print(k())
print(sorted(locals().keys())[:3], locals() is globals())
class C:
    z = 1
    print(sorted(k for k in locals() if not k.startswith("__")))
def with_cells():
    shared = 1
    def reader():
        return shared
    snapshot = locals()
    shared = 2
    return sorted(snapshot), snapshot["shared"], sorted(locals()), locals()["shared"]
print(with_cells())

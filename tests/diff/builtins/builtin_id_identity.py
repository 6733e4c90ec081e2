# id() only through comparisons: identity of the same object, distinct live objects, small int/str sharing is not printed.
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c), type(id(a)).__name__, id(a) > 0)
print(a is b, a is not c, id(None) == id(None), id(True) == id(True), id(int) == id(int))
x = object()
ids = {id(x)}
ids.add(id(x))
print(len(ids))
objs = [object() for _ in range(5)]
print(len(set(map(id, objs))))
class C:
    pass
o = C()
print(id(o) == id(o), id(C) == id(type(o)), id(o.__class__) == id(C))
t = (1, 2)
print(id(a) == id(a[:]), id(t) == id(t))
print(id(len) == id(len), id(print) == id(__builtins__.print if hasattr(__builtins__, "print") else print))
f = lambda: 0
print(id(f) == id(f), id(f) in {id(f)})
m = o.__init__
print(id(m) == id(m), (id(o) % 1) == 0)

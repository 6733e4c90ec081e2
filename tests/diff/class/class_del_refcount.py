# __del__ runs when the last reference goes away (reference counting), in a deterministic order.
# stderr: expected (CPython reports the exception ignored in __del__ there)
class Tracked:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("delete", self.name)
a = Tracked("a")
b = a
del a
print("after del a (b still refers)")
del b
print("after del b")
def scope():
    t = Tracked("local")
    print("leaving scope")
scope()
print("after scope")
lst = [Tracked("in list 1"), Tracked("in list 2")]
lst.pop(0)
print("popped")
lst.clear()
print("cleared")
x = Tracked("rebound")
x = Tracked("replacement")
print("rebound done")
d = {"k": Tracked("dict value")}
d["k"] = None
print("dict value replaced")
class Raises:
    def __del__(self):
        raise ValueError("ignored in __del__")
r = Raises()
del r
print("exception in __del__ is not propagated")
def make():
    return Tracked("temporary")
make()
print("temporary discarded")
del x
print("end")

# None, NotImplemented and Ellipsis.
print(None, repr(None), str(None), type(None).__name__, None is None, None == None)
print(None != 0, None == False, bool(None), [None] * 2)
def f():
    pass
print(f(), f() is None)
print(NotImplemented, type(NotImplemented).__name__, Ellipsis, ..., ... is Ellipsis, type(...).__name__)
print((1).__eq__("a"), (1).__add__("a"))
try:
    None.foo
except AttributeError as e:
    print("AttributeError", e)
try:
    n = None
    n()
except TypeError as e:
    print("TypeError", e)
try:
    None + 1
except TypeError as e:
    print("TypeError", e)
try:
    len(None)
except TypeError as e:
    print("TypeError", e)
try:
    for x in None:
        pass
except TypeError as e:
    print("TypeError", e)
try:
    n = None
    n[0]
except TypeError as e:
    print("TypeError", e)
print(type(None)() is None, hash(None) == hash(None))
x = None
print("none" if x is None else "some", x or "default")

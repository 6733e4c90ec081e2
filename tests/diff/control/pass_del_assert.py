# pass, del of names/attributes/items, assert with and without message.
def f():
    pass
class C:
    pass
print(f(), C.__name__)
x = 1
y = [1, 2, 3]
z = {"k": 1}
o = C()
o.a = 5
del x, y[0], z["k"], o.a
print(y, z, hasattr(o, "a"))
try:
    del o.a
except AttributeError as e:
    print("AttributeError", e)
try:
    x
except NameError as e:
    print("NameError", e)
def g():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError " + str(e)
print(g())
assert True
assert 1 == 1, "never"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert False, "custom message %d" % 42
except AssertionError as e:
    print("AssertionError", e)
try:
    assert [], ["list", "msg"]
except AssertionError as e:
    print("AssertionError", e.args)
(a, b) = [c, d] = 1, 2
del (a, b), [c]
print(d)
try:
    del nothere
except NameError as e:
    print("NameError", e)

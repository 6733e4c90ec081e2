# bool is an int subclass; and/or/not return operands; truthiness of builtins.
print(True, False, True + True, True * 10, -True, True / 2)
print(isinstance(True, int), type(True).__name__, bool.__mro__[1].__name__)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("a"), bool([]), bool([0]))
print(bool(()), bool({}), bool({0: 0}), bool(set()), bool(None), bool(range(0)), bool(range(1)))
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "x", None or 0, [] and [1])
print(not 1, not 0, not "", not None, not not [1])
print(str(True), repr(False), int(True), float(False), f"{True}", "%d" % True)
print(True == 1, hash(True) == hash(1), True & True, True | False)
print(bool("False"), bool(0j), bool(1j), bool(b""), bool(b"\x00"))
print(sum([True, True, False, True]), max(True, 2), [1, 2, 3][True])
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
print(bool(), bool.__name__, True.__class__ is bool, (True).real, (True).numerator)
def side(v):
    print("eval", v)
    return v
print(side(0) and side(1))
print(side(1) or side(2))
print(side(1) and side(0) or side(3))

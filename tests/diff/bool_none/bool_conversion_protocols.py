# bool() uses __bool__, then __len__, else True; errors for bad __bool__ results; bool() in conditions.
class Empty:
    pass
class LenOnly:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class BoolAndLen:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class BoolNone:
    __bool__ = None
print(bool(Empty()), bool(LenOnly(0)), bool(LenOnly(3)), bool(BoolAndLen()), len(BoolAndLen()))
try:
    bool(BoolNone())
except TypeError as e:
    print("TypeError", e)
class BadBool:
    def __bool__(self):
        return "yes"
for thing in (BadBool(),):
    try:
        bool(thing)
    except TypeError as e:
        print("TypeError", e)
    try:
        print("and" if thing and True else "no")
    except TypeError as e:
        print("TypeError", e)
class NegLen:
    def __len__(self):
        return -1
try:
    bool(NegLen())
except ValueError as e:
    print("ValueError", e)
print(bool(x for x in []), bool(iter([])), bool(range(0)), bool(0.0j), bool(-0.0), bool(b"\0"))
print(True + 0, True * 1.5, True ** 10, True // True, True % 2, -True, ~False, int(True) == 1)
print(bool.__new__(bool, 5), bool(1) is True, bool(0) is False, bool("") is False, [] == False, not [])
print(True is not False, (True, False) == (1, 0), {True: "a", 1: "b"}, str(True).lower(), repr(False))

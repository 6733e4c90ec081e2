# __repr__/__str__/__format__ and their defaults and fallbacks; errors for non-str results.
class Both:
    def __repr__(self):
        return "Both()"
    def __str__(self):
        return "both as str"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "str only"
b, r = Both(), ReprOnly()
print(b, repr(b), str(b), [b], (b,), {"k": b}, f"{b}", f"{b!r}", "%s %r" % (b, b))
print(r, str(r), [r], format(r), f"{r:}")
s = StrOnly()
print(s, repr(s).startswith("<__main__.StrOnly object at "))
class Fmt:
    def __format__(self, spec):
        return "spec=" + repr(spec)
print(format(Fmt()), format(Fmt(), "xyz"), f"{Fmt():>10}", "{:abc}".format(Fmt()))
try:
    format(r, "10")
except TypeError as e:
    print("TypeError", e)
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError", e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError", e)
class BadFormat:
    def __format__(self, spec):
        return 1
try:
    format(BadFormat())
except TypeError as e:
    print("TypeError", e)
class SubInt(int):
    def __repr__(self):
        return "SubInt!"
print(SubInt(5), str(SubInt(5)), f"{SubInt(5)}", f"{SubInt(5):03}", "%d" % SubInt(5))
class SubStr(str):
    def __str__(self):
        return "overridden"
print(SubStr("x"), str(SubStr("x")), f"{SubStr('x')}", "%s" % SubStr("x"))
print(object.__format__(r, ""), repr(Fmt).startswith("<class '__main__.Fmt'>"))

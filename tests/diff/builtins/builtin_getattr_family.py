# getattr/hasattr/setattr/delattr with defaults, dynamic names, and error messages.
class C:
    cls_attr = "class"
o = C()
setattr(o, "x", 1)
setattr(o, "with space", 2)
print(getattr(o, "x"), getattr(o, "with space"), getattr(o, "cls_attr"), getattr(o, "nope", None))
print(hasattr(o, "x"), hasattr(o, "nope"), hasattr(C, "cls_attr"), hasattr(5, "real"), hasattr(None, "x"))
delattr(o, "x")
print(hasattr(o, "x"), sorted(vars(o)))
for f in (lambda: getattr(o, "missing"), lambda: delattr(o, "missing"), lambda: getattr(o, 1),
          lambda: setattr(o, 1, 2), lambda: getattr(o), lambda: setattr(5, "x", 1), lambda: delattr(C, "nope"),
          lambda: setattr(object(), "a", 1), lambda: getattr(1, "x")):
    try:
        print(f())
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
setattr(C, "added", lambda self: "method added with setattr")
print(o.added(), getattr(o, "added")())
print(getattr(str, "upper")("x"), getattr([], "__len__")(), getattr(1, "__add__")(2))
class Prop:
    @property
    def p(self):
        raise ValueError("property failed")
try:
    hasattr(Prop(), "p")
except ValueError as e:
    print("hasattr propagates non-AttributeError:", e)
print(getattr(Prop, "p").__class__.__name__)

# BaseException.add_note, __notes__ list, errors for non-str notes, notes on groups.
e = ValueError("base")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__, str(e), e.args)
try:
    e.add_note(5)
except TypeError as err:
    print("TypeError", err)
try:
    try:
        raise KeyError("k")
    except KeyError as err:
        err.add_note("added while handling")
        raise
except KeyError as err:
    print(err.__notes__)
g = ExceptionGroup("g", [ValueError(1)])
g.add_note("group note")
print(g.__notes__, g.subgroup(ValueError).__notes__, g.derive([]).__dict__ if False else "ok")
sub = g.split(ValueError)[0]
print(sub.__notes__, sub is g)
e.__notes__ = ["replaced"]
e.add_note("appended")
print(e.__notes__)
e2 = TypeError()
e2.__notes__ = "not a list"
try:
    e2.add_note("x")
except TypeError as err:
    print("TypeError", err)
del e.__notes__
print(hasattr(e, "__notes__"))
e.add_note("after delete")
print(e.__notes__, len(e.__notes__))

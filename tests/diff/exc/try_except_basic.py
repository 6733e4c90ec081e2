# try/except matching by class, tuples, base classes, bare except, exception variable cleanup.
def risky(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {}["k"]
    if kind == "index":
        return [][0]
    if kind == "type":
        return 1 + "a"
    if kind == "value":
        return int("x")
    if kind == "attr":
        return None.x
    return "ok"
for k in ("zero", "key", "index", "type", "value", "attr", "none"):
    try:
        print(risky(k))
    except ZeroDivisionError as e:
        print("zero:", e)
    except (KeyError, IndexError) as e:
        print("lookup:", type(e).__name__, e)
    except ArithmeticError:
        print("never: arithmetic")
    except Exception as e:
        print("other:", type(e).__name__, e)
try:
    raise ValueError("v")
except:
    print("bare except caught")
e = "before"
try:
    raise KeyError("x")
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError", err)
try:
    try:
        raise TypeError("inner")
    except ValueError:
        print("wrong handler")
except TypeError as e:
    print("outer caught", e)
try:
    raise LookupError("base")
except (IndexError, KeyError):
    print("not here")
except LookupError as e:
    print("LookupError", e)
try:
    [][1]
except LookupError as e:
    print(type(e).__name__, isinstance(e, LookupError), e.args)

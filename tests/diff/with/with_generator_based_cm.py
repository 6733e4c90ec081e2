# Hand-written generator-based context manager (like contextlib.contextmanager, without importing it).
class GenCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw")
def cm(fn):
    def w(*a):
        return GenCM(fn(*a))
    return w
@cm
def tag(name):
    print("<%s>" % name)
    try:
        yield name
    finally:
        print("</%s>" % name)
with tag("html"):
    with tag("body") as t:
        print("content in", t)
@cm
def suppress(*types):
    try:
        yield
    except types as e:
        print("suppressed", type(e).__name__)
with suppress(KeyError, IndexError):
    [][0]
print("continued")
try:
    with suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("ValueError", e)
try:
    with tag("err"):
        raise TypeError("in body")
except TypeError as e:
    print("TypeError", e)

# Function attributes: __name__, __qualname__, __doc__, __defaults__, __dict__, __module__, annotations.
def outer():
    def inner(x: int, y: "str" = "d") -> bool:
        "inner doc"
        return True
    return inner
f = outer()
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__module__)
print(f.__annotations__)
f.custom = 42
print(f.custom, f.__dict__)
def nodoc():
    pass
print(nodoc.__doc__, nodoc.__defaults__, nodoc.__kwdefaults__, nodoc.__annotations__)
nodoc.__name__ = "renamed"
print(nodoc.__name__, nodoc.__qualname__)
print(callable(f), callable(5), type(f).__name__)
print(f.__code__.co_name, f.__code__.co_varnames, f.__code__.co_argcount)
class K:
    def meth(self):
        pass
    @staticmethod
    def st():
        pass
print(K.meth.__qualname__, K.st.__qualname__, K().meth.__name__, K().meth.__func__ is K.meth)
print(K().meth.__self__.__class__.__name__)
lam = lambda: 0
print(lam.__name__, lam.__qualname__)
try:
    f.__name__ = 5
except TypeError as e:
    print("TypeError", e)
def annotated(a: int, *args: str, b: float = 1.0, **kw: bool) -> None:
    pass
print(annotated.__annotations__)

# Function and class decorators, stacking order, decorators with arguments, preserving attributes by hand.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args)
        return fn(*args, **kwargs)
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(1, 2), add.__name__, add.__wrapped__(3, 4))
def tag(label):
    print("making decorator", label)
    def deco(fn):
        print("decorating", fn.__name__, "with", label)
        def w():
            return label + "(" + fn() + ")"
        return w
    return deco
@tag("outer")
@tag("inner")
def base():
    return "base"
print(base())
registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class Plugin:
    pass
print(registry, Plugin.registered)
def replace_with_value(fn):
    return 42
@replace_with_value
def gone():
    pass
print(gone)
@(lambda f: f)
def identity_decorated():
    return "expr decorator"
print(identity_decorated())
decos = [trace]
@decos[0]
def sub():
    return "subscript decorator"
print(sub())
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))

# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def bad():
    yield 1
    raise StopIteration("inside")
g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", e, "cause:", repr(e.__cause__))
def uses_next():
    it = iter([])
    yield next(it)
try:
    list(uses_next())
except RuntimeError as e:
    print("RuntimeError", e)
def ok():
    it = iter([1])
    yield next(it)
    yield next(it, "default")
print(list(ok()))
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("plain iterator is fine")
print(list(It()))
try:
    print(list(x for x in [1] if next(iter([]))))
except RuntimeError as e:
    print("genexp RuntimeError", e)
try:
    print([x for x in [1] if next(iter([]))])
except StopIteration:
    print("list comprehension lets StopIteration through")
def returns_early():
    yield 1
    return
    yield 2
print(list(returns_early()))
def gen_frame_state():
    yield 1
gs = gen_frame_state()
print(gs.gi_running, gs.gi_frame is not None)
list(gs)
print(gs.gi_frame)

# iter() with one and two arguments, next() with default, iterator exhaustion, errors.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
vals = [3, 2, 1, 0, 5]
pos = iter(vals).__next__
print(list(iter(pos, 0)))
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError", e)
print(type(iter("")).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter({})).__name__)
print(type(iter(set())).__name__, type(iter(range(3))).__name__, type(iter({}.values())).__name__)
print(type(iter(bytes())).__name__, type(iter(iter([]))).__name__, type(iter(lambda: 1, 2)).__name__)
r = iter(range(3))
print(list(r), list(r))
d = iter({"a": 1, "b": 2}.items())
print(next(d), list(d))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(4)), next(Countdown(0), "empty"))
print(iter([]).__length_hint__(), iter([1, 2, 3]).__length_hint__(), iter(range(10)).__length_hint__())

# __iter__ implemented as a generator, generator methods, independent iterators over one object.
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)
    def leaves(self):
        if not self.children:
            yield self.value
        for c in self.children:
            yield from c.leaves()
t = Tree(1, [Tree(2, [Tree(4), Tree(5)]), Tree(3, [Tree(6)])])
print(list(t), list(t.depth_first()), list(t.leaves()), sum(t), max(t))
it1, it2 = iter(t), iter(t)
print(next(it1), next(it1), next(it2))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
    def __reversed__(self):
        return (self.n - 1 - i for i in range(self.n))
r = Range2(4)
print(list(r), list(reversed(r)), 3 in r, 4 in r, [x * y for x in r for y in r if x < y])
print(type(iter(r)).__name__, iter(r).__qualname__, t.depth_first.__name__)
g = t.leaves()
print(g.gi_code.co_name, g.gi_running, list(g), g.gi_frame)
def gen_attrs():
    yield
print(gen_attrs.__code__.co_flags & 0x20 != 0, type(gen_attrs).__name__)
class Fib:
    def __iter__(self):
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
fib_iter = iter(Fib())
print([next(fib_iter) for _ in range(10)], next(iter(Fib())))
print(list(zip(Range2(3), t)), dict(zip(t, Range2(6))))

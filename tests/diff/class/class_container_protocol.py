# __len__/__getitem__/__setitem__/__delitem__/__contains__/__iter__/__reversed__ on a custom class.
class Grid:
    def __init__(self):
        self.data = {}
    def __setitem__(self, key, value):
        print("setitem", key, value)
        self.data[key] = value
    def __getitem__(self, key):
        if isinstance(key, slice):
            return "slice(%r, %r, %r)" % (key.start, key.stop, key.step)
        return self.data[key]
    def __delitem__(self, key):
        print("delitem", key)
        del self.data[key]
    def __len__(self):
        return len(self.data)
    def __iter__(self):
        return iter(sorted(self.data))
    def __reversed__(self):
        return iter(sorted(self.data, reverse=True))
    def __contains__(self, key):
        return key in self.data
g = Grid()
g[0, 0] = "origin"
g[1, 2] = "x"
print(g[0, 0], g[1:2], g[::2], len(g), (1, 2) in g, (5, 5) in g, list(g), list(reversed(g)))
del g[0, 0]
print(len(g), bool(g))
try:
    g[9, 9]
except KeyError as e:
    print("KeyError", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError", e)
class FloatLen:
    def __len__(self):
        return 1.5
try:
    len(FloatLen())
except TypeError as e:
    print("TypeError", e)
class HugeLen:
    def __len__(self):
        return 2 ** 70
try:
    len(HugeLen())
except OverflowError as e:
    print("OverflowError", e)
class NoSet:
    def __getitem__(self, k):
        return k
try:
    NoSet()[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    del NoSet()[0]
except TypeError as e:
    print("TypeError", e)
try:
    len(NoSet())
except TypeError as e:
    print("TypeError", e)
print(bool(Grid()), reversed(NoSet) if False else "ok")

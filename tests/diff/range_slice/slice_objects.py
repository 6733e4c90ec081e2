# slice objects: attributes, indices(), use in subscription, equality, __getitem__ receiving slices.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(5), slice(-3, None).indices(10), slice(None, None, -1).indices(4), slice(100, -100, -3).indices(10))
print(list(range(10))[s], "abcdefghijk"[s], (1, 2, 3, 4)[slice(None, None, -1)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3))
class Probe:
    def __getitem__(self, item):
        return item
p = Probe()
print(p[1], p[1:2], p[::3], p[1:2, 3], p[...], p[:, None], p["k"], p[1:2:3])
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print("ValueError", e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print("ValueError", e)
try:
    [1, 2][slice("a", None)]
except TypeError as e:
    print("TypeError", e)
a = list(range(6))
a[slice(1, 3)] = ["x"]
print(a)
del a[slice(None, None, 2)]
print(a)
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abcd"[Idx():], list(range(10))[Idx():8:Idx()])
try:
    hash(slice(1))
except TypeError as e:
    print("TypeError", e)

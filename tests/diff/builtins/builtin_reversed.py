# reversed() over sequences, ranges, dicts, custom __reversed__ and __len__/__getitem__; errors.
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(5))))
print(list(reversed(range(1, 10, 3))), list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "item%d" % i
print(list(reversed(Seq())))
class Custom:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Custom())))
for bad in ({1, 2}, 5, iter([1]), (x for x in [])):
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError", e)
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
try:
    reversed(NoRev())
except TypeError as e:
    print("TypeError", e)
r = reversed([1, 2, 3])
print(next(r), r.__length_hint__(), list(r))
print(type(reversed([])).__name__, type(reversed(range(1))).__name__, type(reversed("x")).__name__)

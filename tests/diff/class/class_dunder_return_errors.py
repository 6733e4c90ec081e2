# Dunder methods returning the wrong type: CPython's TypeError/ValueError messages for __len__, __bool__, __hash__, __repr__, __str__, __iter__, __index__, __int__, __float__.
class Bad:
    def __init__(self, v):
        self.v = v
    def __len__(self):
        return self.v
    def __hash__(self):
        return self.v
    def __repr__(self):
        return self.v
    def __str__(self):
        return self.v
    def __index__(self):
        return self.v
    def __int__(self):
        return self.v
    def __float__(self):
        return self.v
    def __iter__(self):
        return self.v
    def __complex__(self):
        return self.v
    def __bytes__(self):
        return self.v
    def __format__(self, spec):
        return self.v
for v in [-1, "s", 2 ** 70, 1.5, None]:
    b = Bad(v)
    for name, f in [("len", len), ("hash", hash), ("repr", repr), ("str", str), ("index", lambda x: [0, 1, 2][x]), ("int", int), ("float", float), ("iter", iter), ("complex", complex), ("bytes", bytes), ("format", format), ("bool", bool), ("hex", hex)]:
        try:
            r = f(b)
            print(v, name, "ok", repr(r)[:30])
        except Exception as e:
            print(v, name, type(e).__name__, e)
class BoolBad:
    def __bool__(self):
        return 1
try:
    bool(BoolBad())
except TypeError as e:
    print("TypeError", e)
try:
    if BoolBad():
        pass
except TypeError as e:
    print("TypeError", e)
class LenOnly:
    def __len__(self):
        return 0
print(bool(LenOnly()), not LenOnly())
class GetItemSeq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(GetItemSeq()), 20 in GetItemSeq(), 5 in GetItemSeq(), list(reversed([1, 2])), iter(GetItemSeq()).__class__.__name__)
class Sentinel:
    n = 0
    def __call__(self):
        Sentinel.n += 1
        return Sentinel.n
print(list(iter(Sentinel(), 4)))
try:
    iter(1, 2)
except TypeError as e:
    print("TypeError", e)
class NoIter:
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print("TypeError", e)
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError", e)
class NotReversible:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
try:
    reversed(NotReversible())
except TypeError as e:
    print("TypeError", e)

# hash() of builtins: numeric hash equality across types, unhashable containers, custom __hash__.
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(2 ** 100) == hash(float(2 ** 100)), hash(0.5) == hash(1 / 2), hash(-1) == -2, hash(-2))
print(hash((1, 2)) == hash((1.0, 2.0)), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash("abc") == hash("abc"), hash(b"abc") == hash("abc".encode()), hash("") == hash(""))
for v in ([], {}, set(), bytearray(), [1], {1: 2}.keys() if False else slice(1)):
    try:
        hash(v)
    except TypeError as e:
        print("TypeError", e)
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
print(hash(H(5)), hash(H(-1)), hash(H(2 ** 64)) == hash(2 ** 64), hash(H(True)))
class Float:
    def __hash__(self):
        return 1.5
try:
    hash(Float())
except TypeError as e:
    print("TypeError", e)
print(type(hash(object())).__name__, hash(None) == hash(None), hash(int) == hash(int))
print(hash(complex(0, 0)) == 0, hash(range(0)) == hash(range(5, 5)), hash((None,)) == hash((None,)))

# len() of every builtin container and custom __len__ results.
vals = ["", "abc", "é€", b"ab", bytearray(3), [], [1, [2]], (), (1,), {}, {"a": 1}, set(), {1, 2},
        frozenset("aab"), range(10), range(0, 10, 3), range(10 ** 18), {}.keys(), {"a": 1}.items(), memoryview(b"abc")]
for v in vals:
    print(type(v).__name__, len(v))
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(L(0)), len(L(10 ** 9)), len(L(True)))
class IndexLen:
    def __len__(self):
        class I:
            def __index__(self):
                return 7
        return I()
try:
    print(len(IndexLen()))
except TypeError as e:
    print("TypeError", e)
for bad in (5, None, iter([]), 1.5):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError", e)

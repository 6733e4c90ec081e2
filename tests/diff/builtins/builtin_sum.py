# sum(): ints, floats (with its compensated precision in 3.11? no: plain left-to-right), start, errors.
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10), sum([0.5, 0.25]), sum([1, 2.5]))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([2 ** 64, 2 ** 64]), sum([True, True]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1j, 2]), sum(x / 2 for x in range(5)))
for f in (lambda: sum(["a", "b"]), lambda: sum(["a"], ""), lambda: sum([b"a"], b""), lambda: sum([bytearray(b"a")], bytearray()),
          lambda: sum(5), lambda: sum([1, "a"]), lambda: sum([[1]])):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
class Acc:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Acc(self.v + (o.v if isinstance(o, Acc) else o))
    def __radd__(self, o):
        return Acc(o + self.v)
print(sum([Acc(1), Acc(2)]).v, sum([Acc(1)], Acc(10)).v, sum([1, 2], start=5))
print(sum(range(10 ** 6)), sum(float(i) for i in range(1000)))

# for loops drive __iter__/__next__ and the old __getitem__ protocol; StopIteration ends loops.
class Count:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        print("iter called")
        return self
    def __next__(self):
        if self.i >= self.n:
            print("stop")
            raise StopIteration
        self.i += 1
        return self.i
for v in Count(3):
    print("got", v)
class Seq:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError("done")
        return i * 100
print(list(Seq()), [x for x in Seq()])
class BadIter:
    def __iter__(self):
        return 5
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print("TypeError", e)
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError", e)
it = iter(Count(2))
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration raised by next")
c = Count(5)
for x in c:
    if x == 2:
        break
print("resumed", list(c))
def cb():
    cb.n += 1
    return cb.n
cb.n = 0
print(list(iter(cb, 4)))

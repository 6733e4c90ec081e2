# Iterating while mutating lists, list iterators, reversed() over lists.
a = [1, 2, 3, 4, 5, 6]
for x in a:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [1, 2, 3]
out = []
for x in b:
    out.append(x)
    if len(b) < 6:
        b.append(x * 10)
print(out, b)
it = iter([1, 2, 3])
print(next(it), list(it), list(it), next(it, "end"))
c = [1, 2, 3]
r = reversed(c)
c.append(4)
print(list(r))
c = [1, 2, 3]
r = reversed(c)
c.pop()
c.pop()
print(list(r))
lst = [0, 1, 2]
it = iter(lst)
next(it)
lst[:] = []
print(list(it))
print(list(reversed([])), list(enumerate(reversed("ab"))))
i = iter([1])
print(next(i), next(i, None), type(iter([])).__name__, type(reversed([])).__name__)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))
w = [1, 2, 3]
while w:
    print("popped", w.pop())

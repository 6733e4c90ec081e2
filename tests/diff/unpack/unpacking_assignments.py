# Tuple/list unpacking, starred targets, nested targets, swaps, errors with exact messages.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
head, *mid, tail = range(5)
print(first, rest, init, last, head, mid, tail)
(x, y), z = (1, 2), 3
[p, [q, *r]], s = [0, [1, 2, 3]], 4
print(x, y, z, p, q, r, s)
*everything, = 1, 2
print(everything)
a = b = c = [0]
print(a is b is c)
i, j = j, i = 1, 2
print(i, j)
for args in [(1,), (1, 2, 3), (), 5]:
    try:
        m, n = args
        print(m, n)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a, b, *c = [1]
except ValueError as e:
    print("ValueError", e)
d = {"k1": 1, "k2": 2}
k1, k2 = d
print(k1, k2, *d.values())
lst = [0, 0, 0]
lst[0], lst[2] = "a", "c"
print(lst)
class O:
    pass
o = O()
o.a, o.b = "x", "y"
print(o.a, o.b)
n1, (n2, n3) = "ab", "cd"
print(n1, n2, n3)
def g():
    yield 1
    yield 2
u, v = g()
print(u, v)

# Tuple creation, packing/unpacking, immutability, methods, comparisons, hashing.
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t + (4,), t * 2, (), (1,), tuple("ab"), tuple([1, 2]))
a, b, c = t
print(a, b, c)
x = 1, 2
print(x, type(x).__name__)
print(t.count(2), t.index(3), (1, 2, 1).count(1), (1, 2, 1).index(1, 1))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
try:
    t.index(9)
except ValueError as e:
    print("ValueError", e)
try:
    t + [4]
except TypeError as e:
    print("TypeError", e)
try:
    a, b = t
except ValueError as e:
    print("ValueError", e)
try:
    a, b, c, d = t
except ValueError as e:
    print("ValueError", e)
print(hash((1, 2)) == hash((1, 2)), (1, 2) < (1, 3), (1, (2, 3)) == (1, (2, 3)))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
m = ([1], 2)
m[0].append(5)
print(m)
try:
    m[0] += [6]
except TypeError as e:
    print("TypeError", e)
print(m)
print(tuple(), (1, 2) * 0, 3 in t, t.__len__(), repr((None,)), (1, 2)[::-1])

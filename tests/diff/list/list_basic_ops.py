# List creation, indexing, concatenation, repetition, membership, len.
a = [1, 2, 3]
print(a, len(a), a[0], a[-1], a + [4], a * 2, [0] * 3, 2 in a, [] == [], [1, [2, [3]]])
a[0] = 10
a[-1] = 30
print(a)
print(list(), list("ab"), list(range(3)), list((1, 2)), list({1: 2}), [*a, *"xy"])
b = a
b += [4]
print(a, a is b)
b = b + [5]
print(a, b)
a *= 2
print(a)
for i in (3, -7, 100):
    try:
        print(a[i])
    except IndexError as e:
        print("IndexError", e)
try:
    a[10] = 1
except IndexError as e:
    print("IndexError", e)
try:
    a + (1,)
except TypeError as e:
    print("TypeError", e)
try:
    a["0"]
except TypeError as e:
    print("TypeError", e)
nested = [[0] * 2] * 2
nested[0][0] = 9
print(nested)
print([1, 2] * -1, [None] * 0, a.__len__(), list.__name__)

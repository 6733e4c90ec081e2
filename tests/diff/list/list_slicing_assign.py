# Slice reads, slice assignment (growing/shrinking), extended slice assignment, del.
a = list(range(10))
print(a[2:5], a[::3], a[::-1], a[-3:], a[8:2:-2])
a[2:5] = ["x"]
print(a)
a[1:1] = [100, 200]
print(a)
a[:] = a[::-1]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
del a[::3]
print(a)
del a[1]
del a[-2:]
print(a)
a[len(a):] = "ab"
print(a)
try:
    a[0:1] = 5
except TypeError as e:
    print("TypeError", e)
b = [1, 2, 3]
b[1:2] = b
print(b)
c = [1, 2, 3, 4]
c[3:1] = ["ins"]
print(c)
c[-100:1] = []
print(c)
try:
    del c[10]
except IndexError as e:
    print("IndexError", e)
d = [0, 1, 2, 3, 4, 5]
d[5:0:-2] = "abc"
print(d)

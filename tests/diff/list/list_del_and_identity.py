# del on names, items, slices; list containing itself; membership uses identity first.
a = [1, 2, 3, 4, 5]
del a[0]
print(a)
del a[1:3]
print(a)
del a[:]
print(a)
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)
n = float("nan")
lst = [n]
print(n in lst, lst.count(n), lst.index(n), [n] == [n], [float("nan")] == [float("nan")])
class E:
    def __eq__(self, o):
        print("eq called")
        return False
e = E()
print(e in [e], e in [E()])
print([1, 2, 3].__contains__(2), [].__len__())
y = [1, 2]
z = y
del y
print(z)
try:
    del z[5]
except IndexError as e:
    print("IndexError", e)

# Chained comparisons evaluate each operand once and short-circuit.
def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 0 == 0 <= 5 >= 5 != 4)
x = 5
print(0 <= x < 10, 0 <= x < 5, x in [5] in [[5]], x is not None is not False)
print("a" < "b" < "c", [1] < [2] <= [2, 0])
print((1 < 2) < 3, 1 < (2 < 3))
a = [1, 2]
print(a == a[:] is not a, 1 in a not in [[3]])

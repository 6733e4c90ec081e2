# Comparisons between ints, big ints, floats and bools.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1, 1 != 1)
print(2 ** 64 > 2 ** 63, -(2 ** 64) < -(2 ** 63), 2 ** 64 == 2 ** 64)
print(1 == 1.0, 1 < 1.5, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 < float("inf"))
print(1 == True, 0 == False, 2 == True, True > False)
print(0 < float("nan"), 0 > float("nan"), 0 == float("nan"), 0 != float("nan"))
print(max(3, 10 ** 20, -5), min(3, 10 ** 20, -5))
print(sorted([3, -1, 2 ** 65, -(2 ** 65), 0, 2.5]))
for expr in ("1 < 'a'", "1 < None", "[] < 1"):
    try:
        print(eval(expr))
    except TypeError as e:
        print("TypeError", e)
print(1 == "1", 1 != "1", None == 0)
print((1).__lt__(2), (1).__lt__(2.0), (1).__eq__("x"))

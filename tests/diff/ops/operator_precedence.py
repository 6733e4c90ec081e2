# Operator precedence and associativity across arithmetic, bitwise, comparison, boolean and lambda/if.
print(2 + 3 * 4 ** 2, (2 + 3) * 4 ** 2, -3 ** 2, (-3) ** 2, 2 ** -1, -2 ** -2)
print(1 + 2 << 3, 1 + (2 << 3), 5 & 3 | 4, 5 & (3 | 4), 6 ^ 3 & 1, (6 ^ 3) & 1, ~5 + 1, -~5)
print(1 < 2 == True, (1 < 2) == True, not 1 == 2, not (1 == 2), 1 if 0 else 2 if 1 else 3)
print(True or False and False, (True or False) and False, not True or True, not (True or True))
print(2 * 3 % 4, 2 * (3 % 4), 10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 100 / (10 / 5), 2 ** 2 ** 3)
print(3 | 4 == 7, (3 | 4) == 7, 1 + 1 in [2], "a" + "b" * 2, [1] * 2 + [3], -1 % 5 * 2)
f = lambda x: x + 1 if x > 0 else x - 1
print(f(5), f(-5), (lambda: 1 or 2)(), [x for x in range(5) if x % 2 or x == 0])
a = 5
print(a > 3 and a < 10, 3 < a < 10, a > 3 == True, (a > 3) is True, a & 1 == 1, (a & 1) == 1)
print(7 // 2 * 2 + 7 % 2, -7 // 2, -(7 // 2), 2 + -+-3, 1 - -1, 10 >> 1 + 1, (10 >> 1) + 1)
x = 0
x += 1 if x == 0 else 2
print(x, 1 in [1] == True, (1 in [1]) == True, None is None is not False)

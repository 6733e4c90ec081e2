# Float arithmetic, floor division and modulo signs, mixed int/float, overflow.
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2, -0.0 % 5, 0.0 % -5)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1.0, 0.1))
print(3 + 0.5, 3 * 0.5, 1 / 2.0, 2 ** 0.5, 10 ** -2)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
for expr in ("1.0 / 0", "1.0 // 0", "1.0 % 0", "divmod(1.0, 0)", "0.0 ** -1", "10.0 ** 400",
             "(-8.0) ** 0.5", "2.0 ** 10000"):
    try:
        print(expr, eval(expr))
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(expr, type(e).__name__, e)
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, inf / inf, -inf, inf > 1e308)
print(nan == nan, nan != nan, nan < 1, nan is nan)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15, round(0.1 + 0.2, 10) == 0.3)
x = 1.0
for _ in range(10):
    x = x * 1.5 - 0.25
print(x)
print(-0.0, 0.0 == -0.0, 1 / inf, -1 / inf)

# int / int is correctly rounded even for huge operands; int/float mixing; OverflowError messages.
print(1 / 3, 2 / 3, 10 ** 20 / 10 ** 19, (10 ** 400) / (10 ** 399), (2 ** 1100) / (2 ** 1000))
print((10 ** 30 + 1) / 10 ** 30, 123456789123456789 / 1000000007, -(10 ** 25) / 7)
print(2 ** 53 / 1, (2 ** 53 + 1) / 1, (2 ** 54 + 3) / 2, 1 / 2 ** 1074, 1 / 2 ** 1075, 3 / 2 ** 1076)
for a, b in [(10 ** 400, 1), (1, 10 ** 400), (-(10 ** 400), 3)]:
    try:
        print(a / b)
    except OverflowError as e:
        print("OverflowError", e)
print(7 // 2, 7.0 // 2, 7 // 2.0, -7 // 2.0, 7 % 2.5, type(7 / 7).__name__)
print(sum(1 / k for k in range(1, 100)), (1 << 60) / 3, 10 / 4 * 4)
print(1e308 / 1e-308 if False else 1e300 / 1e-5, 5 / -0.5, 0 / 5, -0 / 5, 0 / -5.0)
print(float(1 << 1023) / (1 << 1022), (1 << 2000) / (1 << 1999), 999999999999999999999 / 3)

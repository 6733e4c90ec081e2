# int<->float conversions at the edges: 2**53, rounding of huge ints, float->int truncation, comparisons.
print(float(2 ** 53), float(2 ** 53 + 1), float(2 ** 53 + 2), int(float(2 ** 53 + 1)))
print(float(2 ** 63), float(2 ** 64 - 1), int(1e18), int(1e19), int(1.7976931348623157e308) % 10 ** 9)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > 2.0 ** 53, 10 ** 16 + 1 > 1e16, 10 ** 16 + 1 == 1e16)
print(int(0.9999999999999999), int(-0.5), int(1e-300), int(123456789.987654321))
print(float(-(2 ** 1023)), float(2 ** 1023) * 2, (2 ** 1024 - 2 ** 970) / 1 if False else float(2 ** 1024 - 2 ** 971))
try:
    float(2 ** 1024 - 2 ** 970)
except OverflowError as e:
    print("OverflowError", e)
print(7 / 2, -7 / 2, 2 ** 64 / 2 ** 32, (10 ** 30) / (10 ** 10), 1 / 3 * 3 == 1, 2 ** 80 / 3)
print(int(2.5) == 2, 3 * 0.1 == 0.3, 0.1 * 3, 1e16 + 1, 1e16 + 2, 9007199254740993 / 1)
print((2 ** 1000 + 1) // 2 ** 999, 10 ** 20 // 3.0, 10 ** 20 % 7.0, -(10 ** 20) // 7.5)
print(round(2 ** 70 / 3), 5 // 0.3, 5 % 0.3, divmod(2 ** 60, 0.5))

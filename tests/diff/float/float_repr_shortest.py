# Shortest round-trip repr of floats, exponent switch points, str == repr.
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 0.0, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5,
        0.00001234, 1.5e300, 2.5e-300, 5e-324, 1.7976931348623157e308, 3.141592653589793,
        1 / 3, 2 / 3, 100.0, 1e22, 1e23, 9007199254740993.0, 0.3, 1.1 * 3, 4.35, 2.675]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("nan"))
print(repr(1e16), repr(9999999999999998.0), repr(0.0001), repr(0.00009999))
print(1.0 * 10, 10 / 2, 3.0 * 1.1, 7.0 // 2, 7.5 % 2)

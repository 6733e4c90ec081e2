# round() with banker's rounding and ndigits, for floats and ints.
for v in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 1e300, -3.7):
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1))
print(round(12345, -2), round(12350, -2), round(12250, -2), round(-15, -1), round(5, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 0)).__name__)
print(round(2 ** 70 + 1, -5), round(1.23456789, 5))
for v in (float("inf"), float("nan")):
    try:
        print(round(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 2))
try:
    round("1")
except TypeError as e:
    print("TypeError", e)
try:
    round(1.5, 1.0)
except TypeError as e:
    print("TypeError", e)

# ** and three-argument pow(), including negative exponents with a modulus.
print(pow(2, 100), pow(-3, 5), pow(3, 0), pow(0, 0))
print(pow(2, 100, 1000), pow(3, 200, 7), pow(-2, 3, 5), pow(2, 3, -5))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11))
print(pow(10 ** 20 + 1, 10 ** 5, 10 ** 9 + 7))
print(pow(2, 0.5) == 2 ** 0.5, pow(4, -1), pow(-8, 1 / 3).real > 0)
for args in [(2, -1, 4), (2, 3, 0), (2.0, 3, 5), (2, 3.0, 5), (0, -1)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(pow(base=2, exp=5), pow(base=2, exp=5, mod=7))
print((-1) ** 1001, (-1) ** 1000, 1 ** (10 ** 20))
print(type(2 ** -1).__name__, type(2 ** 1).__name__)
print(pow(-2, 0.5))

# Arbitrary-precision add/sub/mul/div/mod with carries across word boundaries.
a = 2 ** 64
print(a, a - 1, a + 1, -a)
print(2 ** 63 - 1, -(2 ** 63), 2 ** 32 * 2 ** 32)
b = 123456789012345678901234567890
c = 987654321098765432109876543210
print(b + c, c - b, b - c)
print(b * c)
print(c // b, c % b)
print(-c // b, -c % b)
print(b * b * b * b)
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(f // (2 ** 40), f % 1000003)
print(len(str(2 ** 1000)), str(2 ** 1000)[:20], str(2 ** 1000)[-20:])
print((10 ** 50 + 1) * (10 ** 50 - 1) == 10 ** 100 - 1)
print(0xFFFFFFFFFFFFFFFF + 1, 0xFFFFFFFFFFFFFFFF * 0xFFFFFFFFFFFFFFFF)
print(-(2 ** 100) // 3, -(2 ** 100) % 3)
print(abs(-(10 ** 25)), -(10 ** 25) < 10 ** 25, -(10 ** 25) < -(10 ** 24))
print(sum(range(10 ** 6, 10 ** 6 + 1000)) * 10 ** 20)
print(10 ** 20 / 3, 2 ** 70 / 2 ** 10)
try:
    print(2 ** 10000 / 1.0)
except OverflowError as e:
    print("OverflowError", e)
try:
    print((2 ** 2000) / 3)
except OverflowError as e:
    print("OverflowError", e)
print((2 ** 2000) // (2 ** 1990), (2 ** 2000) / (2 ** 1990))

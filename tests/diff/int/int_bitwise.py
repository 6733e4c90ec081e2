# & | ^ ~ << >> on positive, negative and big ints.
vals = [0, 1, 5, -1, -6, 255, -256, 2 ** 70 + 3, -(2 ** 70) - 5]
for a in vals:
    print(a, ~a, a & 0xF0, a | 0x0F, a ^ 0xFF)
print(-6 & -3, -6 | -3, -6 ^ -3)
print(1 << 0, 1 << 10, 1 << 100, -1 << 65)
print(1024 >> 3, -1024 >> 3, -1 >> 100, 7 >> 1000, -(2 ** 80) >> 79)
print((2 ** 70 + 3) & (2 ** 70 + 5), (2 ** 70) ^ (2 ** 70))
for s in (-1, -100):
    try:
        print(1 << s)
    except ValueError as e:
        print("ValueError", e)
    try:
        print(1 >> s)
    except ValueError as e:
        print("ValueError", e)
try:
    print(1 & 1.0)
except TypeError as e:
    print("TypeError", e)
try:
    print(~1.5)
except TypeError as e:
    print("TypeError", e)
print(True & False, True | False, True ^ True, ~True)
print(type(True & True).__name__, type(True + True).__name__)

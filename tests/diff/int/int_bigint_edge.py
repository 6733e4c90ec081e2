# Big ints: huge powers, bit operations, to_bytes/from_bytes, divmod signs, hashing modulo 2**61-1, rounding.
a = 3 ** 500
b = -(7 ** 300)
print(a.bit_length(), b.bit_length(), (a * b).bit_length(), a.bit_count() if hasattr(a, "bit_count") else "")
print(divmod(a, b)[1] == a % b, a // b < 0, (a % b) <= 0, -a // 7 == -(a // 7) - (1 if a % 7 else 0))
q, r = divmod(b, 12345678901234567890)
print(q * 12345678901234567890 + r == b, 0 <= r < 12345678901234567890)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 100), hash(-1), hash(-2 ** 64))
print((1 << 200) >> 199, (-1 << 200) >> 200, (-5) >> 1000, 5 >> 1000, ~(1 << 100) == -(1 << 100) - 1)
print((a & 0xFFFF), (a | 1) - a, (a ^ a), (b & -b) > 0)
n = 2 ** 70 + 5
bs = n.to_bytes(10, "big")
print(bs, int.from_bytes(bs, "big") == n, n.to_bytes(10, "little")[::-1] == bs)
print((-n).to_bytes(10, "big", signed=True), int.from_bytes(b"\xff" * 12, "big", signed=True))
for args in [(8, "big"), (9, "little")]:
    try:
        n.to_bytes(*args)
    except OverflowError as e:
        print("OverflowError", e)
try:
    (-1).to_bytes(2, "big")
except OverflowError as e:
    print("OverflowError", e)
print(round(123456789 ** 5, -20), round(-(10 ** 30) - 5 * 10 ** 9, -10), round(25, -1), round(35, -1), round(-25, -1))
print(pow(a, 3, 10 ** 9 + 7), pow(3, -1, 7), pow(2, 10 ** 5, 10 ** 12), pow(-a, 2) == a * a)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)
print(int(1e300) == 10 ** 300, int(1e300) - 10 ** 300, float(2 ** 1023) == 2.0 ** 1023)
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError", e)
try:
    2 ** 1024 / 1
except OverflowError as e:
    print("OverflowError", e)
print((2 ** 1024) / (2 ** 1020), (10 ** 400) // (10 ** 398), (10 ** 400) / (10 ** 399))
print(abs(b) == -b, -a < b < a, max(a, b) is a, sorted([a, b, 0, -1]) == [b, -1, 0, a])
print(str(12345678901234567890123 * 98765432109876543210987))
print(int.from_bytes(bytes(range(1, 40)), "little") % 1000000007)

# int methods: bit_length, bit_count, to_bytes, from_bytes, as_integer_ratio, conjugate.
for n in (0, 1, 255, 256, -256, 2 ** 64, -(2 ** 64) + 1):
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print((-1).to_bytes(2, "big", signed=True), (255).to_bytes(1, "big"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"", "big"))
print(int.from_bytes([1, 2, 3], "big"), (2 ** 70).to_bytes(9, "big"))
print((5).to_bytes(), int.from_bytes(b"\x05"))
for f in (lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"),
          lambda: (1).to_bytes(1, "middle"), lambda: (1).to_bytes(-1, "big")):
    try:
        print(f())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((7).numerator, (7).denominator, (7).real, (7).imag)
print(int.__name__, (3).__add__(4), (3).__radd__(4), (3).__sub__(1.0))
print((10).__floordiv__(3), (10).__mod__(-3), (10).__pow__(2, 7))
print(int(True), int(-3.99), int("  12  "), int())

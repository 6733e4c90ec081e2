# float methods: is_integer, as_integer_ratio, hex/fromhex, conjugate, real/imag.
for v in (1.0, 1.5, -0.25, 1e20, 0.1):
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0x.8"), float.fromhex("inf"))
print((2.5).real, (2.5).imag, (2.5).conjugate())
for f in (lambda: float("inf").as_integer_ratio(), lambda: float("nan").as_integer_ratio(),
          lambda: float.fromhex("xyz"), lambda: float.fromhex("0x1p99999")):
    try:
        print(f())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(int(2.9), int(-2.9), int(1e20), int(-0.0))
for v in (float("inf"), float("nan")):
    try:
        print(int(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(float(10 ** 20), float("  1.5  "), float("1_000.5"), float("-iNF"), float("nan"))
print(float("1e500"), float("-1e-500"), float(".5"), float("5."), float(True))
for s in ("", "abc", "1.5.5", "1__0", "0x10", " "):
    try:
        print(float(s))
    except ValueError as e:
        print("ValueError", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError", e)

# Float repr/round/format edge cases: shortest repr, halfway rounding, negative zero, exponents, hex.
vals = [0.1, 0.2 + 0.1, 1e16, 1e-5, 1.5e-7, 123456789012345678.0, 2.0 ** 53, 2.0 ** 53 + 2, 5e-324, 1.7976931348623157e308, -0.0, 1e22, 1e23]
for v in vals:
    print(repr(v), str(v), v.hex(), float.fromhex(v.hex()) == v)
for v, n in [(2.675, 2), (0.125, 2), (0.375, 2), (2.5, None), (3.5, None), (-2.5, None), (1.0005, 3), (123.456, -1), (155.0, -1), (-0.4, None), (0.5, 0), (1e300, 2), (5e-324, 400)]:
    r = round(v, n) if n is not None else round(v)
    print(v, n, repr(r), type(r).__name__)
for spec in [".0f", ".1f", ".3e", "g", ".2g", ".10g", "%", ".1%", "+.2f", " .2f", "010.3f", "e", "E", "G", "n", ",.2f", "_.3f", "#.0f", "#g"]:
    print(spec, format(0.5, spec), format(1234567.891, spec), format(-0.0, spec), format(1e-10, spec))
print(repr(-0.0), -0.0 == 0.0, str(round(-0.4)), round(-0.5), round(0.5), round(1.5))
print(float("1e500"), float("-1e500"), float("1e-500"), repr(float("-0")))
print(1e16 + 1 == 1e16, 0.1 * 3, 1 / 3, 2 / 3, 10 / 3, 1e-7 * 3)
print((0.1).as_integer_ratio(), (2.5).as_integer_ratio(), (-0.0).as_integer_ratio(), (1.0).is_integer(), (1.5).is_integer())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), float.fromhex("0X1.FFFFFFFFFFFFFP+1023"), float.fromhex(" 0x10 "))
for bad in ["0x1p99999", "1.0", "0xg"]:
    try:
        print(float.fromhex(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for v in [float("inf"), float("nan")]:
    for f in [round, int]:
        try:
            f(v)
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 1), "%.3g|%10.4f|%-10.2e|%+g" % (0.0001234, 3.14159, 12345.678, 7.0))

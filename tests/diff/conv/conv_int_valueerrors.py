# int() conversion failures: exact ValueError/TypeError messages for many inputs.
inputs = ["", " ", "abc", "1.0", "1e3", "0x10", "1 2", "--1", "+-1", "1_", "_1", "1__2", "١٢x",
          "12\x00", "9" * 30 + "x", "∞", "0b2", "inf", "nan", "1,000"]
for s in inputs:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
for s, base in [("12", 1), ("12", 37), ("12", -1), ("z", 35), ("Z", 36), ("0x", 0), ("010", 0), ("0o8", 0)]:
    try:
        print(s, base, int(s, base))
    except ValueError as e:
        print(s, base, "ValueError", e)
for v in ([], {}, None, 1j, object()):
    try:
        int(v)
    except TypeError as e:
        print("TypeError", e)
try:
    int(5, 10)
except TypeError as e:
    print("TypeError", e)
try:
    int("5", base="10")
except TypeError as e:
    print("TypeError", e)
print(int("  +12_345  "), int(b" 7 "), int("-0"), int(" \t\n42\r\n"), int("٣"), int(10.99), int(-10.99))

# float() conversion: accepted spellings and exact ValueError messages.
ok = ["1", "-1.5", "+.5", "5.", "1e5", "1E-5", "1_0.0_1", "  3.25  ", "inf", "-Infinity", "nan", "-NaN",
      "infinity", "1e400", "-1e-400", "0x1p3" if False else "4", "٣.٥", "1.0e+0010"]
for s in ok:
    print(repr(s), float(s))
bad = ["", "abc", "1.5.2", "1e", "e5", "1_", "_1", "1__0", "0x10", "in f", "1,5", "nann", "+-1", ". 5", "1e5.0"]
for s in bad:
    try:
        float(s)
    except ValueError as e:
        print("ValueError", e)
for v in ([], None, "1" if False else 1j, {}):
    try:
        float(v)
    except TypeError as e:
        print("TypeError", e)
class F:
    def __float__(self):
        return 1
try:
    float(F())
except TypeError as e:
    print("TypeError", e)
class FI:
    def __index__(self):
        return 5
print(float(FI()), float(2 ** 1000) > 1e300, float(b"2.5"), float(bytearray(b"1e1")))
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError", e)

# int()/float()/complex() parsing: unicode digits, whitespace, underscores, signs, bases and prefixes, and their error messages.
for text in ["  42  ", "\u0661\u0662", "\uff11\uff12", "1_000", "-0", "+7", "0x1f", "0b101", "0o17", "1__0", "_1", "1_", "", " ", "12a", "١٢.٥", "1e3", "\t-5\n", "0_0", "00", "٠"]:
    try:
        print(repr(text), int(text))
    except ValueError as e:
        print(repr(text), "ValueError", e)
for text, base in [("ff", 16), ("0xff", 16), ("0xff", 0), ("0b11", 0), ("0o7", 0), ("010", 0), ("0", 0), ("zz", 36), ("z", 35), ("1_0", 0), ("0x_1", 0), ("0x", 16), ("11", 2), ("12", 2), ("-0b1", 0), ("  +0x10 ", 0)]:
    try:
        print(repr(text), base, int(text, base))
    except ValueError as e:
        print(repr(text), base, "ValueError", e)
for args in [(b"12",), (bytearray(b" 7 "),), (b"ff", 16), (1.9,), (-1.9,), (True,), ("5", 1), ("5", 37), (5, 10), (3.5, 10)]:
    try:
        print(args, int(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
for text in ["1.5", " -2.5e-3 ", "1_000.5", "inf", "-Infinity", "nan", "+NaN", "1e", "e5", ".5", "5.", "1_000_", "0x1p3", "\u0661.\u0665", "1.5j", "--1", "infinity", "in f", "1e400", "-1e-400"]:
    try:
        print(repr(text), repr(float(text)))
    except ValueError as e:
        print(repr(text), "ValueError", e)
for text in ["1+2j", " (3-4j) ", "j", "-j", "1e3j", "inf+nanj", "1+", "(1+2j", "2j+1", "1 + 2j", "+1.5-2.5J", "", "()"]:
    try:
        print(repr(text), complex(text))
    except ValueError as e:
        print(repr(text), "ValueError", e)
print(complex(1, 2), complex("1"), complex(2.5), complex(1j, 1j), complex(real=3), complex(imag=-0.0), repr(complex(-0.0, -0.0)))
class IntLike:
    def __int__(self):
        return 9
class IndexLike:
    def __index__(self):
        return 8
class TruncLike:
    def __trunc__(self):
        return 7
class FloatLike:
    def __float__(self):
        return 6.5
for obj in [IntLike(), IndexLike(), FloatLike()]:
    for conv in (int, float, complex):
        try:
            print(type(obj).__name__, conv.__name__, conv(obj))
        except TypeError as e:
            print(type(obj).__name__, conv.__name__, "TypeError", e)
print(type(TruncLike()).__name__)

# Integer literal forms and int() with bases.
print(0xff, 0XFF, 0o777, 0O7, 0b1, 0B0, 1_2_3, 0x_ff, 0b_1010)
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("ZZ", 36), int("  -42\n"), int("+7"), int("1_000"))
print(int("10", 2), int("10", 8), int("10", 10), int("10", 16), int("10", 36))
print(int("١٢٣"), int("0", 0), int("00", 0), int("-0x10", 16))
for args in [("08", 0), ("1__0",), ("_1",), ("12", 2), ("", ), ("0x", 16), ("1", 1), ("1", 37),
             ("12a",), (" ",), ("1.5",)]:
    try:
        print(int(*args))
    except ValueError as e:
        print("ValueError", e)
try:
    int(1.5, 10)
except TypeError as e:
    print("TypeError", e)
try:
    int(None)
except TypeError as e:
    print("TypeError", e)
print(int(b"12"), int(bytearray(b"0x1f"), 16))

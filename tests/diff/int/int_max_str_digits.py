# sys.set_int_max_str_digits / get_int_max_str_digits, the 4300-digit limit at its boundaries, and int_info.
import sys
print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
print(sys.int_info.bits_per_digit in (15, 30), sys.int_info.sizeof_digit in (2, 4))
s4300 = "7" * 4300
print(len(str(int(s4300))))
for text in ["7" * 4301, "-" + "7" * 4301]:
    try:
        int(text)
    except ValueError as e:
        print("ValueError", e)
big = 10 ** 4300
try:
    str(big)
except ValueError as e:
    print("ValueError", e)
try:
    repr(-big)
except ValueError as e:
    print("ValueError", e)
try:
    f"{big}"
except ValueError as e:
    print("ValueError", e)
print(len(hex(big)), len(bin(big)), len(oct(big)))
print(int("1" * 5000, 16) > 0, int("1" * 5000, 2) > 0)
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits(), len(str(big)))
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(10 ** 6000)))
for bad in [1, 639, -1]:
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print("ValueError", e)
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits(), len(str(10 ** 639)))
try:
    str(10 ** 640)
except ValueError as e:
    print("ValueError", e)
sys.set_int_max_str_digits(4300)
print(str(2 ** 100), int("  -0042  "), int("1_000"))
try:
    sys.set_int_max_str_digits("x")
except TypeError as e:
    print("TypeError", e)

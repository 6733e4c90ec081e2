# CPython's 4300-digit limit for int<->str conversion of non-power-of-two bases.
import sys
print(sys.get_int_max_str_digits())
n = 10 ** 4299
print(len(str(n)))
big = 10 ** 4300
try:
    s = str(big)
except ValueError as e:
    print("ValueError", e)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError", e)
print(len(hex(big)), len(bin(big)) > 10000)
print(int("1" * 4300) % 97)
print(int("f" * 5000, 16) % 1000)
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits(), len(str(big)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 6000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError", e)
sys.set_int_max_str_digits(4300)
try:
    print(f"{big}")
except ValueError as e:
    print("ValueError", e)
try:
    print("%d" % big)
except ValueError as e:
    print("ValueError", e)
print(sys.int_info.str_digits_check_threshold, sys.int_info.default_max_str_digits)

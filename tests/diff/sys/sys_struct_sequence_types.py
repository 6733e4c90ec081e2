# Struct sequences as types: sys.flags/version_info cannot be instantiated; float_info, int_info, hash_info and struct_time check the sequence length.
import sys, time
for t in [type(sys.flags), type(sys.version_info), type(sys.float_info), type(sys.int_info), type(sys.hash_info)]:
    try:
        t((1,))
    except TypeError as e:
        print("TypeError", e)
print(sys.flags.optimize, sys.version_info[:2], time.gmtime(0).tm_zone, sys.float_info.dig)
print(type(sys.flags).__name__, type(sys.version_info).__name__, type(sys.float_info).__name__)
print(sys.float_info[:3] == (sys.float_info.max, sys.float_info.max_exp, sys.float_info.max_10_exp))
print(isinstance(sys.version_info, tuple), sys.version_info >= (3, 11), len(sys.hash_info), len(sys.int_info))

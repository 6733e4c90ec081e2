# Hash values that CPython defines deterministically: ints, floats, tuples of them, bools.
for v in (0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30, 1.5, -0.5, 0.0, -0.0, 1e300,
          float("inf"), float("-inf"), True, False, (), (1,), (1, 2), (1, (2, 3)), (0.5, -1), None is None):
    print(repr(v), hash(v))
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 61 - 1) == hash(0))
print(hash(complex(1, 0)) == hash(1), hash(3 + 4j))
import sys
print(sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.width)

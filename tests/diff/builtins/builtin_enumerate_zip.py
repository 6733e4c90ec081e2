# enumerate with start, zip with unequal lengths and strict=True, zip/enumerate laziness.
print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 5)), list(enumerate("ab", start=-1)))
e = enumerate(iter("xy"))
print(next(e), next(e), next(e, "end"))
print(list(zip()), list(zip([1, 2, 3], "ab")), list(zip(range(3), range(10), "abcd")))
print(list(zip([1, 2], [3, 4], strict=True)), dict(zip("ab", (1, 2))))
for args in [([1, 2], [1]), ([1], [1, 2]), ([1, 2], [1, 2], [1])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError", e)
z = zip([1, 2], [3])
print(next(z), next(z, "exhausted"))
try:
    zip(1, [2])
except TypeError as e:
    print("TypeError", e)
try:
    enumerate(5)
except TypeError as e:
    print("TypeError", e)
try:
    enumerate("a", "b")
except TypeError as e:
    print("TypeError", e)
print(list(enumerate(2 ** 70 + x for x in range(2))) if False else list(enumerate("ab", 2 ** 70)))
pairs = [(1, "one"), (2, "two")]
nums, names = zip(*pairs)
print(nums, names, type(zip()).__name__, type(enumerate("")).__name__)

# sort and sorted with key and reverse; sort returns None.
a = [5, 2, 9, 1, 5, 6, -3, 0]
print(a.sort(), a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([3.5, 1, 2 ** 70, -1.5, True]), sorted("hello"), sorted((3, 1, 2)), sorted({3: 1, 1: 2}))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([[2], [1, 5], [1]]))
print(sorted(range(10), key=lambda x: (x % 3, -x)))
print(sorted([], reverse=True), sorted([1]), sorted(x for x in [3, 2, 1]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
try:
    [3, None, 1].sort()
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1], lambda x: x)
except TypeError as e:
    print("TypeError", e)
try:
    [].sort(key=1, reverse=False) or print("no error for empty list")
except TypeError as e:
    print("TypeError", e)
try:
    [1, 2].sort(key=1)
except TypeError as e:
    print("TypeError", e)
big = list(range(1000, 0, -1))
big.sort()
print(big[:5], big[-3:], big == list(range(1, 1001)))

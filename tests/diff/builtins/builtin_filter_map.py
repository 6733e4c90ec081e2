# filter and map: None predicate, multiple iterables, laziness, errors raised lazily.
print(list(filter(None, [0, 1, "", "x", [], [0], None, 2.0])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(str.isupper, "aBcD")))
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6, 7])))
print(list(map(str, range(3))), list(map(len, ["", "ab"])), list(map(int, "123")))
m = map(lambda x: 10 // x, [1, 2, 0, 5])
print(next(m), next(m))
try:
    next(m)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(next(m))
try:
    map(1, [1])
    print("map accepts a non-callable until iterated")
    list(map(1, [1]))
except TypeError as e:
    print("TypeError", e)
try:
    map(abs)
except TypeError as e:
    print("TypeError", e)
try:
    filter(None, 5)
except TypeError as e:
    print("TypeError", e)
print(type(map(abs, [])).__name__, type(filter(None, [])).__name__, list(map(abs, [])))
f = filter(lambda x: x > 1, [1, 2, 3])
print(iter(f) is f, list(f), list(f))

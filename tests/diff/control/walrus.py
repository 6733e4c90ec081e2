# Assignment expressions in if/while/comprehensions, scope rules for := in comprehensions.
data = [1, 5, 10, 20]
if (n := len(data)) > 3:
    print("long list", n)
it = iter(data)
while (v := next(it, None)) is not None:
    print("v", v)
print([y for x in data if (y := x * 2) > 10], y)
print([last := x for x in range(4)], last)
total = 0
print([total := total + x for x in range(5)], total)
def f():
    [inner := i for i in range(3)]
    return inner
print(f())
print((z := 5) + z, z)
print(any((hit := x) > 4 for x in data), hit)
def g(a=(d := 7)):
    return a
print(g(), d)
print(f"{(q := 3) * 2} {q}")

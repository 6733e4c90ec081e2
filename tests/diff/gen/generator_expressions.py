# Generator expressions: laziness, first iterable evaluated eagerly, scoping, exhaustion.
log = []
def src():
    log.append("src called")
    return [1, 2, 3]
g = (x * 10 for x in src())
print(log)
print(next(g), log)
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
g2 = (1 / x for x in [1, 0])
print(next(g2))
try:
    next(g2)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(list((x, y) for x in range(3) for y in range(x)))
print(list(x for x in range(20) if x % 3 if x % 2))
x = "outer"
print(list(x for x in "ab"), x)
def make():
    n = 5
    return (n * i for i in range(3))
print(list(make()))
print(sum(x for x in range(101)), sorted((c for c in "zyx")), "-".join(str(i) for i in range(5)))
gg = (i for i in range(3))
print(list(zip(gg, gg)))
print(any(x > 2 for x in [1, 2, 3]), all(x for x in []), min(x % 7 for x in range(10, 20)))
print(type(x for x in []).__name__, tuple(i for i in "abc"), set(i % 2 for i in range(5)) == {0, 1})

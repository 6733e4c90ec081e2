# Tuples as records: sorting by fields, tuple comparison with mixed lengths, count/index, as dict keys.
people = [("bob", 25, "nyc"), ("alice", 30, "sf"), ("carol", 25, "la"), ("dave", 30, "nyc")]
print(sorted(people))
print(sorted(people, key=lambda p: (p[1], p[0])))
print(sorted(people, key=lambda p: (-p[1], p[2])))
print(max(people, key=lambda p: p[1]), min(people))
by_age = {}
for name, age, city in people:
    by_age.setdefault(age, []).append(name)
print(by_age)
grid = {(x, y): x * y for x in range(3) for y in range(3)}
print(grid[(2, 2)], grid[1, 2], (1, 2) in grid, sorted(grid)[:4])
print((1, 2) < (1, 2, 3), (2,) > (1, 99), () < (0,), (1, "a") < (1, "b"), (1, 2) == (1.0, 2.0))
t = (1, 2, 2, 3, 2)
print(t.count(2), t.index(2), t.index(2, 2), t.index(3, -2), len(t), t[1:-1], t[::-2])
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), sum(nested[0]), nested + ((6,),))
a, (b, (c, d)) = nested[0][0], nested[1]
print(a, b, c, d)
print(tuple(sorted({3: 0, 1: 0})), tuple(reversed((1, 2, 3))), tuple(x * 2 for x in (1, 2)))

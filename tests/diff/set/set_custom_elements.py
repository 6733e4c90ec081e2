# Sets of objects with custom __hash__/__eq__; set order printing only via sorted.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return "P(%d,%d)" % (self.x, self.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
pts = {P(1, 2), P(1, 2), P(2, 1)}
print(len(pts), sorted(pts), P(2, 1) in pts, P(3, 3) in pts)
pts.discard(P(1, 2))
print(sorted(pts))
class OnlyEq:
    def __eq__(self, o):
        return True
try:
    {OnlyEq()}
except TypeError as e:
    print("TypeError", e)
print(sorted({1, 2, 3} - {2}), sorted(set(range(20)) & set(range(10, 30)))[:3])
s = set(range(100))
for i in range(0, 100, 3):
    s.discard(i)
print(len(s), min(s), max(s), sum(s))
print(sorted(set("mississippi")), sorted(set([1, 2]) | set([3])))
try:
    for x in s:
        s.add(1000)
except RuntimeError as e:
    print("RuntimeError", e)
print(sorted({P(0, 1)} | {P(0, 1), P(5, 5)}))
print({P(1, 1)} == {P(1, 1)}, {P(1, 1)} <= {P(1, 1), P(2, 2)})
print(len(set([P(i % 3, 0) for i in range(9)])))

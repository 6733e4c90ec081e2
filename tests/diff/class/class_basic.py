# Class definition, instances, attributes, methods, class vs instance attributes.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, type(p).__name__, isinstance(p, Point))
p.move(1, 1).move(1, 1)
print(p.x, p.y, sorted(vars(p).items()), Point.norm2(p))
p.dims = 3
print(p.dims, Point.dims)
del p.dims
print(p.dims)
Point.dims = 5
print(p.dims, Point(0, 0).dims)
try:
    p.z
except AttributeError as e:
    print("AttributeError", e)
try:
    Point.z
except AttributeError as e:
    print("AttributeError", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
class Empty:
    pass
e = Empty()
e.anything = 1
print(e.anything, Empty.__name__, Empty.__bases__[0].__name__, Empty.__dict__.get("__module__"))
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
print(p.__class__ is Point, Point.__class__ is type, type(Point).__name__)

# Class patterns: positional via __match_args__, keyword attrs, builtins' self-matching, errors.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return "on y axis at %r" % y
        case Point(x, 0):
            return "on x axis at %r" % x
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
        case int(n) | float(n):
            return "number %r" % n
        case str() | bytes():
            return "text"
        case [Point(x=a), Point(x=b)]:
            return "two points, xs %r %r" % (a, b)
        case _:
            return "not a point"
for p in (Point(0, 0), Point3(0, 0, 0), Point(0, 5), Point(4, 0), Point(2, 2), Point(1, 3), 7, 2.5,
          "s", [Point(1, 2), Point(3, 4)], None):
    print(where(p))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match Point(1, 2):
        case Point(1, x=1):
            pass
except TypeError as e:
    print("TypeError", e)
match True:
    case int(v):
        print("bool matches int()", v)
match Point(1, 2):
    case Point(x=1, missing=3):
        print("never")
    case _:
        print("missing attribute means no match")

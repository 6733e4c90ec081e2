# Common OOP patterns without stdlib: template methods, NotImplementedError, mixins, class registries.
class Shape:
    registry = {}
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Shape.registry[cls.__name__.lower()] = cls
    def area(self):
        raise NotImplementedError(type(self).__name__ + " must implement area")
    def describe(self):
        return "%s with area %.2f" % (type(self).__name__, self.area())
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Blob(Shape):
    pass
for sh in (Square(2), Circle(1)):
    print(sh.describe())
try:
    Blob().describe()
except NotImplementedError as e:
    print("NotImplementedError", e)
print(sorted(Shape.registry), Shape.registry["square"](3).area())
class JsonMixin:
    def to_pairs(self):
        return sorted(vars(self).items())
class ReprMixin:
    def __repr__(self):
        return type(self).__name__ + "(" + ", ".join("%s=%r" % kv for kv in sorted(vars(self).items())) + ")"
class Item(JsonMixin, ReprMixin):
    def __init__(self, name, qty):
        self.name, self.qty = name, qty
it = Item("bolt", 3)
print(it, it.to_pairs(), [k.__name__ for k in Item.__mro__])
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty Stack")
        return self._items.pop()
    def __len__(self):
        return len(self._items)
s = Stack().push(1).push(2)
print(s.pop(), len(s), s.pop(), len(s))
try:
    s.pop()
except IndexError as e:
    print("IndexError", e)
class Visitor:
    def visit(self, node):
        meth = getattr(self, "visit_" + type(node).__name__, self.generic)
        return meth(node)
    def generic(self, node):
        return "generic " + type(node).__name__
    def visit_int(self, node):
        return "int %d" % node
    def visit_list(self, node):
        return [self.visit(x) for x in node]
print(Visitor().visit([1, "s", [2]]))
print(Visitor().visit(3.5))
class Chain:
    def __init__(self):
        self.ops = []
    def __getattr__(self, name):
        def op(*args):
            self.ops.append((name, args))
            return self
        return op
print(Chain().select("a").where(x=1) if False else Chain().select("a").limit(5).ops)

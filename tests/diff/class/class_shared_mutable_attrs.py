# Class attributes shared by instances: mutable defaults shared, rebinding creates instance attributes.
class Bag:
    items = []
    count = 0
    def add(self, x):
        self.items.append(x)
        self.count += 1
a, b = Bag(), Bag()
a.add(1)
b.add(2)
print(a.items, b.items, Bag.items, a.count, b.count, Bag.count)
print("count" in vars(a), "items" in vars(a))
class Fixed:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
f1, f2 = Fixed(), Fixed()
f1.add(1)
print(f1.items, f2.items)
class Registry:
    instances = 0
    def __init__(self):
        Registry.instances += 1
        self.id = Registry.instances
objs = [Registry() for _ in range(3)]
print([o.id for o in objs], Registry.instances)
class Base:
    tags = ["base"]
class Child(Base):
    pass
Child.tags.append("child")
print(Base.tags, Child.tags is Base.tags)
Child.tags = Child.tags + ["own"]
print(Base.tags, Child.tags)
class Config:
    defaults = {"debug": False}
    def __init__(self, **kw):
        self.settings = {**self.defaults, **kw}
print(Config(debug=True).settings, Config().settings, Config.defaults)
class Counter:
    total = 0
    def __init__(self):
        type(self).total += 1
class SubCounter(Counter):
    pass
Counter(); SubCounter(); SubCounter()
print(Counter.total, SubCounter.total, "total" in vars(SubCounter))

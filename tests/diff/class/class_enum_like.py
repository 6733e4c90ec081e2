# A hand-written enum pattern with a metaclass: iteration order, lookup by value, immutability.
class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_") and not callable(v)}
        cls = super().__new__(mcls, name, bases, {k: v for k, v in ns.items() if k not in members})
        type.__setattr__(cls, "_members", [])
        for k, v in members.items():
            inst = object.__new__(cls)
            inst.name, inst.value = k, v
            type.__setattr__(cls, k, inst)
            cls._members.append(inst)
        return cls
    def __iter__(cls):
        return iter(cls._members)
    def __len__(cls):
        return len(cls._members)
    def __call__(cls, value):
        for m in cls._members:
            if m.value == value:
                return m
        raise ValueError("%r is not a valid %s" % (value, cls.__name__))
    def __setattr__(cls, k, v):
        raise AttributeError("cannot reassign member " + repr(k))
class Color(metaclass=EnumMeta):
    RED = 1
    GREEN = 2
    BLUE = 3
    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self.name, self.value)
print(list(Color), len(Color), Color.RED, Color(2), Color.BLUE.name, Color.BLUE.value)
print(Color(1) is Color.RED, isinstance(Color.RED, Color), [c.name for c in Color])
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)
print({Color.RED: "stop", Color.GREEN: "go"}[Color(1)], sorted(c.value for c in Color))
class Planet(metaclass=EnumMeta):
    MERCURY = (3.3e23, 2.44e6)
    EARTH = (5.97e24, 6.37e6)
    def gravity(self):
        mass, radius = self.value
        return 6.674e-11 * mass / radius ** 2
for p in Planet:
    print(p.name, round(p.gravity(), 2))
print(Planet((5.97e24, 6.37e6)).name, Planet.EARTH is Planet.EARTH, len(Planet))
print(type(Color).__name__, type(Color.RED).__name__, Color.RED != Color.GREEN)

# __missing__, dict subclasses, custom hash/eq keys and key collisions.
class Default(dict):
    def __missing__(self, key):
        print("missing", key)
        return key * 2
d = Default(a=1)
print(d["a"], d["bb"], d.get("cc"), "bb" in d, d)
class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, o):
        return isinstance(o, Key) and self.v == o.v
    def __repr__(self):
        return "Key(%r)" % self.v
m = {Key(1): "one", Key(2): "two"}
print(m[Key(1)], m[Key(2)], Key(3) in m, len(m))
m[Key(1)] = "uno"
print(m)
class Counter(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
c = Counter()
c["x"] = 1
c.update(y=2)
print(c, isinstance(c, dict), type(c).__name__)
class Bad:
    def __hash__(self):
        raise ValueError("no hash for you")
try:
    {Bad(): 1}
except ValueError as e:
    print("ValueError", e)
class Unhash:
    __hash__ = None
try:
    {Unhash(): 1}
except TypeError as e:
    print("TypeError", e)
nan = float("nan")
n = {nan: 1}
print(n[nan], float("nan") in n)
print(d.setdefault("q", 0), d.pop("q"), sorted(d))
print(Default.__mro__[1].__name__, dict.__missing__ if hasattr(dict, "__missing__") else "dict has no __missing__")

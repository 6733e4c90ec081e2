# Subclassing list, dict, str and tuple: overridden methods are not used by other builtin methods.
class LoudList(list):
    def append(self, v):
        print("append", v)
        super().append(v)
    def __getitem__(self, i):
        return ("item", super().__getitem__(i))
ll = LoudList([1, 2])
ll.append(3)
ll.extend([4])
print(ll, ll[0], list(ll), len(ll), type(ll[1:] if False else ll).__name__, ll + [5], type(ll + [5]).__name__)
class LowerDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
ld = LowerDict()
ld["KEY"] = 1
print(ld, ld["Key"], ld.get("KEY"), "key" in ld)
ld2 = LowerDict(ABC=2)
ld2.update(DEF=3)
print(ld2)
class Tag(str):
    def __new__(cls, v, tag):
        obj = super().__new__(cls, v)
        obj.tag = tag
        return obj
t = Tag("text", "b")
print(t, t.tag, t.upper(), type(t.upper()).__name__, t + "!", t == "text", len(t))
class P(tuple):
    @property
    def first(self):
        return self[0]
p = P((1, 2))
print(p, p.first, p[::-1], type(p[::-1]).__name__, isinstance(p, tuple), hash(p) == hash((1, 2)))
class Sorted(list):
    def __init__(self, it=()):
        super().__init__(sorted(it))
    def add(self, v):
        self.append(v)
        self.sort()
s = Sorted([3, 1, 2])
s.add(0)
print(s, s.copy(), type(s.copy()).__name__, s == [0, 1, 2, 3])
class Counted(dict):
    def __missing__(self, k):
        return 0
c = Counted()
for ch in "hello":
    c[ch] += 1
print(c, sorted(c.items()))

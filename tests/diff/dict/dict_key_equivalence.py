# Keys that compare equal share a slot: 1/1.0/True, 0/0.0/-0.0/False; the first key object is kept.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, list(d.keys()), type(list(d)[0]).__name__)
z = {0.0: "a"}
z[-0.0] = "b"
z[False] = "c"
z[0] = "d"
print(z, type(list(z)[0]).__name__)
print({1: 1, 1.0: 2}, {True: 1, 1: 2}, {(1, 2): "t", (1.0, 2.0): "u"})
s = {1, 1.0, True}
print(len(s), s)
print(d.get(1.0), d.get(True), 1.0 in d, 2 ** 0 in d, d[int("1")])
e = {"a": 1}
print(e.get("a"), e.get(b"a"), b"a" in e, "a" == b"a")
big = {2 ** 64: "big", float(2 ** 64): "float big"}
print(big, len(big))
frac = {0.5: "half", 1 / 2: "also half"}
print(frac)
class EqToOne:
    def __hash__(self):
        return hash(1)
    def __eq__(self, o):
        return o == 1
k = EqToOne()
print(d.get(k), k in d, {k: "x", 1: "y"}[1])

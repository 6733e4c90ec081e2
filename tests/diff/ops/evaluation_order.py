# Evaluation order: operands left to right, call args, dict displays, assignments, augmented targets.
def t(label, v=None):
    print("eval", label)
    return v if v is not None else label
print(t("a", 1) + t("b", 2) * t("c", 3))
t("f", print)(t("arg1"), t("arg2"), kw=t("kw")) if False else None
def f(*a, **k):
    return a, sorted(k)
print(f(t("p1"), t("p2"), x=t("k1"), y=t("k2")))
d = {t("k1"): t("v1"), t("k2"): t("v2")}
print(d)
lst = [0, 0, 0]
lst[t("idx", 1)] = t("value")
print(lst)
class O:
    pass
o = O()
o.x = 5
t("obj", o).x += t("inc", 10)
print(o.x)
a = [10, 20]
a[t("i", 0)] += t("delta", 5)
print(a)
x = y = t("chain")
print(x, y)
print(t("L", [1])[t("R", 0)], t("cond", True) and t("then") or t("else"))
r = t("x1", 1) < t("x2", 2) < t("x3", 0) < t("x4", 5)
print(r)
print([t("e%d" % i) for i in range(2)], (t("tuple1"), t("tuple2")))
s = {"k": 1}
s[t("key")] = s.get(t("get"), 0) + 1
print(s)

# Iteration order of set displays made only of constants ({"apple", "banana", ...}): CPython folds them into a frozenset constant (re-built once when constants are merged) and SET_UPDATEs it, which can order colliding strings differently from adding them one by one.
s = {"apple", "banana", "cherry", "date", "elderberry", "fig", "grape"}
print(s)
print({1.5, 2.5, -3.25, 1e10}, {(1, "a"), (2, "b"), None, True})
print({"red", "green", "blue"}, {"x", "y", "z", "w"}, {"alpha", "beta", "gamma", "delta", "epsilon"})
t = set()
for w in ["apple", "banana", "cherry", "date", "elderberry", "fig", "grape"]:
    t.add(w)
print(t, s == t)
print(sorted(s), len(s), "fig" in s, frozenset({"k1", "k2", "k3"}))
x = "dyn"
print({x, "apple", "banana"}, {"apple", "banana", x})
print([w for w in {"one", "two", "three", "four", "five", "six"}])
print(list({"one", "two", "three"} | {"four"}), {"a": 1}.keys() | {"b", "c", "d"})

# dict literal, get/set/del, len, in, KeyError messages, insertion order.
d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), "a" in d, 1 in d, d["b"], list(d))
del d["b"]
print(d)
for k in ("zz", 5, (1, 2), None):
    try:
        d[k]
    except KeyError as e:
        print("KeyError", e, repr(e.args[0]))
try:
    del d["nope"]
except KeyError as e:
    print("KeyError", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)
print(dict(), dict(a=1), dict([("x", 1), ("y", 2)]), dict({"k": 1}, k2=2), dict(zip("ab", range(2))))
print({1: "int", 1.0: "float", True: "bool"})
e = {}
e[2] = "b"
e[1] = "a"
e[3] = "c"
del e[1]
e[1] = "again"
print(e, list(e.keys()))
print({**d, "z": 0}, {"a": 1} | {"b": 2}, {"a": 1, "a": 2})
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
try:
    dict([1])
except TypeError as e:
    print("TypeError", e)

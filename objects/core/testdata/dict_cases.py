# Differential cases for dict: random operation sequences over keys whose hashes collide
# (1 == 1.0 == True, hash(-1) == hash(-2)), str and tuple keys and unhashable ones. One
# line per operation: seq id \t op \t encoded key \t encoded value \t hex("outcome|repr(d)").
import random

exec(open(__file__.replace("dict_cases.py", "encode.py")).read())

keys = [1, 1.0, True, 0, False, -1, -2, 2**64, 2**64 + 0.0, "a", "b", "", "é", (1, 2),
        (1, (2, 3)), None, 0.5, 3, ((),), ("a",)]
bad = [(1, ()), ]
values = [0, 1, "v", None, (1,), 2.5]


def outcome(fn):
    try:
        return repr(fn())
    except Exception as e:  # noqa: BLE001
        return type(e).__name__ + (": " + str(e) if str(e) else "")


rnd = random.Random(5)
for seq in range(400):
    d = {}
    for step in range(rnd.randint(1, 40)):
        op = rnd.choice(["set", "set", "set", "get", "del", "pop", "contains", "len",
                         "setdefault", "getm", "popitem", "clear", "copyeq", "iter"])
        k = rnd.choice(keys)
        v = rnd.choice(values)
        if op == "set":
            r = outcome(lambda: d.__setitem__(k, v))
        elif op == "get":
            r = outcome(lambda: d[k])
        elif op == "del":
            r = outcome(lambda: d.__delitem__(k))
        elif op == "pop":
            r = outcome(lambda: d.pop(k))
        elif op == "contains":
            r = outcome(lambda: k in d)
        elif op == "len":
            r = outcome(lambda: len(d))
        elif op == "setdefault":
            r = outcome(lambda: d.setdefault(k, v))
        elif op == "getm":
            r = outcome(lambda: d.get(k, "dflt"))
        elif op == "popitem":
            r = outcome(lambda: d.popitem())
        elif op == "clear":
            if rnd.random() < 0.8:
                continue
            r = outcome(lambda: d.clear())
        elif op == "copyeq":
            r = outcome(lambda: d.copy() == d)
        else:
            r = outcome(lambda: tuple(d))
        print("\t".join([str(seq), op, enc(k), enc(v), (r + "|" + repr(d)).encode().hex()]))

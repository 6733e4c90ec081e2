# get/setdefault/pop/popitem/update/copy/clear/fromkeys/keys/values/items and |=.
d = {"x": 1, "y": 2}
print(d.get("x"), d.get("z"), d.get("z", 0), d.setdefault("z", 5), d.setdefault("x", 99), d)
print(d.pop("x"), d.pop("nope", "default"), d)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError", e)
d.update({"a": 1}, b=2)
d.update([("c", 3)])
print(d)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["new"] = 1
print(d, c)
c.clear()
print(c, len(c))
try:
    c.popitem()
except KeyError as e:
    print("KeyError", e)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
f = {"a": 1}
f |= {"b": 2}
f |= [("c", 3)]
print(f)
try:
    f | [("d", 4)]
except TypeError as e:
    print("TypeError", e)
try:
    d.update(5)
except TypeError as e:
    print("TypeError", e)
try:
    d.update([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    d.get()
except TypeError as e:
    print("TypeError", e)
print(list(f.items()), list(f.values()), sorted(f, reverse=True))

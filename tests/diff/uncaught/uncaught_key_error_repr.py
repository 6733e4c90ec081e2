# exit: 1
# KeyError's message is the repr of the key in the last traceback line.
d = {"a": 1, "b": 2}
for k in sorted(d):
    print(k, d[k])
for i in range(8):
    print("lookup", i, d.get(str(i), "absent"))
print(d["missing 'quoted' key"])

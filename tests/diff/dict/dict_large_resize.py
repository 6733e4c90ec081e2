# Many inserts and deletes: resizing keeps order and lookups; int keys with equal hashes modulo table size.
d = {}
for i in range(50000):
    d[i * 1024] = i
print(len(d), d[1024 * 49999], list(d)[:3], list(d)[-2:])
for i in range(0, 50000, 3):
    del d[i * 1024]
print(len(d), list(d.values())[:5], sum(d.values()))
s = {str(i): i for i in range(20000)}
print(s["12345"], len(s), list(s)[9999], "20000" in s)
for k in list(s):
    if int(k) % 2:
        del s[k]
print(len(s), list(s)[:4], list(s)[-1])
t = {(i, -i): i for i in range(1000)}
print(t[(500, -500)], len(t))
f = {}
for i in range(1000):
    f[i / 4] = i
print(f[2.5], f[10], len(f), 10 in f, 10.25 in f)
churn = {}
for i in range(20000):
    churn[i] = i
    if i >= 10:
        del churn[i - 10]
print(len(churn), list(churn))
keys = list(range(0, 2 ** 20, 2 ** 10))
pw = dict.fromkeys(keys, "v")
print(len(pw), pw[2 ** 19], list(pw)[-1])
pw.clear()
print(pw, len(pw))

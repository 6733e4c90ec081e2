# Stability of sort with equal keys, including reverse=True (which keeps equal items in order).
data = [("a", 3), ("b", 1), ("c", 3), ("d", 2), ("e", 1), ("f", 2), ("g", 3)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
rec = [(i % 5, i) for i in range(40)]
s = sorted(rec, key=lambda p: p[0])
print(all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]))
print(s[:10])
r = sorted(rec, key=lambda p: p[0], reverse=True)
print(r[:10])
x = [3, 1, 2]
y = sorted(x, key=lambda v: 0)
print(y)
class K:
    def __init__(self, v, tag):
        self.v, self.tag = v, tag
    def __lt__(self, other):
        return self.v < other.v
ks = [K(2, "a"), K(1, "b"), K(2, "c"), K(1, "d"), K(0, "e")]
print([k.tag for k in sorted(ks)], [k.tag for k in sorted(ks, reverse=True)])
n = 0
def key(v):
    global n
    n += 1
    return -v
print(sorted([4, 2, 8, 6], key=key), n)
seq = [(v * 7919) % 101 for v in range(300)]
srt = sorted(seq)
print(srt[:12], srt[-5:], sum(srt), srt == sorted(seq, key=lambda v: v))
names = ["bob", "Al", "carl", "al", "Bob"]
names.sort(key=str.lower)
print(names)
names.sort(key=len, reverse=True)
print(names)

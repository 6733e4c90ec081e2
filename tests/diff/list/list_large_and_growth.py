# Larger lists: growth by append, slicing big ranges, sum/min/max, list * n, sort of 10^5 items.
big = []
for i in range(100000):
    big.append(i * 7 % 1000)
print(len(big), sum(big), min(big), max(big), big[12345], big[-1])
s = sorted(big)
print(s[:5], s[-5:], s[50000], s.count(0), s.index(500))
big.sort(reverse=True)
print(big[:3], big[-3:])
rep = [1, 2] * 50000
print(len(rep), rep[99999], rep.count(2))
del rep[::2]
print(len(rep), set(rep))
sl = list(range(10 ** 5))[::1000]
print(len(sl), sl[:4], sl[-1])
nested = [[i] * 3 for i in range(1000)]
print(len(nested), nested[999], sum(map(sum, nested)))
print(list(range(0, 100000, 9999)), [x for x in range(100000) if x % 25000 == 0])

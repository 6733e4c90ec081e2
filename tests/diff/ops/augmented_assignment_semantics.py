# += on mutable (in place) vs immutable (rebinding) objects, aliasing effects, on attributes and items.
a = [1]
b = a
a += [2]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
s = "x"
s2 = s
s += "y"
print(s, s2)
d = {"k": [0]}
alias = d["k"]
d["k"] += [1]
print(d, alias)
class O:
    def __init__(self):
        self.v = [1]
        self.n = 1
o = O()
keep = o.v
o.v += [2]
o.n += 1
print(o.v, keep, o.n)
st = {1}
st2 = st
st |= {2}
print(st, st2 is st)
fs = frozenset({1})
fs2 = fs
fs |= {2}
print(sorted(fs), sorted(fs2), fs is fs2)
n = 10
n //= 3
n **= 2
n <<= 2
n %= 7
n ^= 5
n |= 8
n &= 14
n >>= 1
n -= 1
print(n)
f = 2.0
f /= 4
f *= 3
print(f)
m = [[0]] * 2
m[0] += [1]
print(m)

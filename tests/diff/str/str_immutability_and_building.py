# Strings are immutable: building by join/concatenation, += in loops, methods return new strings.
s = "abc"
t = s
s += "d"
print(s, t, s is not t)
u = s.upper()
print(s, u)
parts = []
for i in range(10):
    parts.append(str(i))
print("".join(parts), ",".join(parts[:3]))
acc = ""
for ch in "hello":
    acc = acc + ch.upper()
print(acc)
try:
    s.append("x")
except AttributeError as e:
    print("AttributeError", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError", e)
big = "x" * 100000
print(len(big), big[:3], big.count("x"), len(big.replace("x", "yz")))
lst = list("hello")
lst[0] = "J"
print("".join(lst), "-".join(reversed(lst)))
print(str.join("", map(str, range(5))), "".join(sorted("dcba")), " ".join("a b  c".split()))
print(s * 0 == "", "" + "" == "", ("ab" "cd") == "abcd", "a" "b" * 2)

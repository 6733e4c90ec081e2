# Indexing and slicing with negative indices, steps and out-of-range bounds.
s = "abcdefghij"
print(s[0], s[-1], s[3], s[-3])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-100:100])
print(s[::2], s[1::2], s[::-1], s[::-3], s[8:2:-2], s[2:8:-1], s[5:5])
print(s[10:], s[100:], s[-1:-5:-1], s[3:-3], s[None:None:None])
for i in (10, -11):
    try:
        print(s[i])
    except IndexError as e:
        print("IndexError", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError", e)
try:
    s["a"]
except TypeError as e:
    print("TypeError", e)
try:
    s[1.0]
except TypeError as e:
    print("TypeError", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError", e)
u = "héllo wörld €"
print(u[1], u[-1], u[::-1], u[7:10])
print(s[True], s[2 ** 70:], s[-(2 ** 70):3])

# + * in, len, iteration, comparison, ord/chr and their errors.
a = "ab"
print(a + "cd", a * 3, 3 * a, a * 0, a * -2, "" * 100, len(a * 1000))
s = ""
for ch in "héllo":
    s = ch + s
print(s, list("abc"), tuple("ab"), sorted("banana"), max("hello"), min("hello"))
a += "x"
a *= 2
print(a)
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError", e)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError", e)
try:
    "a" * "b"
except TypeError as e:
    print("TypeError", e)
print(ord("a"), ord("€"), ord("\U0001F600"), chr(97), chr(8364), chr(0x1F600) == "\U0001F600")
for v in (-1, 0x110000):
    try:
        chr(v)
    except ValueError as e:
        print("ValueError", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError", e)
try:
    ord("")
except TypeError as e:
    print("TypeError", e)
print("abc"[1:] + "abc"[:1], "-" * 10, "%s" % ("x" * 3))

# split/rsplit/splitlines/partition/rpartition/join.
s = "  a  b\tc\nd  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "".split(","), "".split())
print("a::b::c".split("::"), "abc".split("abc"), "x".split("x", 0))
print("1\n2\r\n3\r4\n".splitlines(), "1\n2\n".splitlines(True), "".splitlines(), "a\x0bb\x1cc".splitlines())
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "+".join(str(i) for i in range(4)))
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
try:
    "a".partition("")
except ValueError as e:
    print("ValueError", e)
print("a b c".split(maxsplit=1), "a b c".rsplit(sep=" ", maxsplit=1))
print(" x ".join(["1"]), "ab".join("123"))

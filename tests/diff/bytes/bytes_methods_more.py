# More bytes/bytearray methods: split/join/strip/partition/count/find with ints, is* predicates, case, fill.
b = b"  Hello, World!  "
print(b.strip(), b.lstrip(), b.rstrip(), b.split(b","), b.split(), b.rsplit(None, 1), b.splitlines())
print(b.find(b"o"), b.find(111), b.rfind(b"o"), b.count(b"l"), b.count(108), b.index(b"W"), 72 in b, b"Wor" in b)
print(b.lower(), b.upper(), b.swapcase(), b.strip().title(), b.strip().capitalize(), b"ab".center(6, b"-"), b"7".zfill(3))
print(b"abc".isalpha(), b"a1".isalnum(), b"12".isdigit(), b"Ab".istitle(), b"AB".isupper(), b"  ".isspace(), b"x\x80".isascii())
print(b"a-b-c".partition(b"-"), b"a-b-c".rpartition(b"-"), b"-".join([b"x", bytearray(b"y")]), b"abc".removeprefix(b"a"))
print(b"tab\there".expandtabs(4), b"a\nb\r\nc".splitlines(True), b"xyz".startswith((b"a", b"x")), b"xyz".endswith(b"z"))
print(bytearray(b"mutable").replace(b"t", b"T"), bytearray(b"  pad ").strip(), bytearray(b"a,b").split(b","))
print(b"%(k)s-%(v)d" % {b"k": b"key", b"v": 3}, b"%5s|%-5s|" % (b"r", b"l"), b"%.2f" % 1.005)
try:
    b"abc".find("a")
except TypeError as e:
    print("TypeError", e)
try:
    b"abc".count(256)
except ValueError as e:
    print("ValueError", e)
try:
    b"%s" % "str"
except TypeError as e:
    print("TypeError", e)
try:
    b"".join([b"a", "b"])
except TypeError as e:
    print("TypeError", e)

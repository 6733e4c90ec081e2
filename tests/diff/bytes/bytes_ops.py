# bytes: literals, indexing to int, slicing, methods, hex/fromhex, comparisons, errors.
b = b"hello world"
print(b, b[0], b[-1], b[:5], b[::-1], len(b), b"o" in b, 111 in b, b.count(b"o"), b.find(b"wor"))
print(b.upper(), b.split(), b.replace(b"l", b"L"), b.startswith(b"he"), b.strip(b"hd"), b.title())
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(3)), bytes(b"copy"), bytes())
print(b.hex(), bytes.fromhex("de ad be ef"), b"\x00\xff".hex(":"), b"abc".hex("-", 1))
print(b + b"!", b * 2, b"a" < b"b", b"abc" == bytearray(b"abc"), b"-".join([b"a", b"b"]))
print(b"%s=%d" % (b"x", 5), b"%r" % b"q", b"%x" % 255, b"%c" % 65)
print(list(b"ab"), b.decode(), b.isalpha(), b"123".isdigit(), b" ".isspace(), b"AbC".lower())
for f in (lambda: b"a" + "b", lambda: bytes([256]), lambda: bytes("str"), lambda: b"x"[5], lambda: bytes(-1),
          lambda: bytes.fromhex("zz"), lambda: b"abc".index(b"z"), lambda: bytes([1.5])):
    try:
        print(f())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError", e)
print(repr(b"\t\n\r\\'\""), repr(b'\x7f\x80'), b"abc".partition(b"b"), b"a,b".split(b","), b"  x ".strip())
print(bytes.maketrans(b"ab", b"xy"), b"aabb".translate(bytes.maketrans(b"ab", b"xy")), b"abc".center(7, b"*"))

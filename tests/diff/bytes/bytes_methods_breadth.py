# bytes/bytearray methods breadth: translate, split variants, fromhex/hex, padding, predicates, bytearray mutation.
b = b"Hello World"
print(b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize(), b"abc".center(7, b"*"), b"42".zfill(5))
print(b.split(), b.split(b"o"), b.rsplit(b"o", 1), b"a,b,,c".split(b","), b"  x  y ".split(None, 1), b"a\nb\r\nc".splitlines(True))
print(b.partition(b" "), b.rpartition(b"o"), b.find(b"o"), b.rfind(b"o"), b.count(b"l"), b.index(b"W"), b.startswith((b"He", b"x")))
t = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(t), b"aabbcc".translate(None, b"b"), b"abc".translate(t, b"a"), len(t))
print(bytes.fromhex("de ad be ef"), bytes.fromhex(""), b"\xde\xad".hex(), b"\xde\xad\xbe\xef".hex(":"), b"\x01\x02\x03".hex("-", 2), b"abc".hex(" ", -2))
for bad in ["zz", "abc", "0 x"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print("ValueError", e)
print(b"abc".isalpha(), b"a1".isalnum(), b"12".isdigit(), b" ".isspace(), b"ABC".isupper(), b"Ab Cd".istitle(), b"\x80".isascii(), b"".isascii())
print(b"a\tb".expandtabs(4), b"xxhixx".strip(b"x"), b"abc".lstrip(b"a"), b"abc".rstrip(b"c"), b"pre_x".removeprefix(b"pre_"), b"x.py".removesuffix(b".py"))
print(b"-".join([b"a", bytearray(b"b"), memoryview(b"c")]), b"ab" * 3, b"a" + bytearray(b"b"), bytearray(b"a") + b"b")
ba = bytearray(b"hello")
ba.insert(0, ord("["))
ba.append(ord("]"))
ba.extend(b"!!")
ba.extend([63])
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("l"))
ba.reverse()
print(ba, ba.copy() == ba, ba.copy() is ba)
ba[1:3] = b"XYZ"
del ba[0]
ba[-1] = 65
print(ba, len(ba))
ba *= 2
ba += b"+"
print(ba)
ba.clear()
print(ba, bytearray(3), bytearray(b"abc").replace(b"b", b"BB"), bytearray(b"x").decode())
for bad in [lambda: ba.pop(), lambda: bytearray(b"a").remove(98), lambda: bytearray(b"a").append(256), lambda: bytearray(b"a").insert(0, -1),
            lambda: b"a".join([1]), lambda: b"abc".index(b"z"), lambda: bytes.fromhex(1), lambda: b"a" + "b", lambda: b"a".center(3, "x"),
            lambda: bytearray(b"a").extend(1), lambda: b"%d" % "x", lambda: bytes([1, 2, 300])]:
    try:
        bad()
    except (ValueError, TypeError, IndexError, OverflowError) as e:
        print(type(e).__name__, e)
print(b"%s-%d-%x-%r-%5.2f-%c%c" % (b"s", 12, 255, "r", 3.14159, 65, b"B"), bytearray(b"%b") % b"x")
print(b"abc"[1], b"abc"[-1:], bytearray(b"abc")[::-1], list(b"ab"), b"b" in b"abc", 98 in b"abc", bytes(reversed(b"abc")))
print(b"a\x00b".split(b"\x00"), b"ABC".lower().decode("ascii"), bytes(bytearray(b"q")), bytearray(memoryview(b"mv")))

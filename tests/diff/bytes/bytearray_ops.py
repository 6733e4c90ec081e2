# bytearray: mutation (item, slice, append, extend, insert, pop, remove), methods, comparisons.
ba = bytearray(b"hello")
ba[0] = ord("j")
ba.append(33)
ba.extend(b" world")
print(ba, len(ba), ba[0], ba[-1])
ba[1:5] = b"ELLO"
print(ba)
ba[0:0] = b">>"
del ba[-6:]
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.insert(0, 60)
ba.remove(ord("L"))
print(ba, ba.count(b"L"), ba.find(b"O"), ba.upper(), ba.decode())
ba2 = bytearray(3)
ba2 += b"xy"
ba2 *= 2
print(ba2, bytearray(b"ab") == b"ab", bytearray([1, 2]), bytearray("é", "utf-8"), bytearray())
for f in (lambda: ba.__setitem__(0, 256), lambda: ba.__setitem__(0, "a"), lambda: ba.remove(200),
          lambda: bytearray().pop(), lambda: ba.append(-1), lambda: hash(ba)):
    try:
        print(f())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
b3 = bytearray(b"abcdef")
b3[::2] = b"XYZ"
print(b3, bytes(b3), b3.hex(), bytearray.fromhex("41 42"), b3.reverse(), b3)
b3.clear()
print(b3, b3.copy() == b3, type(bytearray(b"x") + b"y").__name__, type(b"y" + bytearray(b"x")).__name__)

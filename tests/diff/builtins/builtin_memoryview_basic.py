# memoryview over bytes/bytearray: indexing, slicing without copy, tobytes/tolist, writes through to bytearray.
ba = bytearray(b"hello world")
mv = memoryview(ba)
print(len(mv), mv[0], mv[-1], bytes(mv[:5]), mv[6:].tobytes(), mv.tolist()[:3], mv.readonly, mv.format, mv.itemsize)
mv[0] = ord("J")
mv[6:11] = b"WORLD"
print(ba)
sub = mv[1:4]
sub[0] = ord("E")
print(ba, bytes(sub), sub.nbytes)
ro = memoryview(b"abc")
print(ro.readonly, ro.tobytes(), ro == b"abc", ro[::-1].tobytes(), ro.hex())
try:
    ro[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    mv[0:2] = b"xyz"
except ValueError as e:
    print("ValueError", e)
try:
    memoryview("str")
except TypeError as e:
    print("TypeError", e)
with memoryview(b"ctx") as m:
    print(m.tobytes())
try:
    m[0]
except ValueError as e:
    print("ValueError", e)
print(bytes(memoryview(b"xy")), list(memoryview(b"\x01\x02")), memoryview(b"ab").obj)

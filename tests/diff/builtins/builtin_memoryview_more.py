# memoryview: casts, formats, item packing errors, hashing, comparison, release and exports; CPython's messages.
mv = memoryview(bytearray(b"abcd"))
for f in [lambda: mv.__setitem__(0, b"x"), lambda: mv.cast('c').__setitem__(0, 1), lambda: mv.cast('c').__setitem__(0, b"xy"), lambda: mv.cast('d'), lambda: mv.cast('i').cast('h'), lambda: mv.cast('xx'), lambda: mv.cast('@B').format,
          lambda: mv[10], lambda: mv['a'], lambda: mv[1.0], lambda: mv.__delitem__(0), lambda: hash(mv), lambda: hash(memoryview(b"abcd").cast('i')), lambda: mv.cast('f').__setitem__(0, 'x'), lambda: mv.cast('?').__setitem__(0, 'x'), lambda: mv.cast('?').tolist(),
          lambda: mv[::2].cast('c'), lambda: memoryview(), lambda: memoryview(1), lambda: mv < mv, lambda: mv.cast('i').__setitem__(0, 2**40), lambda: mv[(0,)], lambda: mv.cast('B', shape=[4]).tolist(), lambda: mv.tobytes('X'), lambda: mv.tobytes('C'), lambda: mv.cast('i').tolist(), lambda: mv.cast('c').tolist(),
          lambda: mv.cast('b').tolist(), lambda: bytes(mv[::2]), lambda: mv[::2].tobytes(), lambda: mv[::-1].hex(), lambda: mv.strides, lambda: mv[::2].strides, lambda: mv.shape, lambda: mv.suboffsets, lambda: mv.ndim, lambda: (mv.c_contiguous, mv[::2].c_contiguous, mv[::2].contiguous), lambda: mv.toreadonly().readonly,
          lambda: memoryview(b"ab") == memoryview(bytearray(b"ab")), lambda: memoryview(b"\xff").cast('b') == memoryview(b"\xff"), lambda: memoryview(b"a").cast('c') == b"a", lambda: mv == "abcd", lambda: mv != b"abcd", lambda: memoryview(mv).obj is mv.obj, lambda: mv.cast('c')[0], lambda: mv.cast('i')[0],
          lambda: mv.__enter__() is mv, lambda: type(iter(mv)).__name__, lambda: list(reversed(mv)), lambda: 98 in mv, lambda: mv[1:3][0], lambda: mv.cast('h').itemsize, lambda: mv.cast('h').nbytes, lambda: len(mv.cast('h')), lambda: mv.cast('h').format, lambda: mv[::2].cast('B'), lambda: mv.cast('B', [4]).shape, lambda: memoryview(b'abc').cast('c').tolist()]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
m2 = memoryview(b"x"); m2.release(); m2.release()
for f in [lambda: len(m2), lambda: m2.obj, lambda: m2.tobytes(), lambda: repr(m2)[:17], lambda: m2 == m2, lambda: m2 == b"x", lambda: hash(m2), lambda: m2.format, lambda: memoryview(m2), lambda: bytes(m2)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
ba = bytearray(b"xyz"); m3 = memoryview(ba)
try:
    ba.append(1)
except BufferError as e:
    print("BufferError", e)
m3.release(); ba.append(1); print(ba)

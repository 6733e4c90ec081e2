# UTF-16/UTF-32 codecs: BOM handling, -le/-be variants, surrogate pairs and every error handler on bad input.
cases = [b"\x00\xd8", b"\x00\xd8a\x00", b"\x00\xdca\x00", b"a\x00b", b"a", b"\x00\xd8\x00\xd8", b"\xff\xfea\x00", b"\xfe\xff\x00a", b"a\x00\x00\xd8"]
for enc in ["utf-16", "utf-16-le", "utf-16-be"]:
    for c in cases:
        for err in ["strict", "replace", "ignore", "backslashreplace", "surrogatepass", "surrogateescape"]:
            try:
                print(enc, c, err, ascii(c.decode(enc, err)))
            except UnicodeDecodeError as e:
                print(enc, c, err, "UDE", e)
c32 = [b"a\x00\x00\x00", b"\x00\xd8\x00\x00", b"\x00\x00\x11\x00", b"a\x00\x00", b"\xff\xfe\x00\x00a\x00\x00\x00", b"\x00\x00\xfe\xff\x00\x00\x00a"]
for enc in ["utf-32", "utf-32-le", "utf-32-be"]:
    for c in c32:
        for err in ["strict", "replace", "surrogatepass", "backslashreplace"]:
            try:
                print(enc, c, err, ascii(c.decode(enc, err)))
            except UnicodeDecodeError as e:
                print(enc, c, err, "UDE", e)
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf_16", "UTF16", "utf-32le", "U16", "utf-16le"]:
    for s in ["a\U0001F600é", "x\ud800y", ""]:
        for err in ["strict", "replace", "ignore", "backslashreplace", "surrogatepass", "xmlcharrefreplace", "surrogateescape"]:
            try:
                print(enc, ascii(s), err, s.encode(enc, err))
            except UnicodeEncodeError as e:
                print(enc, ascii(s), err, "UEE", e)

# open() with UTF-16/UTF-32 encodings: BOM written at offset 0 and detected on reading, -le/-be, newline handling across chunks, codec errors.
path = "/tmp/pyrt_difftest_open_utf16.tmp"
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "UTF-32BE", "utf_16"]:
    with open(path, "w", encoding=enc) as f:
        f.write("héllo\n€\U0001F600 line2\r\nend")
    with open(path, "rb") as f:
        raw = f.read()
    with open(path, encoding=enc) as f:
        text = f.read()
    with open(path, encoding=enc, newline="") as f:
        lines = f.readlines()
    print(enc, raw[:12], len(raw), repr(text), lines)
with open(path, "a", encoding="utf-16") as f:
    f.write("+more")
with open(path, "rb") as f:
    print(f.read()[-12:])
with open(path, "wb") as f:
    f.write(b"\xfe\xff\x00h\x00i")
with open(path, encoding="utf-16") as f:
    print(repr(f.read()))
with open(path, "wb") as f:
    f.write(b"h\x00\x00\xd8i\x00")
try:
    with open(path, encoding="utf-16-le") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
with open(path, encoding="utf-16-le", errors="replace") as f:
    print(repr(f.read()))
try:
    with open(path, "w", encoding="utf-16") as f:
        f.write("a\ud800")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
big = "x\u20ac\U0001F600\r\n" * 5000
with open(path, "w", encoding="utf-16", newline="") as f:
    f.write(big)
with open(path, encoding="utf-16") as f:
    back = f.read()
print(len(back), back == big.replace("\r\n", "\n"))
with open(path, encoding="utf-16") as f:
    print(repr(f.readline()), repr(f.read(3)), f.newlines)
with open(path, "w") as f:
    pass

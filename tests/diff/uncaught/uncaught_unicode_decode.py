# Uncaught UnicodeDecodeError from bytes.decode: status 1, the last stderr line with codec, position and reason.
# exit: 1
for enc in ("utf-8", "latin-1", "ascii", "utf-16", "utf-32", "utf-8", "latin-1", "ascii"):
    print(enc, "ok".encode(enc))
data = b"ok \xff\xfe"
print(data[:3].decode())
print(data.decode("utf-8"))

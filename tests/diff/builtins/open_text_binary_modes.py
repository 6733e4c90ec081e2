# open(): text/binary modes, newline translation, encodings and errors, append/exclusive modes, seek/tell, bad modes.
path = "/tmp/pyrt_difftest_open_modes.tmp"
with open(path, "w", encoding="utf-8") as f:
    print(f.mode, f.name == path, f.closed, f.writable(), f.readable(), f.encoding)
    print(f.write("line1\nline2\r\nline3\rend"), f.tell() > 0)
print(f.closed)
with open(path, "rb") as f:
    raw = f.read()
print(raw, type(raw).__name__, f.mode)
with open(path, newline="") as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.read()), f.newlines if hasattr(f, "newlines") else "")
with open(path, newline="\r\n") as f:
    print(f.readlines())
with open(path, "w", newline="\r\n") as f:
    f.write("a\nb\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, "w", newline="") as f:
    f.write("x\ny\r\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, "a") as f:
    f.write("appended")
with open(path) as f:
    print(f.readline(), f.readline(), repr(f.readline()), repr(f.readline()))
with open(path, "wb") as f:
    print(f.write(b"\xff\xfeh\x00i\x00"), f.mode)
with open(path, "rb") as f:
    print(repr(f.read().decode("utf-16")))
with open(path, encoding="latin-1") as f:
    print(repr(f.read()))
try:
    with open(path, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
with open(path, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))
with open(path, "w", encoding="ascii", errors="backslashreplace") as f:
    f.write("é€")
with open(path, "rb") as f:
    print(f.read())
with open(path, "r+") as f:
    f.seek(2)
    f.write("XY")
    f.seek(0)
    print(f.read(), f.tell())
with open(path, "rb") as f:
    print(f.read(3), f.tell(), f.seek(-2, 2), f.read(), f.seek(0), f.read(1))
try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror)
for mode in ["rw", "z", "rbt", "", "wa"]:
    try:
        open(path, mode)
    except ValueError as e:
        print("ValueError", e)
try:
    open(path, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError", e)
try:
    open(path, "rb", newline="")
except ValueError as e:
    print("ValueError", e)
try:
    open(path, newline="x")
except ValueError as e:
    print("ValueError", e)
try:
    open("/nonexistent_dir_pyrt/x")
except FileNotFoundError as e:
    print("FileNotFoundError", e)
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
with open(path, "w") as f:
    f.writelines(["a", "b\n", "c"])
with open(path) as f:
    print([line for line in f])
with open(path, "w") as f:
    pass

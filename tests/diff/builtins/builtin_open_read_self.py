# open() in text and binary mode on this script itself (read-only): read, readline, iteration, seek, errors.
with open(__file__) as f:
    first = f.readline()
    second = f.readline()
    rest = f.read()
print(repr(first.rstrip("\n")), repr(second.rstrip("\n")), rest.count("\n") > 5, f.closed)
with open(__file__, "rb") as fb:
    data = fb.read(10)
    print(data, type(data).__name__, fb.tell())
    fb.seek(0)
    print(fb.read(3), fb.mode, fb.name.endswith(".py"))
with open(__file__, encoding="utf-8") as f:
    lines = list(f)
print(len(lines) > 10, lines[0][:10], lines[-1].endswith("\n"))
with open(__file__, "r", encoding="utf-8") as f:
    numbered = [(i, l.split()[0] if l.split() else "") for i, l in enumerate(f) if i < 3]
print(numbered)
try:
    open("this_file_does_not_exist.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror, e.filename)
try:
    open(__file__, "q")
except ValueError as e:
    print("ValueError", e)
f = open(__file__)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
with open(__file__) as f:
    print(f.readable(), f.writable(), f.seekable(), f.encoding.lower().replace("-", ""))
with open(__file__, "rb") as f:
    print(f.readline().startswith(b"# open()"), len(f.readlines()) > 5)

# Scenarios for file_object_test.cc, run under /usr/bin/python3 with FILE_CASES_DIR set
# to a directory the test also uses. Each line: scenario name, tab, repr of the result
# (or the traceback's last line for an exception). The C++ test replays each scenario
# through pyrt's builtins.open and prints the same.
import os
import traceback

D = os.environ["FILE_CASES_DIR"]
NEWLINES = [None, "", "\n", "\r", "\r\n"]


def out(name, thunk):
    try:
        r = repr(thunk())
    except Exception as e:  # noqa: BLE001
        r = traceback.format_exception_only(e)[-1].strip()
    print(name, r, sep="\t")


for i, nl in enumerate(NEWLINES):
    p = os.path.join(D, "w%d" % i)
    f = open(p, "w", newline=nl)
    out("write%d" % i, lambda: f.write("a\nb\r\nc\rd"))
    f.close()
    out("raw%d" % i, lambda: open(p, newline="").read())

raw = os.path.join(D, "raw")
with open(raw, "w", newline="") as f:
    f.write("a\nb\r\nc\rd\n\ne")
for i, nl in enumerate(NEWLINES):
    out("readlines%d" % i, lambda: open(raw, newline=nl).readlines())
out("iterate", lambda: [line for line in open(raw)])


def partial_reads():
    f = open(raw)
    return [f.read(3), f.readline(), f.readline(5), f.read(), f.read(), f.readline()]


out("partial", partial_reads)

pr = os.path.join(D, "print")


def printing():
    with open(pr, "w") as f:
        print(1, "x", 2.5, sep="--", end="!\n", file=f)
        print(file=f)
        print("a", "b", file=f, sep=None, end=None)
        print("flushed", file=f, flush=True)
    return open(pr).read()


out("print", printing)


def closed_read():
    f = open(raw)
    f.close()
    return f.read()


out("closed_read", closed_read)
out("closed_flag", lambda: [open(raw).closed, (lambda f: (f.close(), f.closed))(open(raw))])
out("not_writable", lambda: open(raw).write("x"))
out("not_readable", lambda: open(os.path.join(D, "nr"), "w").read())
out("write_bytes", lambda: open(os.path.join(D, "wb"), "w").write(1))


def with_statement():
    with open(raw) as f:
        first = f.readline()
    return [first, f.closed]


out("with", with_statement)

lat = os.path.join(D, "latin")


def latin():
    with open(lat, "w", encoding="latin-1") as f:
        f.write("caf\xe9 \xff")
    return open(lat, encoding="latin-1").read()


out("latin1", latin)
out("ascii_decode", lambda: open(lat, encoding="ascii").read())
out("ascii_encode", lambda: open(os.path.join(D, "ae"), "w", encoding="ascii").write("\xe9"))
out("utf8_decode", lambda: open(lat).read())
out("replace", lambda: open(lat, encoding="ascii", errors="replace").read())


def seek_tell():
    p = os.path.join(D, "st")
    f = open(p, "w")
    f.writelines(["ab", "cd\n", "ef"])
    t1 = f.tell()
    f.close()
    g = open(p)
    a = g.read(2)
    g.seek(0)
    return [t1, a, g.read(), g.tell()]


out("seek_tell", seek_tell)
out("attrs", lambda: (lambda f: [f.name == raw, f.mode, f.encoding, f.errors, f.readable(),
                                  f.writable(), f.seekable(), f.isatty()])(open(raw)))
out("mode_a", lambda: (lambda p: (open(p, "w").write("1"), open(p, "a").write("2"),
                                  open(p).read()))(os.path.join(D, "ap")))


def binary():
    p = os.path.join(D, "bin")
    w = open(p, "wb")
    n = w.write(b"ab\r\ncd\xff\n")
    w.write(bytearray(b"tail"))
    w.close()
    r = open(p, "rb")
    return [n, r.read(3), r.readline(), r.read(), r.read(), repr(r)[:21], r.mode]


out("binary", binary)
out("binary_lines", lambda: open(os.path.join(D, "bin"), "rb").readlines())
out("binary_str", lambda: open(os.path.join(D, "b2"), "wb").write("x"))
out("binary_newline", lambda: open(raw, "rb", newline=""))
out("buffer", lambda: (lambda f: (f.buffer.write(b"xy"), f.write("z"), f.close(),
                                  open(f.name).read()))(open(os.path.join(D, "buf"), "w")))


def read_then_write():
    p = os.path.join(D, "rw")
    with open(p, "w") as f:
        f.write("hello world\nline2\n")
    f = open(p, "r+")
    first = f.read(5)
    f.write("X")
    rest = f.readline()
    f.close()
    return [first, rest, open(p).read()]


out("read_then_write", read_then_write)


def read_then_write_binary():
    p = os.path.join(D, "rwb")
    with open(p, "wb") as f:
        f.write(b"hello world\n")
    f = open(p, "r+b")
    first = f.read(5)
    f.write(b"X")
    rest = f.readline()
    f.close()
    return [first, rest, open(p, "rb").read()]


out("read_then_write_binary", read_then_write_binary)
out("mode_x", lambda: open(raw, "x"))
out("missing", lambda: open(os.path.join(D, "nope")))
out("isdir", lambda: open(D))
out("badmode", lambda: open(raw, "rw"))
out("badenc", lambda: open(raw, encoding="nonexistent-codec"))

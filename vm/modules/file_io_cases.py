# Differential cases for file_io_test.cc (run under /usr/bin/python3 at test time).
#   R <newline> <encoding> <file bytes hex> <readlines result: hex of each line's UTF-8, ','>
#   W <newline> <encoding> <text hex (UTF-8)> <bytes written, hex>
#   E <encoding> <file bytes hex> <exception message>   (strict decode errors via read())
import io
import os
import random
import tempfile

rng = random.Random(7)
NEWLINES = {None: "None", "": "empty", "\n": "lf", "\r": "cr", "\r\n": "crlf"}
PIECES = ["a", "bc", "\n", "\r", "\r\n", "é", "€", "𝄞", " ", "xyz" * 10, "\n\n", "\r\r"]


def text_sample(n):
    return "".join(rng.choice(PIECES) for _ in range(n))


tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "f")
samples = [text_sample(rng.choice([0, 1, 5, 50, 3000])) for _ in range(120)]
# Boundary cases: '\r\n' and a multi-byte character across the 8192-byte chunk edge.
samples.append("x" * 8191 + "\r\n" + "tail")
samples.append("x" * 8190 + "€" + "\nend")
samples.append("x" * 8191 + "\r")
samples.append("x" * 8191 + "\rz")
for s in samples:
    for enc in ["utf-8", "latin-1", "ascii"]:
        try:
            data = s.encode(enc)
        except UnicodeEncodeError:
            continue
        with open(path, "wb") as f:
            f.write(data)
        for nl, name in NEWLINES.items():
            with open(path, "r", encoding=enc, newline=nl) as f:
                lines = f.readlines()
            print("R", name, enc, data.hex(),
                  ",".join(l.encode("utf-8").hex() for l in lines) or "-", sep="\t")
            buf = io.BytesIO()
            w = io.TextIOWrapper(buf, encoding=enc, newline=nl)
            w.write(s)
            w.flush()
            print("W", name, enc, s.encode("utf-8").hex() or "-", buf.getvalue().hex() or "-",
                  sep="\t")
for data in [b"\xff", b"ab\xc3", b"ab\xc3(", b"\x80abc", "é".encode() * 5000 + b"\xff"]:
    for enc in ["utf-8", "ascii"]:
        with open(path, "wb") as f:
            f.write(data)
        try:
            with open(path, encoding=enc) as f:
                f.read()
            msg = "ok"
        except UnicodeDecodeError as e:
            msg = str(e)
        print("E", enc, data.hex(), msg, sep="\t")

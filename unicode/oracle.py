#!/usr/bin/python3
"""Test oracle for unicode_test: python3's own answers, printed compactly.

Modes:
  props             for each block of 256 code points, "BLOCK CRC32" of the
                    block's property lines (see prop_line)
  lines BLOCK       the property lines of one block, for diagnosing a mismatch
  normalize FILE    FILE has one string per line as space-separated hex code
                    points; prints "NFC;NFD;NFKC;NFKD;isnorm-bits" per line
  lookup FILE       FILE has one query per line; also queries every name and
                    alias candidate in Perl's Name.pl (and their lower-case
                    forms); prints "query<TAB>result" with result the hex code
                    point or "-" (not found or a named sequence)
  utf8              for every (b0, b1): the code point and length that decoding
                    b0 b1 80 80 strictly yields for its first character
                    ("-" if none), one line per pair
"""

import glob
import struct
import sys
import unicodedata
import zlib
import _sre


def hexs(s):
    return " ".join("%X" % ord(ch) for ch in s)


def is_cased(c):
    return (c + "a").title()[-1] == "a"


def is_case_ignorable(c, cased):
    if not cased:
        return ("A" + c + "\u03a3").lower()[-1] == "\u03c2"
    return (c + "\u03a3").lower()[-1] == "\u03c3"


def prop_line(cp):
    c = chr(cp)
    cased = is_cased(c)
    flags = "".join("1" if x else "0" for x in (
        c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(),
        c.isspace(), c.islower(), c.isupper(), c.istitle(), c.isprintable(),
        c.isidentifier(), ("a" + c).isidentifier(), cased,
        is_case_ignorable(c, cased), len(("a" + c + "b").splitlines()) == 2,
        unicodedata.mirrored(c) == 1))
    num = unicodedata.numeric(c, None)
    num = "-" if num is None else "%016x" % struct.unpack("<Q", struct.pack("<d", num))[0]
    fields = [
        "%X" % cp, unicodedata.category(c), unicodedata.bidirectional(c),
        unicodedata.east_asian_width(c), str(unicodedata.combining(c)), flags,
        str(unicodedata.decimal(c, -1)), str(unicodedata.digit(c, -1)), num,
        "%X" % _sre.unicode_tolower(cp), "%X" % ord(c.upper()[0]),
        "%X" % ord(c.title()[0]),
        hexs(c.lower()), hexs(c.upper()), hexs(c.title()), hexs(c.casefold()),
        unicodedata.decomposition(c),
        hexs(unicodedata.normalize("NFC", c)), hexs(unicodedata.normalize("NFD", c)),
        hexs(unicodedata.normalize("NFKC", c)), hexs(unicodedata.normalize("NFKD", c)),
        unicodedata.name(c, ""), c.encode("utf-8", "surrogatepass").hex().upper(),
    ]
    return ";".join(fields) + "\n"


def block_text(block):
    return "".join(prop_line(cp) for cp in range(block * 256, block * 256 + 256))


def alias_candidates():
    for path in sorted(glob.glob("/usr/share/perl/*/unicore/Name.pl"))[-1:]:
        text = open(path, encoding="ascii").read()
        body = text.split("return <<'END';\n", 1)[1].split("\nEND\n", 1)[0]
        for entry in body.split("\n\n"):
            lines = entry.split("\n")
            if len(lines) == 2:
                yield lines[1]


def main():
    mode = sys.argv[1]
    out = sys.stdout
    if mode == "props":
        for block in range(0x110000 // 256):
            out.write("%d %d\n" % (block, zlib.crc32(block_text(block).encode())))
    elif mode == "lines":
        out.write(block_text(int(sys.argv[2])))
    elif mode == "normalize":
        for line in open(sys.argv[2], encoding="ascii"):
            s = "".join(chr(int(x, 16)) for x in line.split())
            forms = ("NFC", "NFD", "NFKC", "NFKD")
            bits = "".join("1" if unicodedata.is_normalized(f, s) else "0" for f in forms)
            out.write(";".join(hexs(unicodedata.normalize(f, s)) for f in forms) + ";" + bits + "\n")
    elif mode == "lookup":
        queries = [line.rstrip("\n") for line in open(sys.argv[2], encoding="utf-8")]
        for name in alias_candidates():
            queries.append(name)
            queries.append(name.lower())
        for q in queries:
            try:
                r = unicodedata.lookup(q)
                r = "%X" % ord(r) if len(r) == 1 else "-"
            except KeyError:
                r = "-"
            out.write("%s\t%s\n" % (q, r))
    elif mode == "utf8":
        for b0 in range(256):
            for b1 in range(256):
                data = bytes([b0, b1, 0x80, 0x80])
                r = "-"
                for n in range(1, 5):
                    try:
                        s = data[:n].decode("utf-8")
                    except UnicodeDecodeError:
                        continue
                    if len(s) == 1:
                        r = "%X %d" % (ord(s), n)
                    break
                out.write(r + "\n")
    else:
        sys.exit("unknown mode " + mode)


if __name__ == "__main__":
    main()

"""Prints repr/ascii and codec test cases computed by this python3 (run by text_test).
Text fields are hex: str as UTF-8 with surrogates passed through, bytes as themselves.

  R  <str> <repr(str)> <ascii(str)>
  BR <bytes> <repr(bytes)>
  D  <encoding> <handler> <bytes> <"OK:" str | "ERR:" start ":" end ":" hex(message)>
  E  <encoding> <handler> <str> <"OK:" bytes | "ERR:" start ":" end ":" hex(message)>
"""

import random
import sys

HANDLERS = ["strict", "ignore", "replace", "surrogateescape", "backslashreplace",
            "surrogatepass", "xmlcharrefreplace", "namereplace"]


def hs(s):
    return s.encode("utf-8", "surrogatepass").hex()


def main():
    rng = random.Random(3)
    pool = (["a", "Z", " ", "'", '"', "\\", "\n", "\r", "\t", "\x00", "\x1f", "\x7f", "\x80",
             "\xa0", "\xad", "é", "ÿ", "Ā", "€", "\u200b", "\u2028", "\ufeff", "\uffff",
             "日", "\ud800", "\udc80", "\udcff", "\udfff", "𝄞", "\U000e0001", "\U0010ffff",
             "\U0001f600"] + [chr(rng.randrange(0x110000)) for _ in range(40)])
    strs = ["", "'", '"', "'\"", "it's"] + [
        "".join(rng.choice(pool) for _ in range(rng.randint(0, 12))) for _ in range(1500)]
    out = []
    for s in strs:
        out.append("R\t%s\t%s\t%s" % (hs(s), hs(repr(s)), hs(ascii(s))))
    byte_pool = [0x00, 0x09, 0x0a, 0x0d, 0x27, 0x22, 0x5c, 0x41, 0x7f, 0x80, 0xbf, 0xc0,
                 0xc1, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x9f,
                 0xa0, 0x90, 0x8f, 0x28]
    blobs = [b"", b"abc", b"\xff", b"\xe2\x82", b"\xe2\x28\xa1", b"a\xed\xa0\x80b",
             b"\xf0\x90\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"\xe0\x80\x80", b"ok\x80\x81",
             "héllo €𝄞".encode(), b"\xed\xb2\x80x"]
    blobs += [bytes(rng.choice(byte_pool) for _ in range(rng.randint(0, 10))) for _ in range(1500)]
    blobs += [rng.choice(strs).encode("utf-8", "surrogatepass") for _ in range(300)]
    for b in blobs:
        out.append("BR\t%s\t%s" % (b.hex(), hs(repr(b))))
        for enc in ["utf-8", "ascii", "latin-1"]:
            for h in HANDLERS[:6]:
                try:
                    res = "OK:" + hs(b.decode(enc, h))
                except UnicodeDecodeError as e:
                    res = "ERR:%d:%d:%s" % (e.start, e.end, hs(str(e)))
                out.append("D\t%s\t%s\t%s\t%s" % (enc, h, b.hex(), res))
    for s in strs:
        for enc in ["utf-8", "ascii", "latin-1"]:
            for h in HANDLERS:
                try:
                    res = "OK:" + s.encode(enc, h).hex()
                except UnicodeEncodeError as e:
                    res = "ERR:%d:%d:%s" % (e.start, e.end, hs(str(e)))
                out.append("E\t%s\t%s\t%s\t%s" % (enc, h, hs(s), res))
    sys.stdout.write("\n".join(out) + "\n")


main()

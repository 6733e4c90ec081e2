"""Prints str.format() template-parsing cases computed by this python3 (run by
format_string_test). Fields are hex UTF-8; lines:

  P <template> <chunks | ERR:message>     list(_string.formatter_parser(template));
      chunks are ";"-joined "literal,field,spec,conversion" (hex; "~" for None)
  N <field name> <first,first_index|parts... | ERR:message>
      _string.formatter_field_name_split: parts are "a:<hex>" / "i:<hex>" / "n:<int>"
  A <template> <indexes used, ","-joined | ERR:message>   automatic numbering
"""

import _string
import random
import sys


def h(s):
    return s.encode("utf-8", "surrogatepass").hex()


def main():
    rng = random.Random(21)
    pieces = ["a", "b", " ", "{", "}", "{{", "}}", "!", ":", "r", "s", "0", "1", "12", ".",
              "[", "]", "x", "é", "{0}", "{}", "{a}", "{0!r}", "{:>5}", "{0:{1}}", "\u0663", "\U0001d7d8"]
    out = []
    for _ in range(6000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        try:
            chunks = list(_string.formatter_parser(t))
            res = ";".join(",".join("~" if v is None else h(v) for v in c) for c in chunks)
            res = "OK:" + res
        except ValueError as e:
            res = "ERR:" + h(str(e))
        out.append("P\t%s\t%s" % (h(t), res))
    name_pieces = ["a", "0", "12", ".", "[", "]", "x", "é", "\u0663", "99999999999999999999", "-"]
    for _ in range(4000):
        f = "".join(rng.choice(name_pieces) for _ in range(rng.randint(0, 6)))
        try:
            first, rest = _string.formatter_field_name_split(f)
            parts = []
            for is_attr, v in rest:
                parts.append(("a:" + h(v)) if is_attr else ("n:%d" % v if isinstance(v, int) else "i:" + h(v)))
            first_s = ("n:%d" % first) if isinstance(first, int) else ("s:" + h(first))
            res = "OK:" + "|".join([first_s] + parts)
        except ValueError as e:
            res = "ERR:" + h(str(e))
        out.append("N\t%s\t%s" % (h(f), res))
    for _ in range(2000):
        t = "".join(rng.choice(["{}", "{0}", "{1}", "x", "{2}", "{}"]) for _ in range(rng.randint(1, 5)))
        try:
            res = "OK:" + ",".join(t.format(*[str(i) for i in range(10)]).replace("x", ""))
        except ValueError as e:
            res = "ERR:" + h(str(e))
        out.append("A\t%s\t%s" % (h(t), res))
    sys.stdout.write("\n".join(out) + "\n")


main()

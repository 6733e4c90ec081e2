#!/usr/bin/python3
"""Generates pyrt's Unicode tables from python3's own unicodedata and str methods.

Usage:  /usr/bin/python3 unicode/gen_tables.py [OUTPUT_DIR]

Writes props_tables.inc, decomp_tables.inc and name_tables.inc into OUTPUT_DIR
(default: the directory of this script).  Every fact comes from the running
interpreter (Python 3.11 => Unicode 14.0.0): unicodedata.* for the database
fields and the str methods for CPython's own per-code-point predicates and case
mappings.  The one outside input is the list of *candidate* name aliases, read
from Perl's copy of the UCD (/usr/share/perl/<ver>/unicore/Name.pl); a candidate
is kept only if unicodedata.lookup() accepts it and it is not the character's
own name, so python3 remains the judge.

The output is deterministic: re-running with the same interpreter reproduces
the committed files byte for byte (unicode_test checks this).
"""

import glob
import os
import sys
import unicodedata

MAX_CP = 0x110000
assert unicodedata.unidata_version == "14.0.0", unicodedata.unidata_version

CATEGORIES = ["Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No",
              "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So",
              "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"]
BIDI = ["", "L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B",
        "S", "WS", "ON", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI",
        "FSI", "PDI"]
EAW = ["N", "A", "F", "H", "Na", "W"]

# Flag bits; must match internal/tables.h.
FLAGS = ["ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "SPACE", "LOWER", "UPPER",
         "TITLE", "CASED", "CASE_IGNORABLE", "PRINTABLE", "LINEBREAK",
         "XID_START", "XID_CONTINUE", "MIRRORED", "EXTENDED_CASE"]
BIT = {name: 1 << i for i, name in enumerate(FLAGS)}


# --- Per-code-point facts, all read from python3 -------------------------

def is_cased(c):
    # str.title() lower-cases a letter that follows a cased character and
    # title-cases it otherwise; so the 'a' stays 'a' exactly when c is cased.
    return (c + "a").title()[-1] == "a"


def is_case_ignorable(c, cased):
    # str.lower() maps U+03A3 to final sigma when a cased letter precedes it,
    # skipping case-ignorable characters on the way back.
    if not cased:
        return ("A" + c + "\u03a3").lower()[-1] == "\u03c2"
    # A cased c before the sigma makes it final unless c is skipped.
    return (c + "\u03a3").lower()[-1] == "\u03c3"


def is_linebreak(c):
    return len(("a" + c + "b").splitlines()) == 2


def flags_of(c):
    f = 0
    cased = is_cased(c)
    for name, value in (
            ("ALPHA", c.isalpha()), ("DECIMAL", c.isdecimal()),
            ("DIGIT", c.isdigit()), ("NUMERIC", c.isnumeric()),
            ("SPACE", c.isspace()), ("LOWER", c.islower()),
            ("UPPER", c.isupper()),
            ("TITLE", unicodedata.category(c) == "Lt"),
            ("CASED", cased), ("CASE_IGNORABLE", is_case_ignorable(c, cased)),
            ("PRINTABLE", c.isprintable()), ("LINEBREAK", is_linebreak(c)),
            ("XID_START", c.isidentifier()),
            ("XID_CONTINUE", ("a" + c).isidentifier()),
            ("MIRRORED", unicodedata.mirrored(c) == 1)):
        if value:
            f |= BIT[name]
    return f


class Builder:
    def __init__(self):
        self.case_data = []          # char32_t pool for extended case maps
        self.case_index = {}         # tuple(seq) -> offset in case_data
        self.numeric_values = []     # distinct unicodedata.numeric values
        self.numeric_index = {}
        self.records = []
        self.record_index = {}
        self.cp_record = [0] * MAX_CP

    def case_ref(self, seq):
        key = tuple(seq)
        if key not in self.case_index:
            self.case_index[key] = len(self.case_data)
            self.case_data.extend(key)
        assert 1 <= len(key) <= 3
        return self.case_index[key] | (len(key) << 24)

    def numeric_ref(self, c):
        v = unicodedata.numeric(c, None)
        if v is None:
            return 0
        key = repr(v)
        if key not in self.numeric_index:
            self.numeric_index[key] = len(self.numeric_values) + 1
            self.numeric_values.append(v)
        return self.numeric_index[key]

    def record_for(self, cp):
        c = chr(cp)
        flags = flags_of(c)
        lower = [ord(x) for x in c.lower()]
        upper = [ord(x) for x in c.upper()]
        title = [ord(x) for x in c.title()]
        fold = [ord(x) for x in c.casefold()]
        if len(lower) == len(upper) == len(title) == 1 and fold == lower:
            case = (lower[0] - cp, upper[0] - cp, title[0] - cp, 0)
        else:
            flags |= BIT["EXTENDED_CASE"]
            case = (self.case_ref(lower), self.case_ref(upper),
                    self.case_ref(title), self.case_ref(fold))
        return (CATEGORIES.index(unicodedata.category(c)),
                BIDI.index(unicodedata.bidirectional(c)),
                EAW.index(unicodedata.east_asian_width(c)),
                unicodedata.combining(c), flags,
                unicodedata.decimal(c, -1), unicodedata.digit(c, -1),
                self.numeric_ref(c)) + case

    def build(self):
        for cp in range(MAX_CP):
            rec = self.record_for(cp)
            idx = self.record_index.get(rec)
            if idx is None:
                idx = self.record_index[rec] = len(self.records)
                self.records.append(rec)
            self.cp_record[cp] = idx


# --- Table splitting and C++ emission ------------------------------------

def ctype_for(values):
    m = max(values) if values else 0
    lo = min(values) if values else 0
    assert lo >= 0
    if m < 1 << 8:
        return "uint8_t", 1
    if m < 1 << 16:
        return "uint16_t", 2
    return "uint32_t", 4


def split_two_level(data):
    """Returns (shift, index1, index2) minimising the total size so that
    data[i] == index2[(index1[i >> shift] << shift) + (i & mask)]."""
    best = None
    for shift in range(2, 12):
        size = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for start in range(0, len(data), size):
            block = tuple(data[start:start + size])
            n = blocks.get(block)
            if n is None:
                n = blocks[block] = len(blocks)
                index2.extend(block)
            index1.append(n)
        bytes_ = len(index1) * ctype_for(index1)[1] + len(index2) * ctype_for(index2)[1]
        if best is None or bytes_ < best[0]:
            best = (bytes_, shift, index1, index2)
    return best[1:]


def emit_array(out, ctype, name, values, per_line=24):
    out.append("inline constexpr %s %s[%d] = {" % (ctype, name, len(values)))
    line = []
    for v in values:
        line.append(str(v))
        if len(line) == per_line:
            out.append(",".join(line) + ",")
            line = []
    if line:
        out.append(",".join(line) + ",")
    out.append("};")


def emit_two_level(out, prefix, data):
    shift, index1, index2 = split_two_level(data)
    out.append("inline constexpr int %sShift = %d;" % (prefix, shift))
    emit_array(out, ctype_for(index1)[0], prefix + "Index1", index1)
    emit_array(out, ctype_for(index2)[0], prefix + "Index2", index2)


HEADER = """// GENERATED by unicode/gen_tables.py from python3 %s (Unicode %s).
// Do not edit; re-run the generator.  Included only by unicode/*.cc.
"""


def header():
    return [HEADER % (sys.version.split()[0], unicodedata.unidata_version)]


def props_inc(b):
    out = header()
    out.append("// Property records: {category, bidi, eaw, combining, flags, decimal, "
               "digit, numeric, lower, upper, title, fold}")
    out.append("inline constexpr PropRecord kPropRecords[%d] = {" % len(b.records))
    for r in b.records:
        out.append("{%s}," % ",".join(str(x) for x in r))
    out.append("};")
    emit_two_level(out, "kProp", b.cp_record)
    out.append("// Record of a code point that is not assigned (plane 5), for cp > 0x10FFFF.")
    out.append("inline constexpr int kUnassignedRecord = %d;" % b.cp_record[0x50000])
    emit_array(out, "char32_t", "kCaseData", b.case_data)
    out.append("inline constexpr double kNumericValues[%d] = {" % (len(b.numeric_values) + 1))
    out.append("0.0,")
    for v in b.numeric_values:
        out.append(repr(v) + ",")
    out.append("};")
    out.append("inline constexpr std::string_view kBidiNames[%d] = {%s};" % (
        len(BIDI), ",".join('"%s"' % x for x in BIDI)))
    out.append("inline constexpr std::string_view kEawNames[%d] = {%s};" % (
        len(EAW), ",".join('"%s"' % x for x in EAW)))
    return out


# --- Decompositions and composition ---------------------------------------

def decomp_inc():
    tags = [""]
    data = [0]   # offset 0 = no decomposition
    cp_decomp = [0] * MAX_CP
    seen = {}
    for cp in range(MAX_CP):
        d = unicodedata.decomposition(chr(cp))
        if not d:
            continue
        parts = d.split()
        tag = ""
        if parts[0].startswith("<"):
            tag = parts.pop(0)
        if tag not in tags:
            tags.append(tag)
        cps = [int(x, 16) for x in parts]
        assert 1 <= len(cps) <= 18
        key = (tags.index(tag), tuple(cps))
        if key not in seen:
            seen[key] = len(data)
            data.append(key[0] << 8 | len(cps))
            data.extend(cps)
        cp_decomp[cp] = seen[key]
    out = header()
    out.append("// Decomposition data: header word (tag << 8 | length), then the code points.")
    emit_array(out, "uint32_t", "kDecompData", data)
    emit_two_level(out, "kDecomp", cp_decomp)
    out.append("inline constexpr std::string_view kDecompTags[%d] = {%s};" % (
        len(tags), ",".join('"%s"' % x for x in tags)))
    # Primary composites: a canonical pair composes iff NFC gives it back.
    pairs = []
    for cp in range(MAX_CP):
        d = unicodedata.decomposition(chr(cp))
        if not d or d.startswith("<"):
            continue
        parts = [int(x, 16) for x in d.split()]
        if len(parts) != 2:
            continue
        if unicodedata.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(cp):
            pairs.append((parts[0] << 21 | parts[1], cp))
    pairs.sort()
    out.append("// Canonical composition pairs: (first << 21 | second) -> composite, sorted.")
    out.append("inline constexpr CompositionPair kCompositions[%d] = {" % len(pairs))
    line = []
    for key, cp in pairs:
        line.append("{%d,%d}" % (key, cp))
        if len(line) == 8:
            out.append(",".join(line) + ",")
            line = []
    if line:
        out.append(",".join(line) + ",")
    out.append("};")
    return out


# --- Names ------------------------------------------------------------------

HANGUL_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J",
            "JJ", "C", "K", "T", "P", "H"]
HANGUL_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
            "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"]
HANGUL_T = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB",
            "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C",
            "K", "T", "P", "H"]


def hangul_name(cp):
    s = cp - 0xAC00
    return "HANGUL SYLLABLE " + HANGUL_L[s // 588] + HANGUL_V[(s % 588) // 28] + HANGUL_T[s % 28]


def alias_candidates():
    files = sorted(glob.glob("/usr/share/perl/*/unicore/Name.pl"))
    if not files:
        sys.exit("gen_tables.py: no /usr/share/perl/*/unicore/Name.pl for alias candidates")
    text = open(files[-1], encoding="ascii").read()
    body = text.split("return <<'END';\n", 1)[1].split("\nEND\n", 1)[0]
    for entry in body.split("\n\n"):
        lines = entry.split("\n")
        if len(lines) != 2 or " " in lines[0]:
            continue   # named sequences list several code points
        yield int(lines[0], 16), lines[1]


def tokenize(name):
    """Splits a name into words; a hyphen becomes its own token '-'.
    Words are joined by ' ' except around a '-' token."""
    tokens = []
    for i, spaced in enumerate(name.split(" ")):
        parts = spaced.split("-")
        for j, p in enumerate(parts):
            if j:
                tokens.append("-")
            tokens.append(p)
    return tokens


def detokenize(tokens):
    s = ""
    prev_word = False
    for t in tokens:
        if t == "-":
            s += "-"
            prev_word = False
        else:
            if prev_word:
                s += " "
            s += t
            prev_word = True
    return s


def names_inc():
    names = {}
    ranges = []   # (first, last, prefix) for PREFIX-%04X names
    for cp in range(MAX_CP):
        n = unicodedata.name(chr(cp), None)
        if n is None:
            continue
        if 0xAC00 <= cp <= 0xD7A3:
            assert n == hangul_name(cp), (hex(cp), n)
            continue
        hexs = "%04X" % cp
        if n.endswith("-" + hexs):
            prefix = n[:-len(hexs)]
            if ranges and ranges[-1][2] == prefix and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp, prefix])
            continue
        names[cp] = n
    # Aliases python's lookup() accepts.
    aliases = []
    for cp, alias in alias_candidates():
        if cp in names and names[cp] == alias:
            continue
        if unicodedata.name(chr(cp), None) == alias:
            continue
        try:
            got = unicodedata.lookup(alias)
        except KeyError:
            continue
        if got == chr(cp):
            aliases.append((cp, alias))
    aliases = sorted(set(aliases))

    # Word lexicon, most frequent first; hyphen is id 0.
    freq = {}
    def count(n):
        for t in tokenize(n):
            if t != "-":
                freq[t] = freq.get(t, 0) + 1
    for n in names.values():
        count(n)
    for _, a in aliases:
        count(a)
    words = sorted(freq, key=lambda w: (-freq[w], w))
    word_id = {w: i + 1 for i, w in enumerate(words)}
    word_id["-"] = 0
    nwords = len(words) + 1
    # id < 0xC0: one byte; else two bytes 0xC0 + (id - 0xC0) >> 8, low byte.
    assert nwords < 0xC0 + (0x40 << 8), nwords

    def encode(n):
        tokens = tokenize(n)
        assert detokenize(tokens) == n, n
        b = []
        for t in tokens:
            i = word_id[t]
            if i < 0xC0:
                b.append(i)
            else:
                i -= 0xC0
                b.append(0xC0 + (i >> 8))
                b.append(i & 0xFF)
        assert len(b) < 256
        return [len(b)] + b

    lex_chars = "".join(words)
    lex_offsets = [0]
    for w in words:
        lex_offsets.append(lex_offsets[-1] + len(w))
    # Names in code point order, each prefixed by its length in bytes; every
    # kNameBlock-th name's offset is recorded.
    NAME_BLOCK = 16
    name_bytes = []
    block_offsets = []
    cp_ordinal = [0] * MAX_CP
    for ordinal, cp in enumerate(sorted(names)):
        if ordinal % NAME_BLOCK == 0:
            block_offsets.append(len(name_bytes))
        name_bytes.extend(encode(names[cp]))
        cp_ordinal[cp] = ordinal + 1
    alias_bytes = []
    alias_entries = []
    for cp, a in aliases:
        alias_entries.append((cp, len(alias_bytes)))
        alias_bytes.extend(encode(a))

    out = header()
    out.append("inline constexpr int kNameBlock = %d;" % NAME_BLOCK)
    out.append("inline constexpr int kNameWordCount = %d;  // id 0 is '-'" % nwords)
    # The lexicon as one string literal, split in lines.
    out.append("inline constexpr std::string_view kNameLexicon =")
    for i in range(0, len(lex_chars), 100):
        out.append('"%s"' % lex_chars[i:i + 100])
    out.append(";")
    emit_array(out, "uint32_t", "kNameLexiconOffsets", [0] + lex_offsets)
    emit_array(out, "uint8_t", "kNameBytes", name_bytes, per_line=32)
    emit_array(out, "uint32_t", "kNameBlockOffsets", block_offsets)
    # cp -> ordinal: per 64-code-point chunk a bitmap of named code points and
    # the ordinal of the chunk's first named one; chunks deduplicated.
    chunks = [(0, 0)]
    chunk_of = []
    for start in range(0, MAX_CP, 64):
        bits = 0
        base = 0
        for cp in range(start, start + 64):
            if cp_ordinal[cp]:
                if not bits:
                    base = cp_ordinal[cp]
                bits |= 1 << (cp - start)
        if bits:
            chunks.append((bits, base))
            chunk_of.append(len(chunks) - 1)
        else:
            chunk_of.append(0)
    out.append("inline constexpr NameChunk kNameChunks[%d] = {" % len(chunks))
    for i in range(0, len(chunks), 6):
        out.append(",".join("{%dull,%d}" % c for c in chunks[i:i + 6]) + ",")
    out.append("};")
    emit_two_level(out, "kNameChunk", chunk_of)
    emit_array(out, "uint8_t", "kAliasBytes", alias_bytes, per_line=32)
    out.append("inline constexpr AliasEntry kAliases[%d] = {" % len(alias_entries))
    out.append(",".join("{%d,%d}" % e for e in alias_entries))
    out.append("};")
    out.append("// Algorithmic names: PREFIX followed by the code point in hex (%04X).")
    out.append("inline constexpr NameRange kNameRanges[%d] = {" % len(ranges))
    for first, last, prefix in ranges:
        out.append('{%d,%d,"%s"},' % (first, last, prefix))
    out.append("};")
    return out


def write(path, lines):
    data = "\n".join(lines) + "\n"
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write(data)


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    b = Builder()
    b.build()
    write(os.path.join(outdir, "props_tables.inc"), props_inc(b))
    write(os.path.join(outdir, "decomp_tables.inc"), decomp_inc())
    write(os.path.join(outdir, "name_tables.inc"), names_inc())


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""SyntaxError test: each invalid snippet of invalid_snippets.txt is parsed by
our ast_dump and by python3 (compile(..., ast.PyCF_ONLY_AST), i.e. ast.parse)
and the errors' (type, msg, lineno, offset) are compared.  Snippets marked
with "@" are also tried inside a function, an if block and a class body.

Fails unless the set of differing snippets equals error_expected_differences.txt
(a list that may only shrink).  Usage: error_snippets_test.py [--ast-dump P]
[--update] [--show N]
"""
import argparse
import ast
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_test import find_runfile  # noqa: E402

CONTEXTS = [
    ("module", lambda s: s),
    ("def", lambda s: "def f():\n" + "".join("    " + l + "\n" for l in s.split("\n"))),
    ("if", lambda s: "if x:\n    pass\n" + "".join("    " + l + "\n" for l in s.split("\n"))),
    ("class", lambda s: "class C:\n" + "".join("    " + l + "\n" for l in s.split("\n"))),
]


def decode(line):
    return re.sub(r"\\(n|t|\\|x[0-9a-fA-F]{2})",
                  lambda m: {"n": "\n", "t": "\t", "\\": "\\"}.get(m.group(1)) or chr(int(m.group(1)[1:], 16)),
                  line)


def snippets(path):
    out = []
    for raw in open(path, encoding="utf-8"):
        raw = raw.rstrip("\n")
        if not raw or raw.startswith("#"):
            continue
        if raw.startswith("@"):
            src = decode(raw[1:])
            for name, wrap in CONTEXTS:
                out.append(("%s| %s" % (name, raw[1:]), wrap(src)))
        else:
            out.append(("module| %s" % raw, decode(raw)))
    return out


def python_error(src):
    try:
        compile(src.encode("utf-8", "surrogateescape"), "<s>", "exec", ast.PyCF_ONLY_AST)
        return None
    except SyntaxError as e:
        return "%s: %s (line %s, offset %s" % (type(e).__name__, e.msg, e.lineno, e.offset)
    except ValueError as e:
        return "ValueError: %s" % e
    except (MemoryError, RecursionError) as e:
        return type(e).__name__


def python_symtable_line(src):
    from corpus_test import python_symtable
    out = python_symtable(src.encode("utf-8", "surrogateescape"))
    return out.split(", end_line")[0] if out.startswith("SyntaxError") else out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--symtable", action="store_true",
                    help="symtable_snippets.txt vs _symtable (whole output compared)")
    ap.add_argument("--ast-dump", default=None)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    kind = "symtable" if args.symtable else "ast"
    tool = args.ast_dump or find_runfile("compiler/%s_dump" % kind)
    data = find_runfile("tests/compiler/%s" % ("symtable_snippets.txt" if args.symtable
                                               else "invalid_snippets.txt"))
    exp_path = find_runfile("tests/compiler/%s" % ("symtable_expected_differences.txt.snippets"
                                                   if args.symtable else "error_expected_differences.txt"))
    items = snippets(data)
    tmp = tempfile.mkdtemp()
    paths = []
    for i, (_, src) in enumerate(items):
        p = os.path.join(tmp, "s%d.py" % i)
        with open(p, "wb") as f:
            f.write(src.encode("utf-8", "surrogateescape"))
        paths.append(p)
    proc = subprocess.run([tool, "--each"], input="\n".join(paths) + "\n", capture_output=True,
                          encoding="utf-8", errors="replace")
    if args.symtable:
        # Multi-line outputs: run one file at a time.
        differ = []
        for (key, src), p in zip(items, paths):
            got = subprocess.run([tool, p], capture_output=True, encoding="utf-8",
                                 errors="replace").stdout.rstrip("\n")
            got = got.split(", end_line")[0] if got.startswith("SyntaxError") else got
            want = python_symtable_line(src)
            if got != want:
                differ.append((key, want, got))
        print("%d of %d symtable snippets identical to _symtable" % (len(items) - len(differ), len(items)))
        for key, want, got in differ[: args.show]:
            print("--- %r\n  python: %s\n  ours  : %s" % (key, want, got))
        return 1 if differ else 0
    outs = proc.stdout.split("\n")
    if proc.returncode != 0 or len(outs) < len(items):
        print("ast_dump failed", proc.returncode, proc.stderr[-2000:])
        return 1
    differ = []
    valid = 0
    for (key, src), ours in zip(items, outs):
        want = python_error(src)
        if want is None:
            valid += 1
            got_ok = not ours.startswith(("SyntaxError", "IndentationError", "TabError", "MemoryError"))
            if not got_ok:
                differ.append((key, "python: valid", ours))
            continue
        ours_cut = ours.split(", end_line")[0]
        if want.startswith(("MemoryError", "RecursionError", "ValueError")):
            ours_cut = ours
        if ours_cut != want:
            differ.append((key, want, ours))
    n = len(items)
    print("%d of %d snippets give CPython's error (type, msg, lineno, offset); %d are valid in 3.11"
          % (n - len(differ), n, valid))
    for key, want, got in differ[: args.show]:
        print("--- %r\n  python: %s\n  ours  : %s" % (key, want, got))
    expected = set()
    if os.path.exists(exp_path):
        for line in open(exp_path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                expected.add(line)
    got = set(k for k, _, _ in differ)
    if args.update:
        with open(exp_path, "w", encoding="utf-8") as f:
            f.write("# Snippets whose error differs from CPython's (context| snippet). May only shrink.\n")
            for k in sorted(got):
                f.write(k + "\n")
        print("wrote", exp_path)
        return 0
    new, fixed = sorted(got - expected), sorted(expected - got)
    for k in new[:40]:
        print("NEW DIFFERENCE:", k)
    for k in fixed[:40]:
        print("NOW MATCHES (remove from list):", k)
    return 1 if new or fixed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Corpus test: our ast_dump vs CPython's ast.dump on every .py file of Lib/.

Runs python3's ast.parse over every file in this one process (no per-file
start-up), runs `ast_dump --crc` once over the same list, and compares CRC-32 and
length of each file's output (the dump, or the one-line SyntaxError format).
Prints "N of M identical" and fails if the set of differing files is not exactly
the expected-differences list (tests/compiler/ast_expected_differences.txt:
"<path relative to Lib> # reason" per line).  The list may only shrink: a file
that now matches must be removed from it.

Usage: corpus_test.py [--ast-dump PATH] [--lib DIR] [--expected FILE]
                      [--update] [--show N]
"""
import argparse
import ast
import os
import subprocess
import sys
import zlib


def find_runfile(rel):
    srcdir = os.environ.get("TEST_SRCDIR")
    ws = os.environ.get("TEST_WORKSPACE", "pyrt")
    if srcdir:
        p = os.path.join(srcdir, ws, rel)
        if os.path.exists(p):
            return p
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    for p in (os.path.join(root, rel), os.path.join(root, "bazel-bin", rel)):
        if os.path.exists(p):
            return p
    return rel


def python_output(data):
    """The line ast_dump prints for these bytes, per CPython."""
    try:
        return ast.dump(ast.parse(data), include_attributes=True)
    except SyntaxError as e:
        return "%s: %s (line %s, offset %s, end_line %s, end_offset %s)" % (
            type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except (MemoryError, RecursionError) as e:
        return type(e).__name__
    except ValueError as e:
        return "ValueError: %s" % e


def python_symtable(data):
    """The text symtable_dump prints, per CPython's _symtable module."""
    import _symtable
    try:
        top = _symtable.symtable(data, "<corpus>", "exec")
    except SyntaxError as e:
        return "%s: %s (line %s, offset %s, end_line %s, end_offset %s)" % (
            type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except (MemoryError, RecursionError) as e:
        return type(e).__name__
    except ValueError as e:
        return "ValueError: %s" % e
    out = []

    def walk(t):
        out.append("scope %d %s %d" % (t.type, t.name, t.lineno))
        for n, f in sorted(t.symbols.items()):
            out.append("  %s %d" % (n, f))
        for c in t.children:
            walk(c)
    walk(top)
    return "\n".join(out)


def corpus_files(lib):
    out = []
    for root, dirs, files in os.walk(lib):
        dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "dist-packages", "__pycache__"))
        for f in sorted(files):
            if f.endswith(".py"):
                out.append(os.path.join(root, f))
    return out


def load_expected(path):
    exp = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            name, _, reason = line.partition(" # ")
            exp[name.strip()] = reason.strip()
    return exp


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ast-dump", default=None)
    ap.add_argument("--lib", default="/usr/lib/python3.11")
    ap.add_argument("--expected", default=None)
    ap.add_argument("--update", action="store_true", help="rewrite the expected list")
    ap.add_argument("--show", type=int, default=0, help="show the first N differences")
    ap.add_argument("--symtable", action="store_true",
                    help="compare symtable_dump with _symtable instead of the AST")
    args = ap.parse_args()
    oracle = python_symtable if args.symtable else python_output
    kind = "symtable" if args.symtable else "ast"
    tool = args.ast_dump or find_runfile("compiler/%s_dump" % kind)
    expected_path = args.expected or find_runfile("tests/compiler/%s_expected_differences.txt" % kind)
    files = corpus_files(args.lib)
    rels = [os.path.relpath(f, args.lib) for f in files]

    proc = subprocess.run([tool, "--crc"], input="\n".join(files) + "\n", capture_output=True, encoding="utf-8",
                          errors="surrogateescape")
    ours = {}
    for line in proc.stdout.splitlines():
        crc, size, path = line.split(" ", 2)
        ours[path] = (crc, int(size))
    if proc.returncode != 0 or len(ours) != len(files):
        print("ast_dump failed: rc=%d, %d of %d results\n%s" % (proc.returncode, len(ours),
              len(files), proc.stderr[-2000:]))
        return 1

    differ = []
    for f, rel in zip(files, rels):
        with open(f, "rb") as fh:
            data = fh.read()
        text = oracle(data) + "\n"
        enc = text.encode("utf-8", "surrogatepass")
        mine = ours.get(f)
        if mine != ("%08x" % zlib.crc32(enc), len(enc)):
            differ.append(rel)
    m = len(files)
    n = m - len(differ)
    print("%d of %d identical" % (n, m))
    expected = load_expected(expected_path)
    if args.update:
        with open(args.expected or expected_path, "w", encoding="utf-8") as out:
            out.write("# Files of Lib/ whose ast_dump differs from CPython's (path # reason).\n")
            out.write("# This list may only shrink.\n")
            for rel in differ:
                out.write("%s # %s\n" % (rel, expected.get(rel, "unanalysed")))
        print("wrote", args.expected or expected_path)
    for rel in differ[: args.show]:
        f = os.path.join(args.lib, rel)
        a = oracle(open(f, "rb").read())
        b = subprocess.run([tool, f], capture_output=True, text=True, errors="replace").stdout.rstrip("\n")
        i = 0
        while i < min(len(a), len(b)) and a[i] == b[i]:
            i += 1
        print("--- %s (first difference at %d)\n  python: %s\n  ours  : %s" % (
            rel, i, a[max(0, i - 150):i + 150], b[max(0, i - 150):i + 150]))
    new = sorted(set(differ) - set(expected))
    fixed = sorted(set(expected) - set(differ))
    ok = True
    if new:
        ok = False
        print("%d files differ that are not in the expected list:" % len(new))
        for r in new[:50]:
            print("  " + r)
    if fixed:
        ok = False
        print("%d files in the expected list now match; remove them:" % len(fixed))
        for r in fixed[:50]:
            print("  " + r)
    return 0 if ok or args.update else 1


if __name__ == "__main__":
    sys.exit(main())

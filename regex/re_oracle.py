#!/usr/bin/env python3
"""Runs regex test cases through CPython's `re` and prints the expected outcomes.

Shared by gen_cases.py (which writes the committed table regex/testdata/cases.txt) and
by the randomized differential test (which pipes its generated cases through this
script in one batch process).

Case line (tab-separated):   kind  flags  pattern  op  subject  pos  endpos
  kind     's' (str pattern and subject) or 'b' (bytes)
  flags    integer re flags
  pattern, subject   escaped text: printable ASCII as is, anything else (and '\\')
           as \\{HEX} giving the code point (for bytes: the byte value)
  op       match | search | fullmatch | finditer | compile | sub=<escaped repl> |
           split=<maxsplit>
  pos, endpos   integers; endpos -1 means "not given"
Output line: the case line, a tab, and the outcome:
  E:<type>:<pos>:<escaped message>    compile raised (type re.error/ValueError/...)
  N                                    no match
  M:<lastindex>:<s0>,<e0>;<s1>,<e1>... a match (-1 for unset groups / None lastindex)
  F:<match>|<match>|...                finditer's matches, each <lastindex>:<spans>
  C:<groups>                           compile succeeded (op == compile)
  S:<n>:<escaped result>               subn's result
  P:<piece>|<piece>...                 split's result ('|' escaped, \\N for None)
"""
import re
import sys
import warnings


def escape(s):
    out = []
    for ch in s:
        c = ch if isinstance(ch, int) else ord(ch)
        if 0x20 <= c < 0x7f and c != 0x5c:
            out.append(chr(c))
        else:
            out.append('\\{%x}' % c)
    return ''.join(out)


def unescape(s, is_bytes):
    out = []
    i = 0
    while i < len(s):
        if s[i] == '\\':
            j = s.index('}', i)
            out.append(int(s[i + 2:j], 16))
            i = j + 1
        else:
            out.append(ord(s[i]))
            i += 1
    if is_bytes:
        return bytes(out)
    return ''.join(map(chr, out))


def spans(m):
    li = m.lastindex if m.lastindex is not None else -1
    parts = ['%d,%d' % m.span(g) for g in range(m.re.groups + 1)]
    return '%d:%s' % (li, ';'.join(parts))


def evaluate(kind, flags, pattern, op, subject, pos, endpos):
    is_bytes = kind == 'b'
    p = unescape(pattern, is_bytes)
    s = unescape(subject, is_bytes)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            rx = re.compile(p, flags)
        except re.error as e:
            return 'E:error:%d:%s' % (-1 if e.pos is None else e.pos, escape(e.msg))
        except (ValueError, OverflowError, RecursionError) as e:
            return 'E:%s:-1:%s' % (type(e).__name__, escape(str(e)))
    if op == 'compile':
        return 'C:%d' % rx.groups
    if op.startswith('sub='):
        repl = unescape(op[4:], is_bytes)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                res, n = rx.subn(repl, s)
        except re.error as e:
            return 'E:error:%d:%s' % (-1 if e.pos is None else e.pos, escape(e.msg))
        except IndexError as e:
            return 'E:IndexError:-1:%s' % escape(str(e))
        return 'S:%d:%s' % (n, escape(res))
    if op.startswith('split='):
        parts = rx.split(s, int(op[6:]))
        return 'P:' + '|'.join('\\N' if x is None else escape(x).replace('|', '\\{7c}')
                               for x in parts)
    args = [s, pos] if endpos < 0 else [s, pos, endpos]
    if op == 'finditer':
        return 'F:' + '|'.join(spans(m) for m in rx.finditer(*args))
    m = getattr(rx, op)(*args)
    if m is None:
        return 'N'
    return 'M:' + spans(m)


def main():
    re._MAXCACHE = 16
    for line in sys.stdin:
        line = line.rstrip('\n')
        if not line:
            continue
        kind, flags, pattern, op, subject, pos, endpos = line.split('\t')
        try:
            result = evaluate(kind, int(flags), pattern, op, subject, int(pos), int(endpos))
        except RecursionError:
            result = 'E:RecursionError:-1:'
        sys.stdout.write(line + '\t' + result + '\n')


if __name__ == '__main__':
    main()

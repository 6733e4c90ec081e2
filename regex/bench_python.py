#!/usr/bin/env python3
"""CPython's `re` on the cases of regex_benchmark.cc (same patterns, same haystacks),
printed as `Case/python <milliseconds>` (median of 3 runs, process CPU time, as
Google Benchmark's CPU column; finditer counting).
Pathological cases run in a subprocess with a time limit.

    python3 regex/bench_python.py
"""
import glob
import os
import re
import statistics
import subprocess
import sys
import time


def lib_text():
    files = sorted(glob.glob('/usr/lib/python3.11/*.py'))
    text = ''.join(open(f, encoding='utf-8', errors='replace').read() for f in files)
    return text[:1000000]


def words():
    return open('/usr/share/dict/american-english', encoding='utf-8').read()


def dictionary_pattern():
    out = []
    for w in open('/usr/share/dict/american-english', encoding='utf-8').read().split('\n'):
        if len(w) >= 6 and all('a' <= c <= 'z' for c in w):
            out.append(w)
            if len(out) == 1000:
                break
    return '|'.join(out)


def long_lines():
    s = []
    for i in range(100000):
        s.append('x')
        if i % 1000 == 999:
            s.append('\n')
    return ''.join(s)


CASES = [
    ('Literal', 'return', 'lib', 0),
    ('LiteralIgnoreCase', 'RETURN', 'lib', re.I),
    ('Alternation20', 'list|dict|tuple|set|frozenset|str|bytes|int|float|complex|bool|object|'
     'type|range|slice|property|super|len|print|open', 'lib', 0),
    ('Dictionary1000', None, 'lib', 0),
    ('ClassIng', '[a-zA-Z]+ing', 'lib', 0),
    ('EmailLike', r'[\w.+-]+@[\w-]+\.[\w.-]+', 'lib', 0),
    ('UnicodeWord', r'\w+', 'words', 0),
    ('LineAnchored', r'^\s*def\s+\w+\(.*\):$', 'lib', re.M),
    ('CaptureDate', r'(\d{4})-(\d{2})-(\d{2})', 'lib', 0),
    ('Backreference', r'(\w+)\s+\1', 'lib', 0),
    ('Lookbehind', r'(?<=def )\w+', 'lib', 0),
    ('LongWord', r'\b\w{12,}\b', 'lib', 0),
    ('BoundedClass', '[A-Za-z]{8,13}', 'lib', 0),
    ('PathoAltStar', '(a|aa)*c', 'a10k', 0),
    ('PathoDotStars', '.*.*=.*', 'lines', 0),
    ('PathoNestedStar', r'([^\n]*)*l', 'x100k', 0),
    ('PathoAltStarTail', '(a|aa)*c', 'a10kbc', 0),
    ('PathoDotStarsTail', '.*.*=.*', 'lineseq', 0),
    ('PathoNestedStarTail', r'([^\n]*)*l', 'x100knl', 0),
]


def haystack(name):
    return {'lib': lib_text, 'words': words, 'a10k': lambda: 'a' * 10000,
            'x100k': lambda: 'x' * 100000, 'lines': long_lines,
            'a10kbc': lambda: 'a' * 10000 + 'bc', 'x100knl': lambda: 'x' * 100000 + '\nl',
            'lineseq': lambda: long_lines() + '\n='}[name]()


def run_case(name):
    for case, pattern, hay, flags in CASES:
        if case == name:
            break
    if pattern is None:
        pattern = dictionary_pattern()
    rx = re.compile(pattern, flags)
    text = haystack(hay)
    times = []
    for _ in range(3):
        t = time.process_time()
        n = sum(1 for _ in rx.finditer(text))
        times.append((time.process_time() - t) * 1000)
    print('%s/python %.3f ms matches=%d' % (case, statistics.median(times), n), flush=True)


def compile_case():
    import re._compiler as c
    pats = [p for _, p, _, _ in CASES if p is not None and len(p) < 200]
    more = [r'\d+', r'\w+@\w+', r'[a-z]+', r'^\s+$', r'(\d{1,3}\.){3}\d{1,3}', r'[A-Z][a-z]+',
            r'\bthe\b', r'(?:foo|bar|baz)+', r'[^,]*,[^,]*', r'https?://[^\s]+', r'\s*#.*$',
            r'(\w+)=(\w+)', r'a{2,5}b{3}', r'[\x00-\x1f]', r'(?:\r\n|\n|\r)', r'\$\{(\w+)\}',
            r'<([a-z]+)[^>]*>', r'\d{4}-\d{2}-\d{2}', r'[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?',
            r'\"(?:[^\"\\]|\\.)*\"']
    while len(pats) < 100:
        for m in more:
            if len(pats) >= 100:
                break
            pats.append(m + ('' if len(pats) % 2 else 'x'))
    times = []
    for _ in range(5):
        t = time.process_time()
        for p in pats:
            c.compile(p, 0)  # bypasses re's cache
        times.append((time.process_time() - t) * 1e6)
    print('Compile100/python %.1f us' % statistics.median(times), flush=True)


def main():
    if len(sys.argv) > 1:
        run_case(sys.argv[1])
        return
    for case, _, _, _ in CASES:
        limit = 20 if case.startswith('Patho') else 600
        try:
            subprocess.run([sys.executable, os.path.abspath(__file__), case], timeout=limit,
                           check=True)
        except subprocess.TimeoutExpired:
            print('%s/python >%d s (timed out)' % (case, limit), flush=True)
    compile_case()


if __name__ == '__main__':
    main()

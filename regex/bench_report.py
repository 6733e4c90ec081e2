#!/usr/bin/env python3
"""Merges Google Benchmark output of regex_benchmark (run with --benchmark_repetitions=3
--benchmark_report_aggregates_only=true) and bench_python.py output into the Markdown
table of regex/README.md (CPU time medians; ratios > 1 mean pyrt is faster).

    python3 regex/bench_report.py bench.txt python.txt
"""
import math
import re
import sys


def main(bench, python):
    cpu = {}
    order = []
    for line in open(bench):
        m = re.match(r'(\S+)/(\w+)_median\s+([\d.]+) (ms|us)\s+([\d.]+) (ms|us)', line)
        if m:
            v = float(m.group(5)) * (1000 if m.group(6) == 'ms' else 1)
            if m.group(1) not in cpu:
                order.append(m.group(1))
            cpu.setdefault(m.group(1), {})[m.group(2)] = v
    timeouts = set()
    for line in open(python):
        m = re.match(r'(\S+)/python ([\d.]+) (ms|us)', line)
        if m:
            cpu.setdefault(m.group(1), {})['python'] = float(m.group(2)) * (
                1000 if m.group(3) == 'ms' else 1)
        m = re.match(r'(\S+)/python >(\d+) s', line)
        if m:
            cpu.setdefault(m.group(1), {})['python'] = float(m.group(2)) * 1e6
            timeouts.add(m.group(1))

    def fmt(x):
        if x is None:
            return '-'
        return '%.3f ms' % (x / 1000) if x >= 1000 else '%.1f us' % x

    print('| case | pyrt | re2 | pcre2 (JIT) | std::regex | CPython re | re2/pyrt | CPython/pyrt |')
    print('|---|---|---|---|---|---|---|---|')
    gm_py, gm_re2 = [], []
    for k in order:
        v = cpu[k]
        p = max(v.get('pyrt', 0), 0.5)  # below the resolution of the report
        r2, py = v.get('re2'), v.get('python')
        ratio_re2 = '%.2f' % (r2 / p) if r2 else '-'
        if k in timeouts:
            ratio_py = '> %d' % (py / p)
            py_s = '> %d s (killed)' % (py / 1e6)
        else:
            ratio_py = '%.1f' % (py / p) if py else '-'
            py_s = fmt(py)
        print('| %s | %s | %s | %s | %s | %s | %s | %s |' % (
            k, fmt(v.get('pyrt')), fmt(r2), fmt(v.get('pcre2')), fmt(v.get('std_regex')), py_s,
            ratio_re2, ratio_py))
        if not k.startswith('Patho') and not k.startswith('Compile'):
            if py:
                gm_py.append(py / p)
            if r2:
                gm_re2.append(r2 / p)
    g = lambda xs: math.exp(sum(map(math.log, xs)) / len(xs))
    print()
    print('Geometric mean over the %d non-pathological search cases: CPython/pyrt = %.2f; '
          're2/pyrt = %.2f over the %d cases re2 supports.' % (len(gm_py), g(gm_py), g(gm_re2),
                                                              len(gm_re2)))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])

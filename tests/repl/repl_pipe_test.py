#!/usr/bin/env python3
"""Differential test of pyrt's REPL fed from a pipe (`-i`, stdin not a terminal).

Each case is typed into `INTERP -i` on stdin; stdout, stderr (prompts, tracebacks) and
the exit status must equal python3's. The banner's first line names the implementation
and version, so only its line count is compared (both print two lines).

usage: repl_pipe_test.py PYRT [PYTHON3]
"""

import os
import subprocess
import sys
import tempfile

CASES = [
    # The brief's example: assignment, echo, multi-line def, error, session goes on.
    'x=1\nx+1\ndef f():\n  return 5\n\nf()\n1/0\nprint("after")\n',
    'x=1\n',
    # End of input inside a block runs it.
    'if 1:\n  print(5)',
    'if 1:\n  print(5)\n',
    # A real syntax error is reported at once; the next line is a new statement.
    'print(1 2\n3\n',
    'if 1:\n  x=1\ny=2\n5\n',
    # Blank and comment lines.
    '\n# c\n  \n  # x\nx=1\n\n\nx\n',
    # Tracebacks through functions typed earlier; builtins._ from displayhook.
    'def g():\n  1/0\n\ng()\n_\n5\n_\nNone\n_\n',
    # sys.ps1/ps2 are read at each prompt; exit() with a status.
    'import sys\nsys.ps1="A "\nsys.ps2="B "\nif 1:\n  pass\n\nexit(3)\nprint(9)\n',
    'quit()\n',
    'raise SystemExit("bye")\n',
    # Continuation: triple-quoted strings, brackets, backslashes.
    '"""abc\ndef"""\n(1,\n2)\nx = 1 + \\\n 2\nx\n',
    '[1,\n\n 2]\n{"a":\n 1}\n',
    # Compound statements with else/elif/except, decorators, classes.
    'for i in range(3):\n  i\nelse:\n  print("done")\n\n',
    'try:\n  1/0\nexcept ZeroDivisionError as e:\n  print("caught", e)\n\n',
    'def deco(f):\n  return f\n\n@deco\ndef h():\n  return 9\n\nh()\n',
    'class A:\n  x = 1\n  def m(self):\n    return self.x\n\nA().m()\n',
    'if 0:\n  pass\nelif 1:\n  print("elif")\n\n',
    # Errors: indentation, unknown names, errors found after parsing.
    '  x = 1\nx = 2\nx\n',
    'if 1:\nprint(1)\n',
    'undefined_name\n',
    'return 5\n',
    'def f(:\n',
    'x = (1,\n 2\n',
    'if 1:\n  x = 1\n    y = 2\n',
    # Semicolons, several expressions on a line; strings echo as repr.
    'a = 1; b = 2; a + b\n"s"\nb"b"\n1, 2\n',
    # None is not echoed, _ keeps the last value.
    '7\nNone\n_\n',
    # A statement that continues after EOF.
    'def k():\n  return 1',
    'x = [\n',
    # Interactive exceptions print chained tracebacks.
    'try:\n  1/0\nexcept Exception:\n  raise ValueError("v")\n\n',
    'import sys; sys.exit(0)\n',
    'print("a", end="")\n',
    'while False:\n  pass\n\nprint("w")\n',
    'async def co():\n  return 1\n\nco.__name__\n',
    'match 1:\n  case 1:\n    print("one")\n\n',
    'f = lambda: 1\nf()\n',
    'def g(x,\n      y):\n  return x + y\n\ng(1,\n2)\n',
    'print(1 2\n',
    'x = (1 +\n',
    '(yield)\n',
]


def run(interp, text, extra=()):
    p = subprocess.run([interp, *extra, '-i'], input=text.encode(), capture_output=True,
                       timeout=60, env={'PYTHONHASHSEED': '0', 'PATH': '/usr/bin:/bin'})
    err = p.stderr.decode(errors='replace').split('\n')
    return p.stdout.decode(errors='replace'), err[2:], p.returncode


def main():
    pyrt = sys.argv[1]
    python3 = sys.argv[2] if len(sys.argv) > 2 else '/usr/bin/python3'
    passed = failed = 0
    for text in CASES:
        want = run(python3, text)
        got = run(pyrt, text)
        if want == got:
            passed += 1
            continue
        failed += 1
        print('FAIL', repr(text))
        for name, w, g in zip(('stdout', 'stderr', 'status'), want, got):
            if w != g:
                print('  %s: python3 %r' % (name, w))
                print('  %s: pyrt    %r' % (name, g))
    fd, script = tempfile.mkstemp(suffix='.py')
    with os.fdopen(fd, 'w') as f:
        f.write('x = 41\nprint("script ran")\n')
    # -i after a program (-c, FILE): the REPL sees the program's globals; SystemExit and
    # errors in the program are printed and the REPL still runs.
    for args, text in [(['-c', 'x = 5'], 'print(x)\n'),
                       (['-c', '1/0'], 'print("still here")\n'),
                       (['-c', 'import sys; x = 5; sys.exit(3)'], 'print(x)\n'),
                       (['-q', '-c', 'y = 2'], 'y * 2\n'),
                       ([script], 'print(x, __name__)\n"__file__" in dir()\n'),
                       ([script, 'a1'], 'import sys; sys.argv\n')]:
        def run2(interp):
            p = subprocess.run([interp, '-i', *args], input=text.encode(), capture_output=True,
                               timeout=60)
            return p.stdout, p.stderr, p.returncode
        want, got = run2(python3), run2(pyrt)
        if want == got:
            passed += 1
        else:
            failed += 1
            print('FAIL -i', args, repr(text))
            print('  python3', want)
            print('  pyrt   ', got)
    os.unlink(script)
    # The banner: two lines on stderr, the first naming the version.
    p = subprocess.run([pyrt, '-i'], input=b'', capture_output=True, timeout=60)
    lines = p.stderr.decode().split('\n')
    if (len(lines) == 4 and lines[0].startswith('Python 3.11') and
            lines[1].startswith('Type "help", "copyright"') and lines[2:] == ['>>> ', '']):
        passed += 1
    else:
        failed += 1
        print('FAIL banner', lines)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

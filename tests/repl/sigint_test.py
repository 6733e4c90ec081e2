#!/usr/bin/env python3
"""SIGINT -> KeyboardInterrupt, differential against python3.

Each script runs under both interpreters with SIGINT at its default action (a shell
would ignore it in background jobs); once the script has printed "start", it gets
SIGINT. Compared: stdout, the last line of stderr, and how the process ended (python3
re-raises SIGINT after the traceback, so it dies "killed by SIGINT": returncode -2).
Also: SIGINT at the REPL's prompt (pipe mode) prints KeyboardInterrupt and the session
goes on.

usage: sigint_test.py PYRT [PYTHON3]
"""

import os
import signal
import subprocess
import sys
import tempfile
import time

SCRIPTS = {
    'sleep': 'import time\nprint("start", flush=True)\ntime.sleep(20)\nprint("not reached")\n',
    'loop': 'print("start", flush=True)\ni = 0\nwhile True:\n    i += 1\n',
    'calls': ('def f(n):\n    return n + 1\nprint("start", flush=True)\nx = 0\n'
              'for i in iter(int, 1):\n    x = f(x)\n'),
    'catch': ('import time\nprint("start", flush=True)\ntry:\n    time.sleep(20)\n'
              'except KeyboardInterrupt as e:\n    print("caught", repr(e))\n'
              'print("after", flush=True)\n'),
    'catch_loop': ('print("start", flush=True)\ntry:\n    while True:\n        pass\n'
                   'except KeyboardInterrupt:\n    print("caught loop")\n'),
    'finally': ('import time\nprint("start", flush=True)\ntry:\n    time.sleep(20)\n'
                'finally:\n    print("finally runs")\n'),
}


def default_sigint():
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run(interp, path, stdin_text=None):
    p = subprocess.Popen([interp, *path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, preexec_fn=default_sigint)
    if stdin_text is not None:
        p.stdin.write(stdin_text.encode())
        p.stdin.flush()
    first = p.stdout.readline()
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    if stdin_text is not None:
        time.sleep(0.3)
        p.stdin.write(b'print("next")\n')
    p.stdin.close()
    p.stdin = None
    out, err = p.communicate(timeout=60)
    return (first + out).decode(), err.decode(), p.returncode


def main():
    pyrt = sys.argv[1]
    python3 = sys.argv[2] if len(sys.argv) > 2 else '/usr/bin/python3'
    passed = failed = 0
    with tempfile.TemporaryDirectory() as d:
        for name, text in SCRIPTS.items():
            path = os.path.join(d, name + '.py')
            with open(path, 'w') as f:
                f.write(text)
            want = run(python3, [path])
            got = run(pyrt, [path])
            w = (want[0], want[1].strip().split('\n')[-1], want[2])
            g = (got[0], got[1].strip().split('\n')[-1], got[2])
            if w == g:
                passed += 1
            else:
                failed += 1
                print('FAIL', name)
                print('  python3', w)
                print('  pyrt   ', g)
    # The REPL from a pipe: Ctrl-C at the prompt.
    text = 'print("start")\n'
    want = run(python3, ['-i', '-q'], text)
    got = run(pyrt, ['-i', '-q'], text)
    if want == got:
        passed += 1
    else:
        failed += 1
        print('FAIL repl prompt')
        print('  python3', want)
        print('  pyrt   ', got)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

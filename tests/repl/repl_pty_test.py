#!/usr/bin/env python3
"""The REPL on a real terminal: drives `INTERP` (no arguments) through a pty, as a user
would, and compares what the terminal shows with python3 driven the same way.

Typed: an assignment, an expression (echoed), a multi-line def closed by an empty line,
a call, an error (traceback, session continues), a partial line discarded by Ctrl-C
("KeyboardInterrupt"), a loop stopped by Ctrl-C (traceback), then Ctrl-D (exit status 0). The terminal's text is normalised
(escape sequences and carriage returns removed; line editors redraw differently) and
the banner's first line (version, build) is skipped.

usage: repl_pty_test.py PYRT [PYTHON3]
"""

import os
import pty
import re
import select
import shutil
import signal
import sys
import tempfile
import time

STEPS = [
    ('x = 6\n', '>>> '),
    ('x * 7\n', '>>> '),
    ('def f(n):\n', '... '),
    ('    return n + x\n', '... '),
    ('\n', '>>> '),
    ('f(1)\n', '>>> '),
    ('1/0\n', '>>> '),
    ('print("still", "here")\n', '>>> '),
    ('partial', None),       # then Ctrl-C
    ('\x03', '>>> '),
    ('while True: pass\n', '... '),
    ('\n', None),            # runs until Ctrl-C: KeyboardInterrupt traceback
    ('\x03', '>>> '),
    ('[1,\n', '... '),
    (' 2]\n', '>>> '),
    ('\x04', None),           # Ctrl-D: exit
]

HOME = tempfile.mkdtemp(prefix='repl_pty_test.')  # python3 writes .python_history here

ESCAPES = re.compile(rb'\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\x07')


def read_until(fd, suffix, timeout=20.0):
    data = b''
    end = time.time() + timeout
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
            if suffix is not None and ESCAPES.sub(b'', data).endswith(suffix):
                break
        elif suffix is None and data:
            break
    return data


def session(argv):
    env = dict(os.environ, TERM='xterm', PYTHONHASHSEED='0', HOME=HOME)
    env.pop('PYTHONSTARTUP', None)
    pid, fd = pty.fork()
    if pid == 0:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.execve(argv[0], argv, env)
    out = read_until(fd, b'>>> ')
    for text, prompt in STEPS:
        # libedit prints the prompt a moment before it switches the terminal to raw
        # mode; text typed in between is echoed by the terminal too (type-ahead).
        time.sleep(0.1)
        os.write(fd, text.encode())
        if prompt is None:
            out += read_until(fd, None, 1.0)
        else:
            out += read_until(fd, prompt.encode())
    out += read_until(fd, None, 5.0)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return out, status


def normalise(raw):
    text = ESCAPES.sub(b'', raw).replace(b'\r', b'').decode(errors='replace')
    # Line editors echo Ctrl-C as "^C" or not at all; libedit echoes the Ctrl-D that
    # ends the session as "^D" (GNU readline does not).
    text = text.replace('^C', '').replace('^D', '')
    # libedit sometimes redraws the partial line before Ctrl-C (timing-dependent).
    text = re.sub('(partial)+', 'partial', text)
    lines = text.split('\n')
    return lines[1:]  # the banner's version line differs


def main():
    pyrt = sys.argv[1]
    python3 = sys.argv[2] if len(sys.argv) > 2 else '/usr/bin/python3'
    got_raw, got_status = session([pyrt])
    want_raw, want_status = session([python3])
    got, want = normalise(got_raw), normalise(want_raw)
    checks = [
        ('exit status 0', os.WIFEXITED(got_status) and os.WEXITSTATUS(got_status) == 0),
        ('banner', got_raw.split(b'\r\n')[0].startswith(b'Python 3.11')),
        ('echo 42', '42' in got),
        ('def and call', '7' in got),
        ('continuation prompt', any(l.startswith('... ') for l in got)),
        ('traceback', 'ZeroDivisionError: division by zero' in got),
        ('session continues', 'still here' in got),
        ('Ctrl-C', got.count('KeyboardInterrupt') == 2),
        ('interrupted loop', '  File "<stdin>", line 1, in <module>' in got),
        ('bracket continuation', '[1, 2]' in got),
        ('same as python3', got == want),
    ]
    failed = 0
    for name, ok in checks:
        print('PASS' if ok else 'FAIL', name)
        failed += not ok
    if failed:
        print('--- pyrt');
        print('\n'.join(got))
        print('--- python3')
        print('\n'.join(want))
    shutil.rmtree(HOME, ignore_errors=True)
    print('%d passed, %d failed' % (len(checks) - failed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

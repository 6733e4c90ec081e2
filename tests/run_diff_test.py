"""Tests for tests/run_diff: a fake interpreter proves each verdict.

The fake `pyrt` is a small Python script that reads a directive from the test file's
first line and misbehaves accordingly; the reference interpreter is the real python3.
"""

import os
import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUN_DIFF = HERE / "run_diff"

FAKE = textwrap.dedent("""\
    #!/usr/bin/env python3
    import os, runpy, signal, sys, time
    path = sys.argv[1]
    directive = open(path).readline().strip().removeprefix("# fake: ")
    if directive == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    if directive == "hang":
        time.sleep(60)
    if directive == "wrong":
        print("not what python3 prints")
        sys.exit(0)
    if directive == "status":
        print("same")
        sys.exit(3)
    if directive == "other-error":
        raise KeyError("not the same exception")
    if directive == "env":
        print(os.environ.get("PYTHONHASHSEED"), sys.stdin.read() == "")
        sys.exit(0)
    sys.argv = [path]
    runpy.run_path(path, run_name="__main__")
""")

CASES = {
    "pass.py": "# fake: pass\nprint('hello')\n",
    "wrong.py": "# fake: wrong\nprint('hello')\n",
    "crash.py": "# fake: crash\nprint('hello')\n",
    "hang.py": "# fake: hang\nprint('hello')\n",
    "status.py": "# fake: status\nprint('same')\n",
    "raises.py": "# fake: pass\nprint('before')\nraise ValueError('boom')\n",
    "other_error.py": "# fake: other-error\nraise ValueError('boom')\n",
    "env.py": "# fake: env\nimport os, sys\nprint(os.environ.get('PYTHONHASHSEED'), sys.stdin.read() == '')\n",
    "sub/nested_pass.py": "# fake: pass\nprint(sum(range(10)))\n",
    "known_bad.py": "# fake: wrong\nprint('x')\n",
    "fixed.py": "# fake: pass\nprint('x')\n",
    "_support.py": "# fake: crash\n",
}

XFAIL = "known_bad.py  the fake prints the wrong thing\nfixed.py  passes now\n"


class RunDiffTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = Path(cls.tmp.name) / "diff"
        for name, text in CASES.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        (root / "xfail.txt").write_text(XFAIL)
        fake = Path(cls.tmp.name) / "fake_pyrt"
        fake.write_text(FAKE)
        fake.chmod(0o755)
        cls.root, cls.fake = root, fake
        cls.proc = cls.run_diff()
        cls.lines = cls.proc.stdout.splitlines()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def run_diff(cls, *extra):
        return subprocess.run(
            [sys.executable, str(RUN_DIFF), "--root", str(cls.root), "--pyrt",
             str(cls.fake), "--python3", sys.executable, "--timeout", "3", "-j", "4",
             *extra], capture_output=True, text=True, timeout=120)

    def verdict(self, name):
        for line in self.lines:
            parts = line.split()
            if len(parts) >= 2 and parts[1] == name:
                return parts[0]
        self.fail(f"no verdict line for {name} in:\n{self.proc.stdout}")

    def test_verdicts(self):
        self.assertEqual(self.verdict("pass.py"), "PASS")
        self.assertEqual(self.verdict("sub/nested_pass.py"), "PASS")
        self.assertEqual(self.verdict("raises.py"), "PASS")
        self.assertEqual(self.verdict("env.py"), "PASS")
        self.assertEqual(self.verdict("wrong.py"), "FAIL")
        self.assertEqual(self.verdict("status.py"), "FAIL")
        self.assertEqual(self.verdict("other_error.py"), "FAIL")
        self.assertEqual(self.verdict("crash.py"), "CRASH")
        self.assertEqual(self.verdict("hang.py"), "TIMEOUT")

    def test_xfail_and_xpass_count_neither(self):
        self.assertEqual(self.verdict("known_bad.py"), "XFAIL")
        self.assertEqual(self.verdict("fixed.py"), "XPASS")
        self.assertEqual(self.lines[-1], "4 passed, 5 failed")
        self.assertEqual(self.proc.returncode, 1)

    def test_support_modules_are_not_tests(self):
        self.assertNotIn("_support.py", self.proc.stdout)

    def test_diff_shows_first_mismatch(self):
        out = self.proc.stdout
        self.assertIn("-hello", out)
        self.assertIn("+not what python3 prints", out)
        self.assertIn("exit status: python3 0, pyrt 3", out)
        self.assertIn("+KeyError: 'not the same exception'", out)
        self.assertIn("SIGSEGV", out)

    def test_filter_and_all_pass_exit_zero(self):
        proc = self.run_diff("--filter", "pass")
        self.assertEqual(proc.stdout.splitlines()[-1], "2 passed, 0 failed")
        self.assertEqual(proc.returncode, 0)

    def test_xfail_without_reason_is_an_error(self):
        bad = Path(self.tmp.name) / "bad"
        bad.mkdir()
        (bad / "a.py").write_text("print(1)\n")
        (bad / "xfail.txt").write_text("a.py\n")
        proc = subprocess.run([sys.executable, str(RUN_DIFF), "--root", str(bad),
                               "--pyrt", str(self.fake), "--python3", sys.executable],
                              capture_output=True, text=True, timeout=60)
        self.assertIn("has no reason", proc.stdout)
        self.assertEqual(proc.returncode, 1)


if __name__ == "__main__":
    unittest.main()

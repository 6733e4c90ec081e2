# sys.exit() with None exits 0; SystemExit variants inspected before the final exit.
import sys
for code in (None, 0, 1, 2, "text", True, [1]):
    try:
        sys.exit(code)
    except SystemExit as e:
        print(repr(code), "->", repr(e.code), type(e).__name__, isinstance(e, Exception))
try:
    raise SystemExit(5, "extra")
except SystemExit as e:
    print(e.code, e.args)
try:
    exit_ = sys.exit
    exit_()
except SystemExit as e:
    print("no argument ->", e.code)
def cleanup():
    try:
        sys.exit(7)
    except Exception:
        print("not caught by except Exception")
    finally:
        print("finally in cleanup")
try:
    cleanup()
except BaseException as e:
    print("caught by BaseException", type(e).__name__, e.code)
print("exiting with None now")
sys.exit(None)

# exit: 1
# stderr: expected
# A sys.excepthook that raises: CPython prints "Error in sys.excepthook:", the hook's error, then the original exception (last stderr line).
import sys
calls = []
def bad_hook(t, v, tb):
    calls.append(t.__name__)
    print("hook called with", t.__name__, v)
    raise ValueError("the hook itself failed")
sys.excepthook = bad_hook
for i in range(8):
    print("work", i, i ** 3)
raise LookupError("original problem")

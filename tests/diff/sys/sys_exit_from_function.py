# exit: 4
# SystemExit raised deep inside calls, through with-blocks and finally, ends with that status.
import sys
class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, et, ev, tb):
        print("exit sees", et.__name__, ev.code)
        return False
def inner():
    print("inner")
    sys.exit(4)
def outer():
    with CM():
        try:
            inner()
        finally:
            print("outer finally")
for i in range(5):
    print("prelude", i)
outer()

# exit: 1
# An uncaught exception whose __str__ raises: CPython prints "<exception str() failed>".
class Weird(Exception):
    def __str__(self):
        raise RuntimeError("no str")
for i in range(10):
    print("ok", i)
try:
    raise Weird()
except Weird as e:
    print("caught Weird, repr:", repr(e))
raise Weird()

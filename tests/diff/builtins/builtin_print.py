# print(): sep, end, file, flush, objects' str conversion, and argument errors.
# stderr: expected
import sys
print("a", "b", "c")
print("a", "b", sep="-")
print("a", "b", sep="", end="!\n")
print("no newline", end="")
print(" ...continued")
print(1, 2.5, None, [1], (2,), {"k": 3}, sep=" | ")
print(sep="ignored")
print(*range(5), sep=", ")
print("to stdout", file=sys.stdout)
print("to stderr is not compared", file=sys.stderr)
print("flush", flush=True)
print("sep None", "end None", sep=None, end=None)
print()
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("x", 1, sep=":", end=";", file=w)
print(w.parts)
for kw in ({"sep": 1}, {"end": 2}, {"file": 5}, {"bogus": 1}):
    try:
        print("x", **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print("unicode é € \U0001F600", "tab\there")
sys.stdout.write("written directly\n")
print(sys.stdout.write("abc\n"))

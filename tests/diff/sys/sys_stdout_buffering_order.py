# stdout writes through print and sys.stdout.write interleave in order; flush; writelines.
import sys
print("one")
sys.stdout.write("two\n")
print("three", end="")
sys.stdout.write(" four\n")
sys.stdout.writelines(["five\n", "six\n"])
sys.stdout.flush()
print("seven", flush=True)
out = sys.stdout
print(out.writable(), out.readable() if hasattr(out, "readable") else False, out.isatty())
n = sys.stdout.write("chars: é€\n")
print(n)
print(repr(sys.stdout.newlines) if hasattr(sys.stdout, "newlines") else None, sys.stdout.line_buffering in (True, False))
for i in range(3):
    sys.stdout.write("%d," % i)
sys.stdout.write("\n")
print("end")

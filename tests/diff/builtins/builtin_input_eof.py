# input() with stdin closed (/dev/null, as the runner provides): EOFError; the prompt goes to stdout.
import sys
print("before input")
try:
    s = input("prompt> ")
    print("read", repr(s))
except EOFError as e:
    print()
    print("EOFError", repr(e), str(e))
try:
    input()
except EOFError as e:
    print("EOFError again", e)
print(sys.stdin.read() == "", sys.stdin.readline() == "")
print(list(sys.stdin))
for i in range(5):
    print("after", i)

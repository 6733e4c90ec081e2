# exit: 3
# site.py's exit and quit: their repr, type, SystemExit codes, and ending the program with exit(3).
print(repr(exit), repr(quit), type(exit).__name__, type(exit).__module__, callable(quit))
try:
    quit()
except SystemExit as e:
    print("SystemExit", e.code)
try:
    exit("msg")
except SystemExit as e:
    print("SystemExit", e.code)
print(exit.name, quit.eof)
for i in range(4):
    print("still running", i)
exit(3)
print("not reached")

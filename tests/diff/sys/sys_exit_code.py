# exit: 3
# sys.exit(3): finally blocks run, the exit status is 3 and nothing is printed to stderr.
import sys
for i in range(9):
    print("working", i)
try:
    sys.exit(3)
finally:
    print("finally runs during SystemExit")
print("never printed")

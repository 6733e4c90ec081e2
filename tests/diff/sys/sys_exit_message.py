# exit: 1
# sys.exit("message") prints the message to stderr and exits with status 1.
import sys
for i in range(10):
    print("line", i)
try:
    sys.exit("caught once")
except SystemExit as e:
    print("caught SystemExit", repr(e.code), e.args)
sys.exit("fatal: giving up")

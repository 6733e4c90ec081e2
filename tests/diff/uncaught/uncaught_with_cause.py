# exit: 1
# A chained uncaught exception: the last stderr line is the final exception raised.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("cannot parse " + repr(s)) from e
for s in ("1", "22", "333", "4444", "5", "6", "7", "8", "9", "10"):
    print(s, parse(s))
parse("x")

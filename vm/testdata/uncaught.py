# An uncaught exception with a chained cause: the traceback text and exit status 1.
def parse(s):
    return int(s)

def load(items):
    out = []
    for it in items:
        try:
            out.append(parse(it))
        except ValueError as e:
            raise RuntimeError("bad item " + repr(it)) from e
    return out

print(load(["1", "2"]))
data = {"a": [1, 2]}
print(data["a"][1] + load(["3", "x"])[0])

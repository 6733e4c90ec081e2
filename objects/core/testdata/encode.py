# Shared value encoding for the differential case scripts (see ops_test.cc: Decode).
def enc(v):
    if v is None:
        return "N"
    if v is True:
        return "T"
    if v is False:
        return "F"
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:" + v.hex()
    if isinstance(v, str):
        return "s:" + v.encode("utf-8", "surrogatepass").hex()
    if isinstance(v, tuple):
        return "t%d%s" % (len(v), "".join(" " + enc(x) for x in v))
    raise TypeError(v)

# Differential cases for the builtin exception types: construction, repr, str, args and
# the subclass-specific attributes. Line: type name \t encoded args tuple \t hex(result)
# where result = "type|repr|str|attrs" (attrs: name=repr pairs joined by ";").
import builtins

exec(open(__file__.replace("exc_cases.py", "encode.py")).read())

ATTRS = ["encoding", "object", "start", "end", "reason", "value", "code", "errno", "strerror", "filename", "filename2", "msg", "lineno",
         "offset", "text", "end_lineno", "end_offset", "name", "path", "characters_written"]
names = [n for n, v in vars(builtins).items()
         if isinstance(v, type) and issubclass(v, BaseException)
         and n not in ("BaseExceptionGroup", "ExceptionGroup", "UnicodeDecodeError")]
argsets = [(), ("msg",), ("a", 1), (1,), (2, "No such file or directory"),
           (2, "x", "f.txt"), (2, "x", "f", None, "g"), (13, "Permission denied"),
           (11, "blocked", 5), ("k",), (1, 2, 3), ("",), (None,), ((1, 2),),
           ("bad", ("f.py", 3, 4, "text", 3, 5)), ("bad", ("/a/b.py", 7, 1, "x")),
           (99, "odd"), ("utf-8", "a\u00e9b", 1, 2, "bad"), ("ascii", "abc", 0, 3, "x"),
           ("utf-8", "a", 5, 9, "r"), ("x", 1, 2, 3, "r"), ("utf-8", "\U0001f600", 0, 1, "r"),
           ("a\u00e9", 1, 2, "bad"), ("\u1234", 0, 1, "r"), ("abc", "0", 1, "r")]
for n in sorted(names):
    t = getattr(builtins, n)
    for args in argsets:
        try:
            e = t(*args)
            attrs = []
            for a in ATTRS:
                try:
                    attrs.append("%s=%r" % (a, getattr(e, a)))
                except AttributeError:
                    pass
            res = "|".join([type(e).__name__, repr(e), str(e), repr(e.args), ";".join(attrs)])
        except Exception as x:  # noqa: BLE001
            res = "raise|%s: %s" % (type(x).__name__, x)
        print("\t".join([n, enc(args), res.encode().hex()]))

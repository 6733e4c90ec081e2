# Exception args, str/repr, attributes of builtin exceptions, with_traceback, custom hierarchies.
e = ValueError("msg", 2)
print(e.args, str(e), repr(e), str(ValueError()), repr(ValueError()), str(ValueError("one")))
print(str(KeyError("k")), repr(KeyError("k")), str(KeyError()), str(KeyError("a", "b")))
try:
    open_ = None
    import nonexistent_module_xyz
except ImportError as e:
    print(type(e).__name__, e.name, e)
try:
    [].nope
except AttributeError as e:
    print(e, e.name, type(e.obj).__name__)
try:
    undefined_name
except NameError as e:
    print(e, e.name)
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
class DbError(AppError):
    pass
try:
    raise DbError(42, "db down")
except AppError as e:
    print(type(e).__name__, e.code, e.args, str(e), repr(e))
class WithStr(Exception):
    def __str__(self):
        return "custom str"
print(str(WithStr("ignored")), repr(WithStr("x")))
try:
    raise WithStr
except WithStr as e:
    print("caught class-raised", e.args)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(Exception, BaseException))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException), issubclass(StopIteration, Exception))
print([c.__name__ for c in OSError.__mro__], FileNotFoundError.__bases__[0].__name__, IOError is OSError, EnvironmentError is OSError)
o = OSError(2, "No such file")
print(o.errno, o.strerror, str(o), type(o).__name__)
u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(u.encoding, u.object, u.start, u.end, u.reason, str(u))
s = StopIteration(5)
print(s.value, SystemExit(3).code, SystemExit().code)
e = Exception()
e.args = ("changed",)
print(e, e.with_traceback(None) is e)

# SyntaxError details pyrt gets wrong: .text is None for compiler-stage errors of string sources, end_offset of some parser errors, two messages.
sources = ["x = (1, 2", "def f(:\n    pass", "1 +", "a = 1 = 2", "f() = 3", "del f()", "x = [1, 2,", "return 5", "break", "continue",
           "yield 1", "await x", "nonlocal q", "def g():\n    global a\n    a = 1\n    global a", "class C:\n    nonlocal y", "lambda: (yield)",
           "x = 1\n  y = 2", "if True:\npass", "for x in 1:\n    pass\n  else: pass", "print 'hi'", "a b c", "x := 5", "(x, y) := 1",
           "def f(a, a): pass", "def f(a=1, b): pass", "f(a=1, 2)", "'unterminated", '"""never closed', "0777", "1_", "1__0",
           "0b2", "x = 1 if 2", "*a = 1", "a, *b, *c = d", "del *a", "import", "from x import", "from . import *", "@\ndef f(): pass",
           "async def f():\n    yield from x", "def f():\n    x = 1\n    del x\n    nonlocal x", "try:\n    pass", "with:\n    pass", "\tif 1:\n        pass"]
for src in sources:
    try:
        compile(src, "<case>", "exec")
        print(repr(src)[:30], "compiled")
    except SyntaxError as e:
        print(repr(src)[:30], type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
try:
    eval("1 +* 2")
except SyntaxError as e:
    print(type(e).__name__, str(e), e.filename, e.args[0])
try:
    exec("def f(x):\n    return x +\n")
except SyntaxError as e:
    print(e.msg, e.lineno, e.text)
e = SyntaxError("custom", ("file.py", 3, 7, "bad line\n", 3, 9))
print(str(e), e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.print_file_and_line)
print(str(SyntaxError("just msg")), SyntaxError("m", ("f", 1, 2, "t")).end_offset, repr(SyntaxError()))
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))

# exec/eval/compile with globals/locals dicts, modes, return values, and SyntaxError details.
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}), eval("[i for i in range(3)]"))
ns = {}
print(exec("a = 5\ndef f(n):\n    return n * a\nb = f(3)", ns))
print(ns["a"], ns["b"], sorted(k for k in ns if k != "__builtins__"), "__builtins__" in ns)
code = compile("z = 10\nprint('exec code ran', z)", "<string>", "exec")
exec(code)
print(eval(compile("2 ** 10", "<expr>", "eval")), type(code).__name__, code.co_filename)
single = compile("1 + 1", "<single>", "single")
print(type(single).__name__)
for src, mode in [("1 +", "eval"), ("x = ", "exec"), ("def", "exec"), ("a = 1", "eval"), ("return 5", "exec")]:
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.filename)
try:
    compile("1", "<x>", "bogus")
except ValueError as e:
    print("ValueError", e)
try:
    eval("undefined_name_q")
except NameError as e:
    print("NameError", e)
loc = {}
exec("def g():\n    return 'defined in exec'", {}, loc)
print(loc["g"]())
glob = {"__builtins__": {"len": len}}
print(eval("len('abc')", glob))
try:
    eval("print('x')", glob)
except NameError as e:
    print("NameError", e)
print(eval("  3  "), eval("\n4\n".strip()), eval(b"5 + 5"))
try:
    exec(5)
except TypeError as e:
    print("TypeError", e)
def scope():
    v = 1
    exec("v = 2")
    return v
print(scope())

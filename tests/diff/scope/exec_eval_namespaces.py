# exec/eval namespaces: custom globals and locals mappings, __builtins__ injection, class-body like locals, return values and errors.
g = {}
exec("x = 1\ndef f():\n    return x + 1", g)
print(sorted(k for k in g if k != "__builtins__"), "__builtins__" in g, g["f"]())
l = {}
exec("y = 2\nz = y * 3", {}, l)
print(l)
class LoggingDict(dict):
    def __getitem__(self, key):
        print("lookup", key)
        return super().__getitem__(key)
    def __setitem__(self, key, value):
        print("store", key, value)
        super().__setitem__(key, value)
ns = LoggingDict(a=5)
exec("b = a + 1", {}, ns)
print(dict(ns))
print(eval("a * 2", {}, LoggingDict(a=21)))
print(eval("len(s)", {"s": "abc"}), eval("[i for i in range(n)]", {"n": 3}), eval("__name__", {"__name__": "custom"}))
def scope_test():
    local_v = 10
    return eval("local_v + 1"), eval("local_v", None, {"local_v": 99})
print(scope_test())
print(eval(compile("1 + 1", "<s>", "eval")), exec(compile("q = 3", "<s>", "exec"), {}), eval("  7  "), eval("\n8"))
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg)
for bad in [lambda: exec("pass", []), lambda: eval("1", {}, 5), lambda: exec("1", None, []), lambda: eval("1", 5), lambda: eval("1", []), lambda: exec("1", {}, 5), lambda: eval("1", {}, []), lambda: exec(123), lambda: eval("1", {"__builtins__": 5})]:
    try:
        print(bad())
    except (TypeError, SyntaxError, ValueError) as e:
        print(type(e).__name__, e)
code = compile("a = 1\nb = 2", "<multi>", "exec")
print(code.co_filename, code.co_name, sorted(code.co_names))
single = compile("1 + 2", "<single>", "single")
print(exec(single, {}))
print(eval(b"2 ** 10"), eval("lambda: 5")(), eval("(yield)" if False else "None"))
gl = {"__builtins__": {"len": lambda x: 42}}
print(eval("len([1, 2])", gl))
exec("import sys as _s\nhere = _s is not None", gl2 := {})
print(gl2["here"], "_s" in gl2)
exec("global gv\ngv = 'set by exec'")
print(gv)
def uses_exec():
    exec("inner = 5")
    return "inner" in locals()
print(uses_exec())

# Shadowing builtins with globals/locals, restoring them with del, and accessing the builtins module.
import sys
print(len("abc"))
len = lambda x: "shadowed len"
print(len("abc"))
del len
print(len("abc"))
def local_shadow():
    max = "local max"
    return max
print(local_shadow(), max(1, 2))
import builtins
print(builtins.len("xy"), builtins is sys.modules["builtins"], type(builtins).__name__)
builtins.my_global_helper = lambda: "added to builtins"
print(my_global_helper())
del builtins.my_global_helper
try:
    my_global_helper()
except NameError as e:
    print("NameError", e)
def uses_print():
    return print
print(uses_print() is builtins.print)
orig = builtins.abs
builtins.abs = lambda x: "patched abs"
print(abs(-1))
builtins.abs = orig
print(abs(-1))
list = list
print(list("ab"), "list" in globals())
del list
print("list" in globals(), list((1,)))
print(sorted(n for n in ("True", "None", "print", "len") if hasattr(builtins, n)))

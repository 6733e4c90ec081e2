# exit: 1
# A custom sys.excepthook receives the uncaught exception (type, value, traceback) instead of the default printer; sys.__excepthook__ and sys layout attributes.
import sys
print(sys.excepthook is sys.__excepthook__, type(sys.prefix).__name__, sys.exec_prefix == sys.base_exec_prefix, sys.platlibdir, sys.dont_write_bytecode in (True, False))
print(sys.warnoptions, type(sys.meta_path).__name__, type(sys.path_importer_cache).__name__, sys.pycache_prefix)
def hook(t, v, tb):
    print("custom hook:", t.__name__, v, type(tb).__name__)
    print("frames:", tb.tb_frame.f_code.co_name if tb else None)
sys.excepthook = hook
try:
    sys.__excepthook__(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
for i in range(4):
    print("before failing", i)
def fail():
    raise KeyError("handled by the hook")
fail()

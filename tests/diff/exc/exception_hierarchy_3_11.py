# The 3.11 builtin exception hierarchy: every builtin exception's direct base.
names = ["BaseException", "BaseExceptionGroup", "ExceptionGroup", "GeneratorExit", "KeyboardInterrupt",
         "SystemExit", "Exception", "ArithmeticError", "FloatingPointError", "OverflowError",
         "ZeroDivisionError", "AssertionError", "AttributeError", "BufferError", "EOFError",
         "ImportError", "ModuleNotFoundError", "LookupError", "IndexError", "KeyError", "MemoryError",
         "NameError", "UnboundLocalError", "OSError", "BlockingIOError", "ChildProcessError",
         "ConnectionError", "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError",
         "ConnectionResetError", "FileExistsError", "FileNotFoundError", "InterruptedError",
         "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError",
         "TimeoutError", "ReferenceError", "RuntimeError", "NotImplementedError", "RecursionError",
         "StopAsyncIteration", "StopIteration", "SyntaxError", "IndentationError", "TabError",
         "SystemError", "TypeError", "ValueError", "UnicodeError", "UnicodeDecodeError",
         "UnicodeEncodeError", "UnicodeTranslateError", "Warning", "BytesWarning", "DeprecationWarning",
         "EncodingWarning", "FutureWarning", "ImportWarning", "PendingDeprecationWarning",
         "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning", "UserWarning"]
g = globals()["__builtins__"]
table = g if isinstance(g, dict) else vars(g)
for n in names:
    cls = table[n]
    print(n, "<-", ", ".join(b.__name__ for b in cls.__bases__))

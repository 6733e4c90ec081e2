# dir() of type, code objects, generators and ExceptionGroup: names pyrt lacks (type.__text_signature__, code.co_lines/co_positions/co_linetable/co_exceptiontable/co_lnotab/replace, generator.__del__, ExceptionGroup.__module__/__weakref__).
import sys
for t in [type, ExceptionGroup, type((lambda: 0).__code__), type(i for i in []), type, ExceptionGroup]:
    names = [n for n in dir(t) if not n.startswith("_")]
    dunders = [n for n in dir(t) if n.startswith("__")]
    print(t.__name__, names)
    print("  ", len(dunders), dunders)

# BaseException subclasses are not caught by except Exception; KeyboardInterrupt/GeneratorExit caught explicitly.
for exc in (KeyboardInterrupt, SystemExit, GeneratorExit, ValueError):
    try:
        try:
            raise exc("x")
        except Exception as e:
            print(exc.__name__, "caught by except Exception")
    except BaseException as e:
        print(exc.__name__, "caught by except BaseException", repr(e))
try:
    raise KeyboardInterrupt
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e), e.args)
class MyBase(BaseException):
    pass
try:
    try:
        raise MyBase("custom base")
    except Exception:
        print("not here")
except MyBase as e:
    print("MyBase", e)
def g():
    try:
        yield 1
    except Exception:
        print("GeneratorExit not caught by except Exception")
    finally:
        print("generator finally")
gen = g()
next(gen)
gen.close()
print(issubclass(GeneratorExit, Exception), issubclass(KeyboardInterrupt, Exception), BaseException.__subclasses__() != [])
try:
    raise BaseExceptionGroup("bg", [KeyboardInterrupt()])
except BaseExceptionGroup as e:
    print(type(e).__name__, repr(e))

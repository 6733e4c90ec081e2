# except* handlers: matching parts of groups, multiple handlers, naked exceptions, re-raise of rest.
def run(exc):
    try:
        raise exc
    except* ValueError as g:
        print("ValueError part:", repr(g))
    except* TypeError as g:
        print("TypeError part:", repr(g))
run(ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)]))
run(ValueError("naked"))
try:
    run(ExceptionGroup("eg", [KeyError("k"), ValueError(1)]))
except ExceptionGroup as rest:
    print("unhandled rest:", repr(rest))
try:
    run(KeyError("naked key"))
except KeyError as e:
    print("naked unmatched re-raised as itself:", repr(e))
# (A naked exception raised inside an except* handler is wrapped in ExceptionGroup('', ...) by
# 3.11.2 but propagates bare from 3.11.4 on (gh-103590), so that case is not tested here.)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise ExceptionGroup("from handler", [TypeError("t")])
except ExceptionGroup as e:
    print(type(e).__name__, len(e.exceptions))
try:
    raise ExceptionGroup("g", [OSError(1), ExceptionGroup("sub", [OSError(2), ValueError(3)])])
except* OSError as g:
    print("OSError tree:", repr(g))
except* ValueError as g:
    print("ValueError tree:", repr(g))
try:
    raise ExceptionGroup("g", [ValueError(1)])
except* (ValueError, TypeError) as g:
    print("tuple match", repr(g))
else:
    print("no else")
finally:
    print("finally runs")
try:
    pass
except* ValueError:
    pass
else:
    print("else when nothing raised")

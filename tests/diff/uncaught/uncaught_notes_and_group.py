# exit: 1
# Uncaught ExceptionGroup with nested groups and notes: CPython's box-drawing traceback tree.
def task(n):
    if n % 2:
        e = ValueError(f"task {n} failed")
        e.add_note(f"note for {n}")
        raise e
    return n
errors = []
for n in range(8):
    try:
        print("task", n, task(n))
    except ValueError as e:
        errors.append(e)
for e in errors:
    print("collected", repr(e), e.__notes__)
inner = ExceptionGroup("inner", errors[:2])
raise ExceptionGroup("outer", [inner, KeyError("k"), errors[2]])

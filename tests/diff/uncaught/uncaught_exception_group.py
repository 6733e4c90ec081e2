# exit: 1
# An uncaught ExceptionGroup prints a boxed traceback; the last stderr line is the closing border.
def work(i):
    if i % 4 == 3:
        raise ValueError("bad item %d" % i)
    return i
errors = []
for i in range(10):
    try:
        print("item", work(i))
    except ValueError as e:
        print("failed", i)
        errors.append(e)
raise ExceptionGroup("some items failed", errors)

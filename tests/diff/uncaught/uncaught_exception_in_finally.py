# An exception raised in a finally block replaces the one in flight; the uncaught one is printed last.
# exit: 1
for i in range(8):
    try:
        print("try", i)
    finally:
        print("finally", i) if i % 4 == 0 else None
def f():
    try:
        raise ValueError("first")
    finally:
        print("cleanup runs")
        raise KeyError("from finally")
f()

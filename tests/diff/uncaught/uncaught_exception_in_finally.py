# An exception raised in a finally block replaces the one in flight; the uncaught one is printed last.
# exit: 1
def f():
    try:
        raise ValueError("first")
    finally:
        print("cleanup runs")
        raise KeyError("from finally")
f()

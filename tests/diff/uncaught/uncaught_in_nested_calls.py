# exit: 1
# An exception propagating through several frames and a finally block.
def a(n):
    print("enter a", n)
    try:
        return b(n)
    finally:
        print("finally in a", n)
def b(n):
    print("enter b", n)
    return c(n)
def c(n):
    print("enter c", n)
    return [1, 2, 3][n]
for n in range(3):
    print("result", a(n))
a(5)

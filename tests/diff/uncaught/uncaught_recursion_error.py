# Uncaught RecursionError from unbounded Python recursion: status 1 and CPython's last stderr line.
# exit: 1
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
for n in (1, 10, 100, 500, 900, 950, 990, 0):
    print("depth", n, depth(n))
def down(n):
    return down(n + 1) + 1
print("before")
down(0)

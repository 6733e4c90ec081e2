# Uncaught RecursionError from unbounded Python recursion: status 1 and CPython's last stderr line.
# exit: 1
def down(n):
    return down(n + 1) + 1
print("before")
down(0)

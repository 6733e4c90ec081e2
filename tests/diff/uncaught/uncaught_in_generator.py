# Uncaught exception raised inside a generator consumed by a list comprehension: status 1 and the last stderr line.
# exit: 1
def numbers():
    yield 1
    yield 2
    raise LookupError("ran out of numbers at 2")
print("start")
print([n * 2 for n in numbers()])

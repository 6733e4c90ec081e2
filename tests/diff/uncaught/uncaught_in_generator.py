# Uncaught exception raised inside a generator consumed by a list comprehension: status 1 and the last stderr line.
# exit: 1
def squares(n):
    for i in range(n):
        yield i * i
for s in squares(8):
    print("square", s)
def numbers():
    yield 1
    yield 2
    raise LookupError("ran out of numbers at 2")
print("start")
print([n * 2 for n in numbers()])

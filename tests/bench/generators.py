"""Generator pipelines: yield, yield from, generator expressions, send()."""


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def squares(source):
    yield from (x * x for x in source)


def chunks(source, size):
    chunk = []
    for x in source:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


def main(n=400000, reps=8):
    checksum = 0
    for _ in range(reps):
        for chunk in chunks(squares(evens(numbers(n))), 7):
            checksum = (checksum + sum(chunk)) % 1000000007
        checksum += sum(tree(15))
        acc = accumulator()
        next(acc)
        for i in range(n // 4):
            acc.send(i)
        try:
            acc.send(None)
        except StopIteration as stop:
            checksum += stop.value
    print("generators", checksum)


main()

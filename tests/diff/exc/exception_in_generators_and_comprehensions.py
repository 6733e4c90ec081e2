# Exceptions raised inside generators, comprehensions and lambdas propagate to the consumer.
def gen():
    yield 1
    raise KeyError("from generator")
g = gen()
print(next(g))
try:
    next(g)
except KeyError as e:
    print("KeyError", e)
print(next(g, "generator is finished after raising"))
try:
    [1 / x for x in (1, 0)]
except ZeroDivisionError as e:
    print("ZeroDivisionError in listcomp", e)
try:
    {i: d["x"] for i, d in enumerate([{"x": 1}, {}])}
except KeyError as e:
    print("KeyError in dictcomp", e)
try:
    list(map(lambda s: int(s), ["1", "x"]))
except ValueError as e:
    print("ValueError in map", e)
try:
    sorted([3, 1], key=lambda v: 1 / (v - 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError in key", e)
def consumer():
    total = 0
    try:
        for v in gen():
            total += v
    except KeyError:
        return "consumer caught after total %d" % total
print(consumer())
def handles_inside():
    for i in range(3):
        try:
            if i == 1:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield "handled %s" % e
print(list(handles_inside()))
try:
    sum(1 / x for x in [1, 2, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError in genexp", e)

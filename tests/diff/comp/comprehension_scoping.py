# Comprehensions have their own scope: loop variables don't leak; first iterable evaluated outside.
x = "outer"
lst = [x for x in range(3)]
print(x, lst)
def f():
    y = 10
    return [y + i for i in range(3)]
print(f())
class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        broken = [i * k for i in items for k in items]
        print("nested comprehension may use the first iterable only")
    except NameError as e:
        print("NameError", e)
    factor = 3
    try:
        tripled = [i * factor for i in range(3)]
    except NameError as e:
        print("NameError", e)
print(C.doubled)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
def g():
    results = [total for total in [sum(range(5))]]
    try:
        return total
    except NameError as e:
        return "NameError " + str(e)
print(g(), [k for k in "ab"], "k" in dir())
n = 3
print([n for n in range(n)], n)
def nested_refs():
    a = 1
    return [[a + b + c for c in range(2)] for b in range(2)]
print(nested_refs())
print({v: [w for w in range(v)] for v in range(3)})
def gen_scope():
    z = [1]
    return list((q, z) for q in z)
print(gen_scope())
try:
    [undefined_thing for _ in range(1)]
except NameError as e:
    print("NameError", e)
print([(lambda q=i: q)() for i in range(3)])

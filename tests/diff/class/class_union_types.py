# PEP 604 unions: int | str builds types.UnionType (flattened, deduplicated), repr, ==/hash, isinstance/issubclass, errors.
u = int | str
print(u, type(u), type(u).__name__, u.__args__, u.__parameters__)
print(int | None, None | int, int | int, int | str | int, (int | str) | (bytes | int), list[int] | None, int | list[int] | list[int])
print(isinstance(1, int | str), isinstance(1.0, int | str), issubclass(bool, int | str), isinstance(None, int | None))
print((int | str) == (str | int), hash(int | str) == hash(str | int), (int | str) != (int | bytes))
for bad in [lambda: int | 1, lambda: 1 | int, lambda: isinstance(1, int | list[int]), lambda: type(int | str)(), lambda: "x" | int]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
class A: pass
print(A | None, type.__or__(int, str), type.__ror__(int, str), type.__or__(int, 1))

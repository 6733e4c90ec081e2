# Mapping patterns with **rest: the captured rest, other captures and guards.
def f(s):
    match s:
        case {"a": x, **rest}:
            return ("A", x, rest)
        case [1, {"b": y, **r2}] if y:
            return ("B", y, r2)
        case {"n": {"m": w, **inner}, **outer}:
            return ("C", w, inner, outer)
        case _:
            return None


print(f({"a": 1, "b": 2, "c": 3}))
print(f({"a": None}))
print(f([1, {"b": 5, "z": 0}]))
print(f([1, {"b": 0}]))
print(f({"n": {"m": 1, "k": 2}, "o": 3}))
print(f({"n": {"x": 1}}))
print(f(42))
z = {"k": 1, "q": 2}
match z:
    case {"k": v, **others}:
        print(v, others, z)
match {}:
    case {**empty}:
        print("empty", empty)
for subject in ({"k": 1}, {"k": 2, "j": 3}, {"j": 3}):
    match subject:
        case {"k": 1, **r}:
            print("one", r)
        case {"k": kk, **r} if r:
            print("more", kk, r)
        case other:
            print("other", other)

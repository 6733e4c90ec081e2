# TypeErrors from str methods with wrong argument types or counts.
calls = [
    lambda: "a".split(1), lambda: "a".join(5), lambda: "a".find(), lambda: "a".find(1),
    lambda: "a".count("a", "b"), lambda: "a".zfill("3"), lambda: "a".ljust(), lambda: "a".upper(1),
    lambda: "a".startswith(1), lambda: "a".encode(1), lambda: "a".replace(1, 2),
    lambda: "a".center(2, ""), lambda: "a".expandtabs("x"), lambda: str.upper(1),
    lambda: "a".split(sep=",", maxsplit="1"), lambda: "a".strip("a", "b"),
    lambda: "a".format_map(1), lambda: "a".endswith(()), lambda: "a".__getitem__("x"),
]
for c in calls:
    try:
        print(repr(c()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

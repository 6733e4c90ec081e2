# max/min with key, default, multiple args, ties (first wins), errors.
print(max(1, 5, 3), min(1, 5, 3), max([2, 8]), min("hello"), max((1, "b"), (1, "a")))
print(max([], default="empty"), min([], default=None), max([5], default=0))
words = ["pear", "fig", "banana", "kiwi", "plum"]
print(max(words, key=len), min(words, key=len), max(words), min(words, key=lambda w: w[-1]))
pairs = [(1, "first"), (3, "x"), (1, "second"), (3, "y")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[0]))
print(max(1, 2.5, True), min(-0.0, 0), max(0, -0.0), min([float("nan"), 1]), max([1, float("nan")]))
print(max({3: "a", 7: "b"}), min({3: "a", 7: "b"}.items(), key=lambda kv: kv[1]), max(range(5), key=lambda v: -v))
for f in (lambda: max([]), lambda: min(), lambda: max(1), lambda: max(1, 2, default=0), lambda: max([1, "a"]),
          lambda: min([1], key=5), lambda: max([1], foo=1)):
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(max("abc", "abd", key=None), min(iter([4, 2, 6])), max(x * x for x in range(-5, 3)))

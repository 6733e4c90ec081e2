# Iterating strings with enumerate/zip/reversed/sorted; str as a sequence for builtins.
s = "python"
for i, c in enumerate(s):
    print(i, c, end=" ")
print()
print(list(zip(s, s[1:])), list(reversed(s)), "".join(sorted(s, reverse=True)))
print(any(c.isupper() for c in s), all(c.isalpha() for c in s), sum(map(ord, s)))
print(s.count("o"), list(map(str.upper, ["a", "b"])), list(filter(str.isdigit, "a1b2")))
it = iter("ab")
print(next(it), next(it), next(it, "done"))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
print(max(["apple", "fig", "banana"], key=len), min("bca"), sorted(["b", "A", "a", "B"], key=str.lower))
print(str.__iter__ is not None, len(set("hello")), "-".join(reversed("abc")))
print([c * 2 for c in "abc"], {c: i for i, c in enumerate("ab")})
print(tuple(enumerate("xy", start=5)), list(zip("abc", range(2))))

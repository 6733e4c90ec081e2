# Lexicographic comparisons of str, list, tuple; mixed-type errors.
print("abc" < "abd", "ab" < "abc", "" < "a", "Z" < "a", "é" > "z")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99])
print((1, "a") < (1, "b"), (1, 2) == (1, 2), (1, 2) != [1, 2], (1,) < (1, 2))
print([1, [2, 3]] < [1, [2, 4]], [float("nan")] == [float("nan")])
n = float("nan")
print([n] == [n], (n,) == (n,), n in [n])
for expr in ("[1, 'a'] < [1, 2]", "(1,) < ('a',)", "'a' < 1", "[1] < (1,)", "{1} < [1]",
             "{} < {}", "None < None", "1j < 2j"):
    try:
        print(expr, eval(expr))
    except TypeError as e:
        print(expr, "TypeError", e)
print({1} < {1, 2}, {1, 2} <= {1, 2}, {1} > {2}, {1: 2} == {1: 2})
print(max(["b", "a", "c"]), min([(2, "x"), (1, "z"), (1, "y")]))
print("a" * 3 == "aaa", b"a" < b"b", b"a" == "a", bytearray(b"x") == b"x")

# translate/maketrans, format_map, zfill, isidentifier edge cases, and str() of subclasses.
t = str.maketrans("abc", "xyz")
print("aabbcc".translate(t), sorted(t.items()))
t2 = str.maketrans({"a": "1", "b": None, "c": "ccc"})
print("abcabc".translate(t2), "hello".translate(str.maketrans("", "", "l")))
print("abc".translate({97: 65}), "abc".translate({ord("b"): "BB"}))
try:
    str.maketrans("ab", "x")
except ValueError as e:
    print("ValueError", e)
try:
    "abc".translate({97: 1.5})
except TypeError as e:
    print("TypeError", e)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
m = MyStr("hey")
print(m, m.shout(), type(m).__name__, type(m + "x").__name__, type(m.upper()).__name__, m == "hey")
print("{name}-{n}".format_map({"name": "a", "n": 1}))
class D(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{a} {b}".format_map(D(a=1)))
print("x".__len__(), "ab".__contains__("b"), "ab".__getitem__(0), "a".__add__("b"), "a".__mul__(3))
print(str.upper("abc"), str.join(",", ["1", "2"]), str.__name__)

# find/count/index/replace with empty strings, negative and out-of-range bounds, overlapping patterns.
s = "aaaa"
print(s.count("aa"), s.count("a", 1), s.count("a", 1, 3), s.count("", 1, 3), s.count("a", 10), s.count("", 10))
print(s.find("aa", 1), s.find("aa", 3), s.rfind("aa"), s.rfind("aa", 0, 3), s.find("", 4), s.find("", 5), s.rfind(""))
print(s.replace("aa", "b"), s.replace("a", "", 2), s.replace("", "-", 2), "".replace("", "x"), "abc".replace("", ""))
print("abcabc".index("c", -2), "abcabc".rindex("a", 0, -1), "abc".find("c", -1), "abc".find("a", -100, 1))
print("abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("c", -1), "abc".endswith(("x", "bc"), 0, 3))
print("mississippi".count("ss"), "mississippi".count("issi"), "mississippi".find("issi", 2), "mississippi".rfind("issi"))
print("abc".split("c"), "ccc".split("c"), "ccc".split("cc"), "a.b.c".replace(".", "", -1))
print("€uro€".find("€", 1), "€uro€".count("€"), "ünïcödé".find("ö"), "ünïcödé".encode().find("ö".encode()))
try:
    "abc".index("")
    print("empty index ok", "abc".index(""), "abc".rindex(""))
except ValueError as e:
    print("ValueError", e)
try:
    "abc".count()
except TypeError as e:
    print("TypeError", e)

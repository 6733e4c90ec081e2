# find/rfind/index/rindex/count/replace/startswith/endswith.
s = "hello world hello"
print(s.find("o"), s.rfind("o"), s.find("o", 5), s.find("o", 5, 7), s.find("zz"), s.find(""), s.find("", 100))
print(s.index("world"), s.rindex("hello"), s.count("l"), s.count("ll"), s.count(""), "aaaa".count("aa"))
print(s.replace("hello", "bye"), s.replace("l", "L", 2), s.replace("", "-"), "abc".replace("", "", 0))
print(s.startswith("hell"), s.startswith("world", 6), s.startswith(("x", "h")), s.endswith("llo"), s.endswith("o", 0, 5))
print(s.find("h", -5), s.count("l", -5), s.find("o", -100, 100))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError", e)
try:
    s.rindex("zz")
except ValueError as e:
    print("ValueError", e)
try:
    s.startswith(["h"])
except TypeError as e:
    print("TypeError", e)
try:
    s.replace("a")
except TypeError as e:
    print("TypeError", e)
print("aaa".replace("a", "bb"), "abab".replace("ab", "", 1), "é€é".replace("€", "e"))
print("x".find("x", 1), "".find(""), "".count("a"), "abc".rfind(""))

# str methods breadth: casefold, expandtabs, zfill, partition, translate/maketrans, splitlines, predicates, removeprefix.
s = "Hello, World\tTab\r\nLine2\x0bLine3\u2028end"
print(s.casefold(), "Straße".casefold(), "ǅ".casefold())
print("a\tbc\td".expandtabs(), "a\tbc\td".expandtabs(4), "\t".expandtabs(0), "ab\n\tc".expandtabs(3))
print("42".zfill(5), "-42".zfill(5), "+x".zfill(4), "abc".zfill(2), "".zfill(3))
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
print(s.splitlines(), s.splitlines(True), "".splitlines(), "a\n".splitlines(), "\n\n".splitlines(keepends=True))
t = str.maketrans("abc", "xyz", "d")
print("abcdd".translate(t), "abc".translate({97: None, 98: "BB", 99: 100}), str.maketrans({"a": 1, "b": "x"}))
for bad in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans(1), lambda: "a".translate({97: 2 ** 40})]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("x_1".isidentifier(), "1x".isidentifier(), "ñ".isidentifier(), "".isidentifier(), "class".isidentifier())
print("abc".isprintable(), "a\n".isprintable(), "".isprintable(), "\u00a0".isprintable())
print("١٢٣".isdigit(), "١٢٣".isdecimal(), "½".isnumeric(), "½".isdigit(), "²".isdigit(), "²".isdecimal())
print("hello world's".title(), "hELLO".swapcase(), "ß".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()))
print("abc".center(9, "*"), "abc".ljust(6, "-"), "abc".rjust(6, "0"), "abcd".center(7))
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"), "x".removeprefix(""), "ab".removesuffix("abc"))
print("a,b,,c".split(","), "a,b,,c".rsplit(",", 1), "  a  b ".split(), " a b ".rsplit(None, 1), "a b c".split(maxsplit=1))
print("{name}-{0}".format_map({"name": "n", "0": "zero"}) if False else "{name}".format_map({"name": "mapped"}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{a} {b}".format_map(Default(a=1)))
print("abcabc".count("bc", 2), "abc".find("c", -1), "abc".rindex("a"), "aaa".replace("a", "b", 2), "abc".replace("", "-"))
print("mississippi".rfind("ss"), "mississippi".index("ss", 3), "a".join("xyz"), "-".join([]))
for bad in [lambda: "abc".index("z"), lambda: "a".join([1]), lambda: "a".center(5, "ab"), lambda: "x".split(""), lambda: "a".startswith(["a"])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("Hello".startswith(("He", "x")), "Hello".endswith("lo", 0, 5), "Hello".startswith("l", 2), "abc".endswith(("", "q")))
print("aBc".upper().lower().capitalize(), "  strip me  ".strip(), "xxhixx".strip("x"), "abc".lstrip("ab"), "abc".rstrip("bc"))
print("tab\there".split("\t"), repr("a\u0085b".splitlines()), "A1 b2".isalnum(), "AB".isupper(), "Ab".istitle(), " \t".isspace())

# strip family, padding, case conversion.
s = "  xxhixx  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" x")), repr("xxhixx".strip("x")))
print("www.example.com".strip("cmowz."), "abc".strip(""), "\t\n a \r\x0b".strip())
print("ab".center(7), "ab".center(7, "*"), "abc".center(6, "-"), "ab".ljust(5, "."), "ab".rjust(5, "0"))
print("42".zfill(6), "-42".zfill(6), "+4".zfill(4), "abc".zfill(2), "".zfill(3))
print("Hello World".upper(), "Hello World".lower(), "Hello World".swapcase(), "hello world".title())
print("hELLO wORLD".capitalize(), "they're bill's".title(), "ß".upper(), "ǅ".lower(), "ﬁ".upper())
print("Straße".casefold(), "ΣΑΣ".lower(), "İ".lower().encode("utf-8"))
print("a\tb\tc".expandtabs(), "a\tb".expandtabs(4), "12345\t6".expandtabs(4))
try:
    "a".center(5, "ab")
except TypeError as e:
    print("TypeError", e)
try:
    "a".strip(1)
except TypeError as e:
    print("TypeError", e)
print("ab".removeprefix("a"), "ab".removesuffix("b"), "ab".removeprefix("x"), "aa".removesuffix(""))

# String literal forms, escapes, raw strings, implicit concatenation, repr quoting.
print("double", 'single', """triple
quoted""", '''x''')
print("tab\there", "nl\\n", "quote\"s", 'it\'s', "\x41\u00e9\U0001F600\N{BULLET}")
print(r"raw\n\t", R"C:\dir", "con" "cat" 'ed')
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr("\n\t\r\x00\x7f"), repr("\\"))
print(repr("é"), repr("\u200b"), repr("\U0001F600"), repr("\x80"), repr("\ud800"))
print(len("\U0001F600"), len("é"), len(""), len("abc\n"))
s = "line1\
continued"
print(s)
print(ascii("héllo\n"), ascii("\U0001F600"), ascii("plain"))
print("\101\060", "\0" == "\x00", "\a\b\f\v" == "\x07\x08\x0c\x0b")
print(str(), str(12), str(1.5), str([1, "a"]), str(b"x"), str(None))

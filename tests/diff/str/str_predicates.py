# is* predicates over ASCII and non-ASCII samples.
samples = ["abc", "ABC", "Abc", "123", "١٢٣", "½", "²", "a1", "", " \t\n", "Hello World",
           "hello world", "_x1", "1x", "é", "ǅ", "x y", "\x00", "class", "ⅷ"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(),
          s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())

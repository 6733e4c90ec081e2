# Non-ASCII strings: lengths, slicing, case mapping, comparison by code point.
s = "aé€\U0001F600z"
print(len(s), [ord(c) for c in s], s[::-1] == "z\U0001F600€éa", s.upper(), s.encode("utf-8").hex())
print(sorted(["é", "e", "z", "€", "A", "a"]), "é" < "€", "\U0001F600" > "\uffff")
print("ÉCOLE".lower(), "straße".upper(), "ῼ".lower(), "ﬀ".upper(), "ǈ".swapcase(), "Σ".lower())
print("ὈΔΥΣΣΕΎΣ".lower(), "İstanbul".lower() == "i̇stanbul")
print("Ⅻ".isnumeric(), "٣".isdigit(), int("٣٤"), float("٣.٤"), "𝟘𝟙".isdecimal(), int("𝟘𝟙"))
print("a\u0301" == "á", len("a\u0301"), "\u00e1".encode(), "".join(reversed("ab€")))
print("x€".center(6, "é"), "€".join("ab"), "€€€".count("€"), "a€b".split("€"))
print(hash("é") == hash("é"), "é" in "café", "café".find("é"), "café".index("f"))
print("é".isalpha(), "€".isalpha(), "\U0001F600".isprintable(), "\u200b".isprintable(), "\t".isprintable())
print(ascii("é€"), repr("\u0085"), repr("\u00a0"), "a\u2028b".splitlines())

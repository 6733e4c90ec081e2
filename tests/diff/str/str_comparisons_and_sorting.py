# String ordering by code point, case-insensitive sorting, natural-sort keys, min/max of strings.
words = ["banana", "Apple", "cherry", "apple", "Banana", "äpfel", "zebra", "Zulu", "10", "9", ""]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=str.casefold, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
files = ["file10.txt", "file2.txt", "file1.txt", "file20.txt"]
def natural(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            if num:
                out.append(int(num))
                num = ""
            out.append(ch)
    if num:
        out.append(int(num))
    return [(0, x) if isinstance(x, int) else (1, x) for x in out]
print(sorted(files), sorted(files, key=natural))
print("a" < "B", "a" < "b", "Z" < "a", "é" > "z", "" < " ", "abc" < "abcd", "abd" > "abcz")
print(min(words), max(words), min(words, key=len), max(words, key=len))
print("apple" == "Apple".lower(), "ß".casefold() == "ss", "ﬁ".casefold(), "Σ".casefold() == "σ".casefold())

# split() with no separator treats all Unicode whitespace as separators; split(" ") does not.
s = "a\u00a0b\u2003c\td\ne\x0bf\x0cg\x1ch\u3000i"
print(s.split())
print(s.split(" "), len(s.split(" ")))
print("  leading and   trailing  ".split(), "  leading and   trailing  ".split(" "))
print(" a b ".split(None, 0), " a b ".rsplit(None, 0), "a  b".split(" ", 1), "a  b".rsplit(" ", 1))
print("\u200b".split(), "\u0085x".split(), "x\u2028y".split(), [c.isspace() for c in "\u00a0\u200b\u0085\u2028"])
print("".split(" "), " ".split(" "), "  ".split(), "a".split(" "), "a\n".split("\n"))
print("1,2,,3,".split(","), "1,2,,3,".split(",", 2), ",".split(","), ",a".rsplit(",", 1))
print("a\r\nb".split("\n"), "a\r\nb".splitlines(), "a\rb".splitlines(keepends=True), "\n\n".splitlines())
print("path/to/file.txt".rsplit("/", 1), "file.tar.gz".split(".", 1), "file.tar.gz".rpartition("."))
print("key=value=more".split("=", maxsplit=1), "a b c d".split(maxsplit=2), "a b c d".rsplit(maxsplit=2))

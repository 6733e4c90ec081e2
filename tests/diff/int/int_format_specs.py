# Format specs for ints: width, fill, align, sign, grouping, bases with #, c, n, and % on ints.
n = 1234567
for spec in ("", "d", "10d", "<10d", "^10d", ">10d", "*^11d", "+d", " d", "-d", "010d", ",d", "_d", "x", "#x", "X",
             "#X", "o", "#o", "b", "#b", "_b", "#_x", "e", ".2f", "%", "g", "n", "=+12,d", "c" if False else "08_d"):
    print(repr(spec), format(n, spec), format(-n, spec))
print(format(0, "#b"), format(0, "+d"), format(97, "c"), format(2 ** 70, ","), format(-(2 ** 70), "_x"))
print("%5d|%-5d|%05d|%+d|%x|%#o|%e" % (42, 42, 42, 42, 255, 8, 12345))

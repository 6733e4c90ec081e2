# format() builtin for int/str/float/bool/None and objects; format spec mini-language errors.
print(format(42), format(42, "5"), format(42, "<5") + "|", format(42, "^5") + "|", format(-42, "=6"))
print(format(42, "x"), format(42, "#b"), format(42, "08.3f") if False else format(42.0, "08.3f"), format(1e6, "n"))
print(format("s", "^5"), format("text", ".2"), format(True), format(True, "d"), format(True, ">6"), format(None))
print(format(1234567.891, ",.2f"), format(0.000123, ".2e"), format(12, "%"), format(-0.0, "+"))
print(format(3 + 4j), format(3 + 4j, ".1f"), format(1e300 * 10, "f"), format(float("nan"), "F"))
for v, spec in [(1, "s"), ("x", "d"), (1.5, "c"), (None, "x"), ([1], "5"), (1, ",,"), ("x", "="), (1, ".f"),
                (2 ** 31, "c"), (1, "q")]:
    try:
        print(format(v, spec))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(format(65, "c"), format(-1, "b"), format(255, "_b"), format(10 ** 20, ","), format(0, "#o"))
print(format("abc", "*<6"), format("abc", "!>6"), format(5, "z") if False else format(-0.0, "z.1f"))

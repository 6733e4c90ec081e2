# Format specs for floats: f e g % and width/precision/alignment/sign.
x = 1234.5678
for spec in ("", "f", ".2f", "10.3f", "<10.1f", "^12.2f", "+.1f", " .1f", "e", ".3e", "E", "g",
             ".3g", "G", "%", ".1%", ",.2f", "_.2f", "010.2f", "=+12.2f", "#.0f", ".0f", "r" if False else "n"):
    print(repr(spec), format(x, spec))
for v in (0.0001, 123456789.0, 1e-10, 1e16, 0.5, -0.0, float("inf"), float("nan")):
    print(format(v, "g"), format(v, ".2e"), format(v, "f"), "%s|%r|%.3f|%g" % (v, v, v, v))
print(f"{3.14159:.2f} {2.5:08.3f} {-2.5:+} {1e6:,} {1e-7}")
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError", e)
try:
    format(1.5, "x")
except ValueError as e:
    print("ValueError", e)

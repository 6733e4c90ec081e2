# Building tables and reports with join/format; number-to-string formatting round trips.
rows = [("alpha", 1, 0.5), ("beta", 22, 12.25), ("gamma", 333, 100.0)]
header = "|".join(h.center(8) for h in ("name", "n", "value"))
print(header)
print("-" * len(header))
for name, n, v in rows:
    print("|".join([name.ljust(8), str(n).rjust(8), ("%.2f" % v).rjust(8)]))
print(", ".join(f"{n}={v:g}" for n, _, v in rows))
print(" ".join(map("{:03d}".format, range(5))), "+".join("%s" % x for x in [1.0, 2.5, 1e20, 1e-5]))
print(str(1e20), str(1e21), str(1.5e-5), str(123456789.123456789), str(0.1 * 3), repr(100.0))
print(f"{1234.5:,.1f}", f"{-1234:,}", f"{0.5:.0f}", f"{1.5:.0f}", f"{2.5:.0f}", f"{-0.5:.0f}")
print("{:.3}".format(3.14159), "{:.3}".format(1234.5), "{:.3g}".format(0.0001234), "{:g}".format(1e-5))
print("%.15g" % 0.1, "%.17g" % 0.1, "%.0e" % 12345, "%#.0f" % 3, "%+.2e" % -0.000123)

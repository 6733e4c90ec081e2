# exit: 1
# sys.exit(True) exits with status 1 (bool is an int); raise SystemExit directly.
for i in range(10):
    print("row", i, "x" * i)
raise SystemExit(True)

# Alignment, fill characters, width and precision for strings in format(), f-strings and str methods.
words = ["a", "abc", "abcdef", "é€", ""]
for w in words:
    print("[%s] [%s] [%s] [%s] [%s]" % (format(w, "<6"), format(w, ">6"), format(w, "^6"), format(w, "-^7"), format(w, ".2")))
print(f"{'x':>{3}}|{'y':_<4}|{'z':=^5}|{'long text':.4}|{'pad':6.2}|")
print("{:>10.3}|{:<3}|{:^0}|".format("truncate", "toolong", "w"))
table = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.0)]
for name, qty, price in table:
    print(f"{name:<12}{qty:>4}{price:>8.2f}")
try:
    format("s", "=10")
except ValueError as e:
    print("ValueError", e)
try:
    format("s", "+")
except ValueError as e:
    print("ValueError", e)
try:
    format("s", ",")
except ValueError as e:
    print("ValueError", e)
print("%-6s|%6s|%.1s|%*s|" % ("ab", "cd", "ef", 4, "g"))

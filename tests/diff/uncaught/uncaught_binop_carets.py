# exit: 1
# Uncaught TypeError from a binary operation inside nested calls: CPython's ~~~^~~~ carets (the runner checks the last line).
def combine(a, b):
    return a["x"] + b.value * 2
class V:
    value = "s"
for i in range(8):
    print("step", i)
print(combine({"x": 1}, V()))

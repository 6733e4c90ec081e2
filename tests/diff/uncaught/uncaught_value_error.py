# exit: 1
# An uncaught ValueError ends the program with status 1; the runner compares stderr's last line.
for i in range(10):
    print("line", i, i * i)
print("about to fail")
int("not a number")
print("never printed")

# exit: 1
# An exception with no arguments prints just its class name.
class Empty(Exception):
    pass
values = []
for i in range(10):
    values.append(i * 3)
    print(values[-1])
print(sum(values))
raise Empty

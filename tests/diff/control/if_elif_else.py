# if/elif/else chains, conditional expressions, truthiness of conditions.
for x in (-5, 0, 3, 10, 100):
    if x < 0:
        print(x, "negative")
    elif x == 0:
        print(x, "zero")
    elif x < 10:
        print(x, "small")
    else:
        print(x, "large")
for v in ([], [0], "", "0", 0.0, None, {}, range(0)):
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
y = 7
print("odd" if y % 2 else "even", "a" if 0 else "b" if 0 else "c")
if y > 5:
    if y > 6:
        print("nested")
if not y:
    print("unreachable")
class T:
    def __bool__(self):
        print("bool called")
        return False
if T():
    print("no")
else:
    print("T is false")
class L:
    def __len__(self):
        return 0
print("L false" if not L() else "L true")
class Bad:
    def __bool__(self):
        return 1
try:
    if Bad():
        pass
except TypeError as e:
    print("TypeError", e)

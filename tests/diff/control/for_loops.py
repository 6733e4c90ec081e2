# for over sequences/iterators, else clause, break/continue, loop variable after the loop, nested.
for i in range(3):
    print("i", i)
print("after loop i =", i)
for c in "ab":
    for d in "xy":
        if d == "y":
            continue
        print(c + d)
for n in range(2, 20):
    for f in range(2, n):
        if n % f == 0:
            break
    else:
        print(n, "is prime")
for x in []:
    print("never")
else:
    print("empty for-else")
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for x in range(10):
    if x == 3:
        break
else:
    print("not reached")
print("broke at", x)
lst = [1, 2, 3]
for lst[0] in range(5, 7):
    pass
print(lst)
class O:
    pass
o = O()
for o.attr in "xyz":
    pass
print(o.attr)
try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError", e)

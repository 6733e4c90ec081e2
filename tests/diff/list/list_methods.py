# append/extend/insert/remove/pop/clear/index/count/copy/reverse.
a = [3, 1, 2]
a.append(4)
a.extend([5, 6])
a.extend(range(7, 9))
a.extend("ab")
print(a)
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before-last")
a.insert(-100, "very-first")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove("a")
print(a, a.index(5), a.index(2, 1), a.count(1), a.count(99))
c = a.copy()
c.reverse()
print(c, a == c[::-1])
for f in (lambda: a.remove(99), lambda: a.index(99), lambda: [].pop(), lambda: a.pop(100),
          lambda: a.index(5, 0, 2), lambda: a.insert(1), lambda: a.append(1, 2), lambda: a.extend(5)):
    try:
        print(f())
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
a.clear()
print(a, len(a))
x = [1, 2, 3, 2]
print(x.index(2, -2), x.remove(2), x)

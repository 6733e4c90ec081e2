# is / is not / in / not in across containers, and __contains__ fallbacks.
a = [1, 2, 3]
b = a
c = list(a)
print(a is b, a is c, a == c, a is not c)
print(2 in a, 5 in a, 5 not in a, "b" in "abc", "bc" in "abc", "" in "x", "ac" in "abc")
print(1 in (1, 2), 3 in {1: 2, 3: 4}, 4 in {1: 2, 3: 4}, 2 in {2}, 5 in range(10), 10 in range(10))
print(5 in range(0, 10, 2), 4 in range(0, 10, 2), 2.0 in range(5), "a" in ["a"])
class C:
    def __contains__(self, x):
        print("contains", x)
        return x == 7
print(7 in C(), 8 in C(), 8 not in C())
class G:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
print(20 in G(), 25 in G())
class I:
    def __iter__(self):
        return iter([1, 2])
print(2 in I(), 3 in I())
try:
    1 in 5
except TypeError as e:
    print("TypeError", e)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError", e)
try:
    [] in {}
except TypeError as e:
    print("TypeError", e)
print(None is None, type(None) is type(None), [] is [] if False else "skip")

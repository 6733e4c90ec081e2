# all() and any(): short-circuiting, empty iterables, truthiness of elements, non-iterables.
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, 0]), any([0, 3]), all("abc"), any(""))
def items(vals):
    for v in vals:
        print("produce", v)
        yield v
print(all(items([1, 0, 1])))
print(any(items([0, 2, 0])))
print(all(x > 0 for x in range(1, 5)), any(x > 3 for x in range(3)), all([[]]), any([[0]]))
print(all({}), any({0: 1}), any({1: 0}), all(range(1, 3)), any(map(str.isdigit, "ab3")))
try:
    all(5)
except TypeError as e:
    print("TypeError", e)
try:
    any()
except TypeError as e:
    print("TypeError", e)
class B:
    def __bool__(self):
        raise ValueError("no truth")
try:
    any([B()])
except ValueError as e:
    print("ValueError", e)
print(all([1, 2, 3][i] for i in range(3)), any(iter([None, 0.0, 0j, "x"])))

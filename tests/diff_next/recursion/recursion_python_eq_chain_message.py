# RecursionError message when a chain of Python __eq__ methods recurses: CPython 3.11 trips its check on entering a Python frame ("maximum recursion depth exceeded").
class Chain:
    def __init__(self, nxt):
        self.nxt = nxt
    def __eq__(self, other):
        return self.nxt == other
c = None
for _ in range(5000):
    c = Chain(c)
try:
    c == 1
except RecursionError as e:
    print("RecursionError", e)
class Lt:
    def __lt__(self, other):
        return self < other
try:
    Lt() < Lt()
except RecursionError as e:
    print("RecursionError", e)
class Add:
    def __add__(self, other):
        return self + other
try:
    Add() + 1
except RecursionError as e:
    print("RecursionError", e)
class G:
    def __getattr__(self, name):
        return self.other
try:
    G().x
except RecursionError as e:
    print("RecursionError", e)
class Item:
    def __getitem__(self, k):
        return self[k]
try:
    Item()[0]
except RecursionError as e:
    print("RecursionError", e)
class Call:
    def __call__(self):
        return self()
try:
    Call()()
except RecursionError as e:
    print("RecursionError", e)
class Hash:
    def __hash__(self):
        return hash(self)
try:
    hash(Hash())
except RecursionError as e:
    print("RecursionError", e)
print("done", len([1, 2, 3]), sum(range(10)), max(3, 4), "x" * 3, sorted([2, 1]), abs(-5), round(2.5))

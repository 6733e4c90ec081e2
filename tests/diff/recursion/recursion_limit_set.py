# sys.setrecursionlimit changes where RecursionError happens; invalid limits raise.
import sys
old = sys.getrecursionlimit()
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
sys.setrecursionlimit(200)
print(sys.getrecursionlimit(), 150 < count(0) < 200)
sys.setrecursionlimit(3000)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(2500))
sys.setrecursionlimit(old)
try:
    deep(2500)
except RecursionError as e:
    print("RecursionError", e)
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    sys.setrecursionlimit("100")
except TypeError as e:
    print("TypeError", e)
print(sys.getrecursionlimit() == old)
def catch_and_continue():
    results = []
    for _ in range(3):
        try:
            deep(10 ** 6)
        except RecursionError:
            results.append("caught")
    return results
print(catch_and_continue())

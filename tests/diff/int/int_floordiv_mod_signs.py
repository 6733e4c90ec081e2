# Floor division and modulo follow the sign of the divisor (Python rules, not C's).
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (0, -5), (6, 3), (-6, 3), (6, -3),
         (1, 10), (-1, 10), (1, -10), (-1, -10)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)
big = 10 ** 30 + 7
print(big // 3, big % 3, -big // 3, -big % 3)
print(big // -7, big % -7)
print(divmod(-big, 10 ** 15))
for d in (0, -0):
    for op in ("//", "%", "/"):
        try:
            print(eval("5 " + op + " d"))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("divmod:", e)
try:
    print(10 ** 40 // 0)
except ZeroDivisionError as e:
    print("big:", e)

# abs() and divmod() over int, float, bool, complex, custom types, and their errors.
print(abs(-5), abs(5), abs(-0.0), abs(-2 ** 70), abs(True), abs(-3.5), abs(3 + 4j), abs(-1e308))
print(abs(float("-inf")), abs(float("nan")))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-0.5, 1), divmod(2 ** 65, 3))
class A:
    def __abs__(self):
        return "abs called"
    def __divmod__(self, o):
        return ("divmod", o)
    def __rdivmod__(self, o):
        return ("rdivmod", o)
print(abs(A()), divmod(A(), 2), divmod(2, A()))
for f in (lambda: abs("x"), lambda: divmod("a", 1), lambda: divmod(1, 0), lambda: divmod(1.0, 0.0),
          lambda: abs(), lambda: divmod(1), lambda: divmod(1j, 1)):
    try:
        print(f())
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(type(abs(-2)).__name__, type(abs(-2.0)).__name__, type(abs(True)).__name__, type(abs(1j)).__name__)

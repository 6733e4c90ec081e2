# + - * / // % ** on small ints, unary operators, precedence.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b)
print(a ** 2, 2 ** 10, 2 ** 0)
print(-a, +a, ~a)
print(-a // b, -a % b)
print(2 + 3 * 4, (2 + 3) * 4)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2)
print(10 / 4, 10 / 5, -7 / 2)
print(2 ** -1, 2 ** -2, (-2) ** -3)
x = 5
x += 3
print(x)
x -= 10
print(x)
x *= -4
print(x)
x //= 3
print(x)
x %= 5
print(x)
x **= 3
print(x)
print(7 - -3, 7 + -3, - - 3)

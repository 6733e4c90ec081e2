# while with break/continue/else, nested loops, counters.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
else:
    print("while-else ran, i =", i)
n = 0
while True:
    n += 1
    if n > 3:
        break
else:
    print("not printed")
print("n", n)
a, b = 0, 1
fib = []
while a < 100:
    fib.append(a)
    a, b = b, a + b
print(fib)
x = 27
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz steps", steps)
outer = 0
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            break
        inner += 1
    print("outer", outer, "inner", inner)
    outer += 1
k = 0
while k < 0:
    print("never")
else:
    print("else on zero iterations")

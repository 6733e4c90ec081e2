# exit: 1
# Uncaught ZeroDivisionError in an expression spread over several lines and inside a lambda and a comprehension.
ratios = lambda xs: [
    100 // x
    for x in xs
]
for i in range(8):
    print("ratio", i, ratios([i + 1, 2]))
print(ratios([
    5,
    0,
]))

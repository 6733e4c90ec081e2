# exit: 1
# NameError for a misspelt global: 3.11 appends "Did you mean: 'counter'?" to the message.
counter = 0
for i in range(10):
    counter += i
    print("counter", counter)
print(countr)

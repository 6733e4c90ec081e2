# break/continue/return inside try/finally and with-blocks nested in loops.
log = []
for i in range(3):
    for j in range(3):
        try:
            if j == 1:
                continue
            if i == 2:
                break
            log.append((i, j))
        finally:
            log.append("f%d%d" % (i, j))
print(log)
def find(target):
    for row in range(4):
        for col in range(4):
            try:
                if row * 4 + col == target:
                    return (row, col)
            finally:
                if row * 4 + col == target:
                    print("finally on return", row, col)
    return None
print(find(6), find(99))
count = 0
while True:
    try:
        count += 1
        if count < 3:
            continue
        break
    finally:
        print("while finally", count)
print("count", count)
def gen():
    for i in range(5):
        try:
            yield i
        finally:
            print("gen finally", i)
for v in gen():
    if v == 1:
        break
print("broke out of generator loop")
result = []
for x in range(4):
    try:
        if x == 2:
            raise ValueError(x)
        result.append(x)
    except ValueError:
        result.append("err")
        continue
    else:
        result.append("else")
print(result)

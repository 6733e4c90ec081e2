# Lists as stacks and queues, insert/pop at both ends, in-place operations returning None.
stack = []
for v in "abc":
    stack.append(v)
print(stack, stack.pop(), stack[-1], len(stack))
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
dq = []
dq.insert(0, "left")
dq.append("right")
dq.insert(0, "lefter")
print(dq, dq.pop(0), dq.pop())
r = [3, 1, 2]
print(r.sort(), r.reverse(), r.append(0), r.extend([]), r.insert(0, 9), r.clear(), r)
m = [0] * 5
for i in range(5):
    m[i] = i * i
print(m, m[::-1], m.index(9), m.count(0))
todo = list(range(10))
done = []
while todo:
    item = todo.pop()
    if item % 3 == 0:
        done.append(item)
print(done)
matrix = [[0] * 3 for _ in range(3)]
for i in range(3):
    matrix[i][i] = 1
print(matrix)
a = [1, 2, 3]
a[1:2] = []
a += (4, 5)
a.extend(x for x in range(6, 8))
print(a, a.__iadd__([8]) is a, a)

# Running code compiled in 'single' mode echoes expression statements through
# sys.displayhook (and sets builtins._); 'eval' returns the value; eval() strips
# leading blanks.
import builtins
import sys

g = {}
exec(compile('1 + 2', '<s>', 'single'), g)
exec(compile('None', '<s>', 'single'), g)
exec(compile('"text"', '<s>', 'single'), g)
print('_ is', builtins._)
exec(compile('x = 5', '<s>', 'single'), g)
exec(compile('x', '<s>', 'single'), g)
exec(compile('x; x * 2', '<s>', 'single'), g)
exec(compile('for i in range(3): i', '<s>', 'single'), g)
exec(compile('if x:\n  x + 1\n  x + 2\n', '<s>', 'single'), g)
exec(compile('def f():\n  return 7\n', '<s>', 'single'), g)
exec(compile('f()', '<s>', 'single'), g)
print('_ is', builtins._)
exec(compile('"""doc"""', '<s>', 'single'), g)
print('__doc__' in g and g['__doc__'])

seen = []
def hook(value):
    seen.append(value)
old = sys.displayhook
sys.displayhook = hook
exec(compile('[1, 2]', '<s>', 'single'), g)
exec(compile('None', '<s>', 'single'), g)
sys.displayhook = old
print('hook saw', seen)

print(eval(compile('x * 3', '<e>', 'eval'), g))
print(eval(compile('x, x', '<e>', 'eval'), g))
print(eval('  \t x + 1', g))
print(eval('x\n\n', g))
try:
    eval(' \n x', g)
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    eval('x = 1')
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    exec(compile('1/0', '<single>', 'single'))
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
code = compile('a = 1\nb = 2\n', '<x>', 'exec')
ns = {}
exec(code, ns)
print(ns['a'], ns['b'])

# compile() in 'single' and 'eval' mode: CPython's interactive and eval start rules,
# their SyntaxErrors (message, position, text) and the end-of-input rules of string
# input ('single' counts the end as NEWLINE, twice when a block is open).

CASES = [
    ('x', 'single'), ('x = 1', 'eval'), ('x = 1\ny = 2', 'single'), ('x = 1; y = 2', 'single'),
    ('if 1:\n  x\n', 'single'), ('if 1:\n  x', 'single'), ('if 1:\n  x\ny=2\n', 'single'),
    ('', 'single'), ('', 'eval'), ('\n\n', 'eval'), ('1\n\n', 'eval'), ('1;', 'eval'),
    ('1 2', 'eval'), ('# c\n', 'single'), ('x\n# c\n\n', 'single'), ('x\n  \n', 'single'),
    ('  x', 'eval'), ('  x', 'single'), ('x\ny', 'eval'), ('yield 1', 'eval'),
    ('import os', 'eval'), ('*a', 'eval'), ('*a, b', 'eval'), ('a, b', 'eval'), ('a, b,', 'eval'),
    ('(', 'eval'), ('(', 'single'), ('def f():\n  pass\n\n\nf()', 'single'), ('x\n\n', 'single'),
    ('1 if 2', 'eval'), ('x := 1', 'eval'), ('(x := 1)', 'eval'), ('pass', 'single'),
    ('\n', 'single'), ('x ;', 'single'), ('@d\ndef f(): pass', 'single'),
    ('@d\ndef f(): pass\n', 'single'), ('for x in y: pass\nelse: pass', 'single'),
    ('for x in y: pass\nelse: pass\n', 'single'), ('1\n2', 'eval'), ('f(', 'eval'),
    ('x = ', 'eval'), ('x = ', 'single'), ('  1', 'single'), ('\\\n1', 'eval'),
    ('if 1:\n  if 2:\n    x', 'single'), ('if 1:\n  if 2:\n    x\n', 'single'),
    ('class A:\n  pass\nx = 1', 'single'), ('x = 1 # c\n# d', 'single'),
    ('lambda x: x', 'eval'), ('[i for i in range(3)]', 'eval'), ('a if b else c', 'eval'),
    ('x = 1\n\n\n', 'single'), ('"""doc"""', 'single'), ('1 +', 'eval'), ('del x', 'eval'),
    ('print(1 2)', 'eval'), ('print(1 2)', 'single'), ('x\n  y', 'single'), ('return 1', 'single'),
]

for src, mode in CASES:
    try:
        compile(src, 'f', mode)
        print(repr(src), mode, 'ok')
    except SyntaxError as e:
        print(repr(src), mode, type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno,
              e.end_offset, repr(e.text))

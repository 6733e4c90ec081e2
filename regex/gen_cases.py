#!/usr/bin/env python3
"""Generates regex/testdata/cases.txt: pattern/subject cases with the outcomes that
CPython's `re` gives (via re_oracle.py). Re-run after editing the lists below:

    python3 regex/gen_cases.py > regex/testdata/cases.txt
"""
import itertools
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import re_oracle  # noqa: E402

I, L, M, S, U, X, A = 2, 4, 8, 16, 32, 64, 256

# (pattern, flags, subjects): every subject is tried with search, match and fullmatch.
GROUPS = [
    # Literals, escapes, classes.
    ([r'abc', r'a.c', r'a\.c', r'\x41', r'\101', r'\0', r'\u00e9', r'\U0001F600', r'\N{EM DASH}',
      r'\N{LATIN SMALL LETTER E WITH ACUTE}', r'[abc]', r'[^abc]', r'[a-z]+', r'[^a-z]+',
      r'[]a]', r'[^]a]', r'[a-]', r'[-a]', r'[\]]', r'[\\]', r'[a\-z]', r'[\d\s]+', r'[\w.]+',
      r'[^\W\d]+', r'\d+', r'\D+', r'\s+', r'\S+', r'\w+', r'\W+', r'[\x00-\x7f]+',
      r'[\u0100-\uffff]+', r'[\U00010000-\U0010ffff]', r'.', r'..', r'[.]', r'\t\n\r\f\v\a',
      r'[\t\n]', r'\\', r'a{', r'a{}', r'a{,', r'a{1', r'a{1,', r'x{a}', r'{1}', r'a{,2}',
      r'\{', r'\}', r'[{}]'],
     [0, A, I],
     ['abc', 'ABC', 'a.c', 'xyzabc', 'A', '\0', 'é', 'É', '\u2014', '\U0001F600', ']', '-',
      '\\', 'a1 b2_c3', '  \t\n', 'ümlaut ÜMLAUT', 'a{', 'a{}', 'a{1,', 'aa', '', '\x85\xa0',
      'ǅ', 'ſ', 'K', 'µ', 'Σσς', 'İı', '١٢٣', 'x{a}', '{', '}']),
    # Anchors and boundaries.
    ([r'^a', r'a$', r'^$', r'\Aa', r'a\Z', r'^\w+$', r'\bfoo\b', r'\Bo', r'o\B', r'\b',
      r'\B', r'^', r'$', r'$\n', r'a$\n?', r'^.*$', r'(?m)^\w+$', r'(?m)^', r'(?m)$'],
     [0, M, A],
     ['a', 'a\n', 'ba', 'ab\n', '\n', '', 'foo bar', 'afoo', 'foo\nbar\n', 'x\ny', 'é foo é']),
    # Alternation and groups.
    ([r'a|b', r'ab|a', r'a|ab', r'(a)|b', r'(a|b)*', r'(a|ab)(c|bcd)(d*)', r'(?:a|b)+',
      r'(a)(b)?', r'(a)|(b)', r'((a)|b)+', r'(?P<x>a)(?P<y>b)?', r'(?P<x>a)(?P=x)',
      r'(a*)*', r'(a*)+', r'(a|)*', r'(a*)*b', r'(?:a*)*', r'(a?)((ab)?)(b?)', r'(a+|b)*',
      r'(a+|b){0,}', r'(a+|b)+', r'(a+|b){1,}', r'(a+|b)?', r'(a+|b){0,1}', r'([abc])*d',
      r'([abc])*bcd', r'(a|b|c|d|e)f', r'((a)(b)c)(d)', r'(((((((((a)))))))))', r'()',
      r'(a)()b', r'x(?:ab|a)+y', r'(ab|a)(bc|c)', r'a|b|c|', r'|a',
      r'(ab|a|b|abc|ba)+', r'(?:abc|ab|a|bd|b)(c|d)?', r'(foo|ba|bab|abab|aba)\w*',
      r'(?:a|ab|abc|b|bc)*d', r'(a(b)|ab|a|b|c)c'],
     [0, I],
     ['a', 'b', 'ab', 'abcd', 'abbbcd', 'aaab', 'ba', 'xabay', 'abc', 'ef', '', 'abab', 'AB',
      'effgz', 'bbbbac', 'aab']),
    # Quantifiers.
    ([r'a*', r'a+', r'a?', r'a*?', r'a+?', r'a??', r'a{2}', r'a{2,}', r'a{,2}', r'a{2,3}',
      r'a{2,3}?', r'a{0}', r'a{0,0}', r'(ab){2}', r'(ab){1,2}?', r'(?:ab){2,}', r'a*b',
      r'a*?b', r'a.*b', r'a.*?b', r'.*', r'.*?', r'(.*)(.*)', r'(.*?)(.*)', r'(.+)(.+)',
      r'(a+)(a+)', r'(a+?)(a+)', r'a{3,2}x' if False else r'a{3}', r'[ab]{2,4}c',
      r'(?:a|b){2,4}c', r'\w{3,}', r'\d{2,3}?', r'(x+x+)+y'],
     [0, S],
     ['aaa', 'aaaa', 'abab', 'ababab', 'b', 'aab', 'xaaby', 'a\nb', '', 'ab', 'aaaaaa',
      'abbc', 'xxxxxxxxxxy', 'xxxxxxxx', '12345']),
    # Atomic groups and possessive quantifiers (3.11).
    ([r'(?>a+)b', r'(?>a+)a', r'a++', r'a++a', r'a*+b', r'a?+a', r'(?:ab)++', r'(?:a|ab)++c',
      r'(a|ab)*+c', r'(?>a|ab)c', r'(?:a|ab){2}+', r'(?:a|ab){1,2}+b', r'(a*)++b', r'(a|)++',
      r'(?>(a*))*', r'x(?>a*?)', r'(?>.*)x', r'[ab]*+b', r'(?:a|b)*+b', r'a{2,3}+a'],
     [0],
     ['aaab', 'aaa', 'ab', 'abab', 'abc', 'ac', 'abababc', 'aab', 'b', '', 'xaa', 'abx', 'aaaa']),
    # Lookarounds.
    ([r'a(?=b)', r'a(?!b)', r'(?<=a)b', r'(?<!a)b', r'(?<=ab)c', r'(?<=a|b)c', r'(?<!^)x',
      r'(?=(a+))', r'(?=(a+))a*b\1', r'(?!(a))(b)', r'(?<=(a))b', r'\w+(?=,)', r'(?<=\d{2})x',
      r'(?<=a(b))c', r'^(?=.*\d)(?=.*[a-z]).{4,}$', r'(?=a)a|b', r'(?!a)\w', r'x(?<=x)',
      r'(?<=\bfoo)bar', r'(?<!foo)bar', r'(?=a)*', r'(?:(?=a))*a'],
     [0],
     ['ab', 'ac', 'bb', 'cb', 'abc', 'bc', 'aaab', 'aab', 'ba', 'x', 'yx', 'foo,bar', '12x',
      'a1b2', 'abcd', 'foobar', 'barbar', '']),
    # Backreferences and conditionals.
    ([r'(a)\1', r'(a*)\1', r'(\w+)\s+\1', r'(a)|\1', r'(a)?\1' , r'(?P<n>[ab])(?P=n)+',
      r'(a)(?(1)b|c)', r'(a)?(?(1)b|c)', r'(?P<q>")?\w+(?(q)")', r'(a)?(?(1)b)', r'(?:(a)|b)(?(1)c|d)',
      r'(a|b)*\1', r'(a+)+\1', r'(?i)(a)\1', r'((a)|b)\2', r'(\d)(\d)\2\1', r'(.)(?!\1).',
      r'(?P<a>x)?(?(a)y|z)', r'(a)(?(1)|b)c'],
     [0, I],
     ['aa', 'aA', 'a', 'hello hello', 'hello world', 'abab', 'ab', 'ac', 'c', 'b', '"abc"',
      '"abc', 'abc', 'bd', 'ac', 'abba', '1221', 'xy', 'z', 'aaaa', 'aab', 'ac']),
    # IGNORECASE special cases and Unicode classes.
    ([r'k', r'K', r'\u212a', r's', r'S', r'\u017f', r'i', r'I', r'\u0130', r'\u0131', r'[k]',
      r'[a-z]', r'[A-Z]+', r'[\u212a]', r'[^k]', r'\xb5', r'\u03bc', r'[\xb5]', r'\u03c3+',
      r'ss', r'[\u0400-\u04ff]+', r'\U00010400', r'[\U00010400]', r'[\U00010428]',
      r'[\U00010400-\U0001044f]', r'\u1e9e', r'\xdf', r'[^\W]+', r'\w+', r'[\xc0-\xdf]+',
      r'\u01c5', r'[\u01c4-\u01c6]', r'\u0345', r'\u03b9', r'[\u1fbe]'],
     [0, I, I | A],
     ['k', 'K', '\u212a', 's', 'S', '\u017f', 'i', 'I', '\u0130', '\u0131', 'µ', 'Μ', 'μ',
      'ΣΣσς', 'ß', 'ẞ', 'SS', 'Привет', '\U00010400', '\U00010428', 'ÀÉÎõü', 'ǅǄǆ', 'ι',
      '\u0345', '\u1fbe', 'Ι']),
    # Flags: inline, scoped, verbose, dotall.
    ([r'(?i)abc', r'(?i:a)b', r'a(?i:b)c', r'(?-i:a)b', r'(?s).', r'(?s:.).', r'(?x) a b c ',
      r'(?x)a # comment', r'(?x)[ ]', r'(?x)a\ b', r'(?m:^b)', r'(?a)\w+', r'(?u)\w+',
      r'(?a:\w)\w', r'(?i)[^a]', r'(?x)(?-x: )a', r'a(?#comment)b', r'(?ix) A  B',
      r'(?x)a{2} b', r'(?x) a * b'],
     [0, I, X],
     ['abc', 'ABC', 'aBc', 'Ab', 'AB', '\n', 'a\nb', 'a b', ' ', 'éa', 'aé', 'ab', 'aab',
      'aaab', 'b\nb']),
]

# Patterns that must fail to compile (message and position checked), str and bytes.
ERRORS = [
    '(', ')', 'a)', '(a', '(?', '(?P', '(?P<', '(?P<>a)', '(?P<1a>a)', '(?P<a>a)(?P<a>b)',
    '(?P=', '(?P=a)', '(?P=a', '(?Px)', '(?<', '(?<x', '(?<=a*)', '(?<=a|bc)', '(?<!a+)',
    '[', '[a', '[a-', '[b-a]', '[\\d-z]', '[a-\\d]', '*', '+a', '?', 'a**', 'a*+*', 'a{2}{3}',
    '^*', '$*', '\\b*', 'a{3,2}', 'a{99999999999}', 'a{4294967295}', 'a{4294967294}',
    '\\', 'a\\', '\\x', '\\x1', '\\xg', '\\u12', '\\U0011ffff', '\\U1234', '\\N', '\\N{',
    '\\N{}', '\\N{BOGUS NAME}', '\\N{EM DASH', '\\400', '[\\400]', '\\q', '[\\q]', '\\9',
    '\\1', '(a)\\2', '(a\\1)', '(?P<a>(?P=a))', '(?(1)a|b)', '(?(0)a)', '(?(a)b)',
    '(?(-1)a)', '(?(1a)b)', '(a)(?(1)a|b|c)', '(?(1', '(?#', '(?#abc', '(?x', '(?i', '(?i-',
    '(?-', '(?-:a)', '(?z)', '(?iz)', '(?i-i:a)', '(?L)a', '(?u)a', '(?au)a', '(?-a:x)',
    'a(?i)b', '(?i)a(?m)b', '(?i-m)', '(?t:a)', '(?-t:a)', '(?!', '(?=a', '(?<=(a))\\1' ,
    '(a)(?<=\\1)', '(?<=(?P=x))', '(?<=a(?(1)b|c))', '((((a', 'a|(b', '(?>a', '(?>)',
    '[[:alpha:]]', '[a--b]', '[a&&b]', '(?P<a>a)(?P=b)', '(?P<a-b>x)', '(?P<é>x)',
    '(?(é)a)', '\\g<1>', '[]', '[^]', 'x{2}{', '(?<=x{2,3})', '(?<=\\b)a', '(?a:(?u:x))',
    '(?i\n)', 'a\n(b', '\n\n)', '(?x)\n  (\n', '(?P<n>', '(?P<n>a', '(?(n)a)', '(?(1)',
]

BYTES_ERRORS = ['(?u)a', '(?P<\xe9>a)', '\\u1234', '[\\xff-\\x00]', '\xe9(', '(?L)\\w(?a)',
                '(?aL)', '(?(\xe9)a)']

FLAG_ERRORS = [('a', L), ('a', A | U), ('a', I | L)]
BYTES_FLAG_ERRORS = [(b'a', U), (b'a', A | L)]

# finditer cases: the 3.7+ rules for empty matches.
FINDITER = [
    (r'', ['', 'abc']), (r'a*', ['', 'baaac', 'aaa']), (r'\b', ['ab cd', '']),
    (r'x*', ['axxb', 'xx']), (r'(a)|b', ['abba']), (r'a|', ['bab', 'aa']),
    (r'^', ['a\nb']), (r'(?m)^', ['a\nb\n']), (r'(?m)$', ['a\nb\n']), (r'$', ['a\n']),
    (r'\w*', ['ab cd ', '']), (r'(?=a)|a', ['aa']), (r'a??', ['aa']), (r'.*?', ['ab']),
    (r'(\d+)|(\w+)', ['abc 123 x9']), (r'\s*', ['a  b']), (r'a*?', ['baa']),
]

POS_CASES = [
    (r'^a', 'ba', [(1, -1), (0, 1)]), (r'a$', 'ab', [(0, 1), (0, 2)]), (r'\bb', 'ab', [(1, -1)]),
    (r'(?<=a)b', 'ab', [(1, -1), (1, 2)]), (r'\Ab', 'ab', [(1, -1)]), (r'', 'abc', [(2, 1), (3, 3), (5, 9), (-3, -1)]),
    (r'b*', 'abbb', [(1, 3), (4, 2)]), (r'.$', 'ab\n', [(0, 2), (0, 3)]), (r'\w+\Z', 'abc', [(0, 2)]),
    (r'c\b', 'abcd', [(0, 3)]), (r'(?m)^b', 'a\nb', [(2, -1), (1, -1)]),
]


# sub/subn: (pattern, repl, subjects) — template syntax, errors and empty-match rules.
SUB_CASES = [
    (r'a', r'<\g<0>>', ['banana', '']), (r'(a)(n)?', r'[\2\1]', ['banana']),
    (r'(?P<x>\w)', r'\g<x>\g<1>', ['ab']), (r'x*', '-', ['abxd', '']),
    (r'', '-', ['abc']), (r'\b', '|', ['ab cd']), (r'a', r'\n\t\\\&', ['a']),
    (r'a', r'\0\01\101\141x', ['a']), (r'(a)', r'\g<2>', ['a']), (r'(a)', r'\2', ['a']),
    (r'(a)', r'\g<x>', ['a']), (r'(a)', r'\g<1', ['a']), (r'(a)', r'\g', ['a']),
    (r'(a)', r'\q', ['a']), (r'(a)', '\\', ['a']), (r'(a)', r'\400', ['a']),
    (r'(a)', r'\g<-1>', ['a']), (r'(a)', r'\g<1a>', ['a']), (r'(a)', r'\g<>', ['a']),
    (r'(a)|b', r'[\1]', ['abab']), (r'a|(b)', r'\g<1>\g<0>', ['xaby']),
    (r'(a)', r'\12', ['a']), (r'(?i)A', r'\g<0>!', ['aAa']), (r'\s+', ' ', ['a  b\t\nc']),
]
SPLIT_CASES = [
    (r',', ['a,b,,c', '', ',']), (r'(,)', ['a,b']), (r'(a)|(b)', ['xaybz']), (r'x*', ['axbc', '']),
    (r'', ['abc']), (r'\b', ['ab cd']), (r'\W+', ['Words, words, words.']),
    (r'(\W+)', ['Words, words.']), (r'[a-f]+', ['0a3B9'])
]


def cases():
    out = []

    def add(kind, flags, pattern, op, subject, pos=0, endpos=-1):
        out.append('\t'.join([kind, str(flags), re_oracle.escape(pattern), op,
                              re_oracle.escape(subject), str(pos), str(endpos)]))

    for patterns, flag_sets, subjects in GROUPS:
        for p, f in itertools.product(patterns, flag_sets):
            for s in subjects:
                add('s', f, p, 'search', s)
            # match/fullmatch on a few subjects keep the table compact.
            for s in subjects[:4]:
                add('s', f, p, 'match', s)
                add('s', f, p, 'fullmatch', s)
            # bytes versions where the pattern is ASCII.
            if all(ord(c) < 128 for c in p) and not (f & A) and '\\u' not in p \
                    and '\\U' not in p and '\\N' not in p:
                for s in subjects[:5]:
                    if all(ord(c) < 256 for c in s):
                        add('b', f, p, 'search', s)
    for p in ERRORS:
        add('s', 0, p, 'compile', '')
    for p in BYTES_ERRORS:
        add('b', 0, p, 'compile', '')
    for p, f in FLAG_ERRORS:
        add('s', f, p, 'compile', '')
    for p, f in BYTES_FLAG_ERRORS:
        add('b', f, p.decode('latin-1'), 'compile', '')
    for p, subjects in FINDITER:
        for s in subjects:
            add('s', 0, p, 'finditer', s)
            add('b', 0, p, 'finditer', s)
    for p, repl, subjects in SUB_CASES:
        for s in subjects:
            add('s', 0, p, 'sub=' + re_oracle.escape(repl), s)
    for p, subjects in SPLIT_CASES:
        for s in subjects:
            for maxsplit in (0, 1):
                add('s', 0, p, 'split=%d' % maxsplit, s)
    for p, s, ranges in POS_CASES:
        for pos, endpos in ranges:
            for op in ('search', 'match', 'fullmatch'):
                add('s', 0, p, op, s, pos, endpos)
    return out


def main():
    print('# Generated by regex/gen_cases.py with CPython %s. Do not edit; re-run the generator.'
          % sys.version.split()[0])
    for line in cases():
        kind, flags, pattern, op, subject, pos, endpos = line.split('\t')
        result = re_oracle.evaluate(kind, int(flags), pattern, op, subject, int(pos), int(endpos))
        print(line + '\t' + result)


if __name__ == '__main__':
    main()

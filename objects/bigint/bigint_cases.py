"""Random differential cases for //objects/bigint:bigint_test, computed by CPython.

Usage: python3 bigint_cases.py SUITE SEED COUNT

Prints one case per line: `op arg... = expected`, space separated. Ints are Python
hex() literals ('-0x1f'), text is hex-encoded UTF-8, floats are their IEEE-754 bit
pattern in hex, errors are `!ExceptionName:hex(message)`. The C++ test recomputes every
line with pyrt::bigint and compares the encodings.
"""
import array
import math
import random
import struct
import sys

sys.set_int_max_str_digits(0)

EDGE = [0, 1, 2, 3, 7, 10, 255, 256, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**53 - 1, 2**53,
        2**53 + 1, 2**62, 2**63 - 1, 2**63, 2**63 + 1, 2**64 - 1, 2**64, 2**64 + 1,
        2**127, 2**128 - 1, 2**128, 2**61 - 1, 2**61, 2**122 - 1, 10**19, 10**19 - 1,
        10**38, 2**1023, 2**1024 - 2**971, 2**1024 - 2**970, 2**1024, 2**1074, 2**1075,
        2**1100 + 1, 3**500]


def limb_pattern(nlimbs):
    """A number whose 64-bit limbs come from carry-stressing patterns."""
    v = 0
    for _ in range(nlimbs):
        r = random.random()
        if r < 0.25:
            limb = 0
        elif r < 0.5:
            limb = 2**64 - 1
        elif r < 0.6:
            limb = 1 << random.randrange(64)
        elif r < 0.7:
            limb = (2**64 - 1) ^ (1 << random.randrange(64))
        else:
            limb = random.getrandbits(64)
        v = (v << 64) | limb
    return v


def rnd(max_bits=5000):
    r = random.random()
    if r < 0.15:
        v = random.choice(EDGE)
        v += random.choice([0, 0, 0, -1, 1])
    elif r < 0.3:
        v = limb_pattern(random.randint(1, max(1, max_bits // 64)))
    elif r < 0.4:
        k = random.randint(0, max_bits)
        v = random.choice([(1 << k) - 1, 1 << k, (1 << k) + 1])
    else:
        bits = random.choice([random.randint(0, 64), random.randint(0, 300),
                              random.randint(0, max_bits)])
        v = random.getrandbits(bits) if bits else 0
    if random.random() < 0.5:
        v = -v
    return v


def H(v):
    return hex(v)


def T(s):
    return s.encode('utf-8', 'surrogatepass').hex() or '-'


def F(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def E(e):
    return '!%s:%s' % (type(e).__name__, T(str(e)))


def emit(op, args, fn):
    try:
        res = fn()
    except (ValueError, ZeroDivisionError, OverflowError, MemoryError) as e:
        res = E(e)
    print(op, *args, '=', res)


def arith(count):
    for _ in range(count):
        a, b = rnd(), rnd()
        if random.random() < 0.3:  # similar sizes stress division
            b = rnd(a.bit_length() + 64)
        small = random.choice([b, rnd(64), rnd(200)])
        A, B = H(a), H(b)
        emit('add', [A, B], lambda: H(a + b))
        emit('sub', [A, B], lambda: H(a - b))
        emit('mul', [A, B], lambda: H(a * b))
        emit('floordiv', [A, B], lambda: H(a // b))
        emit('mod', [A, B], lambda: H(a % b))
        emit('divmod', [A, B], lambda: '%s,%s' % tuple(map(H, divmod(a, b))))
        emit('floordiv', [A, H(small)], lambda: H(a // small))
        emit('mod', [A, H(small)], lambda: H(a % small))
        emit('truediv', [A, B], lambda: F(a / b))
        emit('truediv', [H(small), B], lambda: F(small / b))
        emit('cmp', [A, B], lambda: str((a > b) - (a < b)))
        emit('and', [A, B], lambda: H(a & b))
        emit('or', [A, B], lambda: H(a | b))
        emit('xor', [A, B], lambda: H(a ^ b))
        emit('invert', [A], lambda: H(~a))
        emit('neg', [A], lambda: H(-a))
        emit('abs', [A], lambda: H(abs(a)))
        emit('bitlen', [A], lambda: str(a.bit_length()))
        emit('bitcount', [A], lambda: str(a.bit_count()))
        emit('hash', [A], lambda: str(hash(a)))
        emit('float', [A], lambda: F(float(a)))
        emit('int64', [A], lambda: str(array.array('l', [a])[0]))
        s = random.choice([0, 1, 63, 64, 65, random.randint(0, 300), random.randint(0, 5000),
                           -1, -random.randint(1, 10**6), 2**64 + 5])
        emit('lshift', [A, H(s)], lambda: H(a << s))  # CPython: MemoryError for 2**64+5
        emit('rshift', [A, H(s)], lambda: H(a >> s))
        e = random.choice([0, 1, 2, 3, random.randint(0, 40), -1])
        base = rnd(random.choice([8, 64, 300]))
        emit('pow', [H(base), H(e)], lambda: H(base ** e) if e >= 0 else '!neg')
        m = random.choice([rnd(64), rnd(300), rnd(2000), 1, -1, 0])
        x = random.choice([rnd(64), rnd(300), rnd(1500)])
        emit('powmod', [H(base), H(x), H(m)], lambda: H(pow(base, x, m)))
        emit('gcd', [A, B], lambda: H(math.gcd(a, b)))
        emit('isqrt', [A], lambda: H(math.isqrt(a)))
        g = rnd(random.choice([64, 300, 2000]))
        ag, bg = a * g, b * g
        emit('gcd', [H(ag), H(bg)], lambda: H(math.gcd(ag, bg)))
        sq = a * a + random.choice([-1, 0, 1])
        emit('isqrt', [H(sq)], lambda: H(math.isqrt(sq)))
        f = random.choice([random.uniform(-1e30, 1e30), random.uniform(-10, 10),
                           math.ldexp(random.random(), random.randint(-30, 1023)),
                           -math.ldexp(random.random(), random.randint(-30, 1023)),
                           float('inf'), float('-inf'), float('nan'), 0.0, -0.0, 2.0**63,
                           -2.0**63, 2.0**64])
        emit('fromfloat', [F(f)], lambda: H(int(f)))
        ln = random.choice([0, 1, 8, 9, (a.bit_length() + 7) // 8,
                            (a.bit_length() + 8) // 8, (a.bit_length() + 7) // 8 + 3])
        for order in ('little', 'big'):
            for signed in (False, True):
                emit('tobytes', [A, str(ln), order, str(int(signed))],
                     lambda: T(a.to_bytes(ln, order, signed=signed).decode('latin-1')))
        bs = random.getrandbits(8 * ln).to_bytes(ln, 'big') if ln else b''
        for order in ('little', 'big'):
            for signed in (False, True):
                emit('frombytes', [T(bs.decode('latin-1')), order, str(int(signed))],
                     lambda: H(int.from_bytes(bs, order, signed=signed)))
    # Correct rounding around halfway points and the subnormal range.
    for _ in range(count):
        k = random.randint(1, 200)
        m = random.getrandbits(54) | (1 << 53)
        a = m << k
        a += random.choice([0, 1, -1, 1 << (k - 1), (1 << (k - 1)) + 1, (1 << (k - 1)) - 1])
        if random.random() < 0.5:
            a = -a
        emit('float', [H(a)], lambda: F(float(a)))
        b = 1 << random.randint(0, 300)
        c = random.choice([b, 3 * b, rnd(120) or 1, (1 << 1074) * random.randint(1, 1000),
                           (1 << 1080) + random.randint(0, 9)])
        emit('truediv', [H(a), H(c)], lambda: F(a / c))
        tiny, huge = random.getrandbits(10), c << random.randint(1000, 1100)
        emit('truediv', [H(tiny), H(huge)], lambda: F(tiny / huge))


def text(count):
    sys.set_int_max_str_digits(0)
    for _ in range(count):
        v = rnd(random.choice([64, 600, 6000]))
        base = random.choice([10, 10, 16, 2, 8, random.randint(2, 36)])
        # str in base: digits by repeated division (python has no generic formatter)
        digs = '0123456789abcdefghijklmnopqrstuvwxyz'

        def to_base(x, b):
            if b == 10:
                return str(x)
            if b == 16:
                return format(x, 'x')
            if b == 8:
                return format(x, 'o')
            if b == 2:
                return format(x, 'b')
            n, out = abs(x), []
            while n:
                n, r = divmod(n, b)
                out.append(digs[r])
            return ('-' if x < 0 else '') + (''.join(reversed(out)) or '0')
        s = to_base(v, base)
        emit('tostr', [H(v), str(base), '0'], lambda: T(s))
        if base == 10:
            def limited():
                sys.set_int_max_str_digits(4300)
                try:
                    return T(str(v))
                finally:
                    sys.set_int_max_str_digits(0)
            emit('tostr', [H(v), '10', '4300'], limited)
        # parse: decorate the text, sometimes break it
        t = s
        if random.random() < 0.3 and len(t.lstrip('-')) > 1:
            body = t.lstrip('-')
            pos = random.randint(1, len(body) - 1)
            t = t[:len(t) - len(body)] + body[:pos] + '_' + body[pos:]
        pb = base
        if base in (2, 8, 16) and random.random() < 0.5:
            pre = {2: '0b', 8: '0o', 16: '0x'}[base]
            pre = pre.upper() if random.random() < 0.3 else pre
            neg = t.startswith('-')
            t = ('-' if neg else '') + pre + ('_' if random.random() < 0.2 else '') + t.lstrip('-')
            if random.random() < 0.5:
                pb = 0
        if random.random() < 0.3:
            t = random.choice([' ', '\t', '\n ', '']) + t + random.choice([' ', '\r\n', ''])
        if random.random() < 0.2:
            t = t.upper()
        if random.random() < 0.25:
            i = random.randint(0, len(t))
            t = t[:i] + random.choice(['_', '__', 'z', ' ', '-', '+', '.', '\x00', 'é', "'"]) + t[i:]
        if random.random() < 0.1:
            t = '+' + t
        lim = random.choice([0, 4300, 640, 1000])

        def parse():
            sys.set_int_max_str_digits(lim)
            try:
                return H(int(t, pb))
            finally:
                sys.set_int_max_str_digits(0)
        emit('parse', [T(t), str(pb), str(lim)], parse)
    # base-0 and odd literals
    lits = ['0', '00', '0_0', '01', '0x', '0x_', '0x_1f', '0x__1f', '0b102', '0o17', '0O17',
            '_1', '1_', '1__2', '1_2_3', '-0', '+0', ' -7 ', '- 7', '+-1', '', ' ', '0b_1',
            '0_x1', '09', '0_9', '1e5', '12L', '0xg', '  0XABC', 'zz', 'Z', '١٢', '\x0b12\x0c',
            '\u3000 42\xa0', '٣_٤', '１２', '\u200b1', '\x851', 'x\xa0', '\x1c1', '0x١٢',
            '𝟏𝟐', '1\u2028', '1\ufeff', '\xad', 'é\x00"', "'\\"]
    for t in lits:
        for pb in (0, 10, 16, 36, 2):
            emit('parse', [T(t), str(pb), '4300'], lambda: H(int(t, pb)))
    for pb in (1, 37, -1):
        emit('parse', [T('1'), str(pb), '4300'], lambda: H(int('1', pb)))
    # format specs
    specs = ['', 'd', ',', '_', 'x', 'X', '#x', '#X', 'o', '#o', 'b', '#b', '_x', '#_b',
             '+', ' ', '-', '10', '<10', '^11', '>12', '=12', '*^15,', '010', '010,', '#010_x',
             '012_', '+015,', ' 08', 'n', '08n', '#_o', 'z', '.2', ',_', '_,', ',x', ',b',
             'q', 'dd', '€>9', '0=12,', '0<9', '#0=12_X', '-#020_b', '#', '#d', ',d', '_n']
    for _ in range(count):
        v = rnd(random.choice([16, 64, 200]))
        sp = random.choice(specs)
        emit('format', [H(v), T(sp)], lambda: T(format(v, sp)))


def big(count):
    # Operands past the Karatsuba, Newton-division and divide-and-conquer thresholds.
    for _ in range(count):
        bits_a = random.choice([random.randint(5000, 60000), random.randint(60000, 150000)])
        a = rnd(bits_a) if random.random() < 0.2 else random.getrandbits(bits_a)
        a = a or 1
        b = random.getrandbits(random.randint(5000, bits_a)) or 3
        if random.random() < 0.3:
            b = limb_pattern(random.randint(80, 300)) or 5
        if random.random() < 0.5:
            a = -a
        emit('mul', [H(a), H(b)], lambda: H(a * b))
        emit('divmod', [H(a), H(b)], lambda: '%s,%s' % tuple(map(H, divmod(a, b))))
        c = a * b + random.getrandbits(64)
        emit('divmod', [H(c), H(b)], lambda: '%s,%s' % tuple(map(H, divmod(c, b))))
        emit('tostr', [H(a), '10', '0'], lambda: T(str(a)))
        s = str(a)
        emit('parse', [T(s), '10', '0'], lambda: H(a))
        emit('truediv', [H(a), H(b)], lambda: F(a / b))
        emit('isqrt', [H(abs(a))], lambda: H(math.isqrt(abs(a))))
        emit('gcd', [H(a * b), H(b * (b + 1))], lambda: H(math.gcd(a * b, b * (b + 1))))


if __name__ == '__main__':
    suite, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    random.seed(seed)
    {'arith': arith, 'text': text, 'big': big}[suite](count)

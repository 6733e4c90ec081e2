"""CPython's timings for the operations in bigint_benchmark.cc, same names, impl
`python3`. Run with the real interpreter: /usr/bin/python3 bigint_bench_python.py
Times are process CPU time (time.process_time), to compare with Google Benchmark's CPU
column on a shared, loaded machine."""
import random
import sys
import time
import timeit

sys.set_int_max_str_digits(0)


def rand_decimal(digits, seed):
    rng = random.Random(seed)
    s = str(rng.randint(1, 9)) + ''.join(str(rng.randrange(10)) for _ in range(digits - 1))
    return int(s)


def bench(name, stmt, env, min_time=0.5):
    timer = timeit.Timer(stmt, timer=time.process_time, globals=env)
    n, t = timer.autorange()
    while t < min_time:
        n *= 2
        t = timer.timeit(n)
    best = min([t] + [timer.timeit(n) for _ in range(2)])
    print('%-28s %14.1f us' % (name, best / n * 1e6), flush=True)


for d in (1000, 10000, 100000):
    a, b = rand_decimal(d, 1), rand_decimal(d, 2)
    bench('Mul/python3/%d' % d, 'a * b', {'a': a, 'b': b})
for d in (1000, 10000, 100000):
    a, b = rand_decimal(2 * d, 3), rand_decimal(d, 4)
    bench('DivMod/python3/%d' % d, 'divmod(a, b)', {'a': a, 'b': b})
for d in (1000, 10000, 100000):
    a = rand_decimal(d, 5)
    bench('Str/python3/%d' % d, 'str(a)', {'a': a}, 0.2 if d < 100000 else 0.0)
for d in (1000, 10000, 100000):
    s = str(rand_decimal(d, 6))
    bench('Parse/python3/%d' % d, 'int(s)', {'s': s}, 0.2 if d < 100000 else 0.0)
bench('Pow3/python3/100000', '3 ** 100000', {})
import math
for d in (1000, 10000):
    a, b = rand_decimal(d, 7), rand_decimal(d, 8)
    bench('Gcd/python3/%d' % d, 'gcd(a, b)', {'a': a, 'b': b, 'gcd': math.gcd})
for d in (1000, 10000):
    a = rand_decimal(d, 9)
    bench('Isqrt/python3/%d' % d, 'isqrt(a)', {'a': a, 'isqrt': math.isqrt})

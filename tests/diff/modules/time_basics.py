# time: only deterministic properties (types, monotonicity, struct_time of fixed timestamps in UTC).
import time
t1 = time.time()
t2 = time.time()
print(type(t1).__name__, t2 >= t1, t1 > 1.6e9)
m1 = time.monotonic()
m2 = time.monotonic()
print(m2 >= m1, type(time.perf_counter()).__name__, type(time.time_ns()).__name__, time.perf_counter_ns() > 0)
s = time.gmtime(0)
print(s.tm_year, s.tm_mon, s.tm_mday, s.tm_hour, s.tm_wday, s.tm_yday, tuple(s))
g = time.gmtime(1700000000)
print(g, g.tm_year, g[0:3])
print(time.strftime("%Y-%m-%d %H:%M:%S", g), time.strftime("%a %b %d %j", time.gmtime(86400 * 365)))
print(time.asctime(time.gmtime(0)), time.mktime(time.localtime(1000000)) == 1000000.0)
print(time.strptime("2024-02-29", "%Y-%m-%d")[:3] if False else "strptime skipped", time.struct_time((2020, 1, 2, 3, 4, 5, 0, 1, 0)).tm_min)
start = time.perf_counter()
time.sleep(0.01)
print(time.perf_counter() - start >= 0.005)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
try:
    time.gmtime("x")
except TypeError as e:
    print("TypeError", e)
print(time.process_time() >= 0, type(time.thread_time()).__name__, time.get_clock_info("monotonic").monotonic)

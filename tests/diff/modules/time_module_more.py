# time module deterministic parts: gmtime/strftime/asctime on fixed times, struct_time fields, clocks' types and monotonicity.
import time
t = time.gmtime(0)
print(t, type(t).__name__, t.tm_year, t.tm_yday, t.tm_wday, t.tm_isdst, len(t), t[:3])
t2 = time.gmtime(1234567890.75)
print(tuple(t2), t2.tm_zone, t2.tm_gmtoff)
print(time.strftime("%Y-%m-%d %H:%M:%S %j %a %A %b %B %p %y %%", t2))
print(time.asctime(t2), time.strftime("%d/%m/%Y", (2020, 2, 29, 0, 0, 0, 5, 60, 0)))
print(time.gmtime(-86400)[:6], time.gmtime(2 ** 31)[:6], time.gmtime(1e9)[:3])
st = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 2, 0))
print(st, st.tm_mon, st.tm_zone, time.strftime("%H%M%S", st))
try:
    time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0))
except ValueError as e:
    print("ValueError", e)
try:
    time.gmtime("x")
except TypeError as e:
    print("TypeError", e)
a, b = time.monotonic(), time.monotonic()
print(b >= a, type(time.time()).__name__, type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__, type(time.monotonic_ns()).__name__)
print(time.process_time() >= 0, type(time.thread_time()).__name__, time.sleep(0), time.time() > 1.6e9)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError", e)
print(time.mktime(time.localtime(1000000000)) == 1000000000.0, time.localtime(0).tm_year in (1969, 1970), type(time.timezone).__name__)
info = time.get_clock_info("monotonic")
print(info.monotonic, info.adjustable, type(info.resolution).__name__)
print(time.strptime("2021-03-04", "%Y-%m-%d")[:6] if hasattr(time, "strptime") and False else "")
for args in [(1, 2), tuple(range(9)), tuple(range(10)), tuple(range(11)), tuple(range(12)), 5]:
    try:
        s = time.struct_time(args)
        print(s, s.tm_zone, s.tm_gmtoff, len(s))
    except TypeError as e:
        print("TypeError", e)
print(time.gmtime(0), time.gmtime(0).tm_zone)

# time.clock_gettime/clock_gettime_ns/clock_getres and the CLOCK_* constants; argument errors.
import time
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID, time.CLOCK_MONOTONIC_RAW, time.CLOCK_BOOTTIME, time.CLOCK_TAI)
a = time.clock_gettime(time.CLOCK_MONOTONIC)
b = time.clock_gettime(time.CLOCK_MONOTONIC)
print(type(a).__name__, b >= a, type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__, time.clock_gettime_ns(time.CLOCK_REALTIME) > 1.6e18)
print(time.clock_getres(time.CLOCK_REALTIME) <= 0.01, type(time.clock_getres(time.CLOCK_MONOTONIC)).__name__)
print(abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 5)
for bad in ["x", 1.5, None, 2 ** 40]:
    try:
        time.clock_gettime(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    time.clock_gettime(12345)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    time.clock_getres(-99)
except OSError as e:
    print(type(e).__name__, e.errno)
print(time.clock_gettime(time.CLOCK_PROCESS_CPUTIME_ID) >= 0, time.clock_gettime_ns(time.CLOCK_THREAD_CPUTIME_ID) >= 0)

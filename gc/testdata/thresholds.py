# Prints how CPython's automatic collections fire under small thresholds, for
# gc/collector_test.cc (ThresholdsMatchCPython), which replays the same allocations on
# toy objects and compares.
#
# Output: "<long-lived total> <collections>" on line 1, the generation of each automatic
# collection in order on line 2 ("-" if none), and gc.get_count() at the end on line 3.
import gc
import sys

allocations = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
t0, t1, t2 = (int(x) for x in sys.argv[2:5]) if len(sys.argv) > 4 else (10, 3, 2)
seq = []
keep = []


def cb(phase, info):
    if phase == "start":
        seq.append(info["generation"])


gc.collect()
total = len(gc.get_objects(2))  # the long-lived total: everything survived a full collection
gc.callbacks.append(cb)
gc.set_threshold(t0, t1, t2)
for i in range(allocations):
    keep.append([])  # exactly one container allocation per iteration
gc.callbacks.remove(cb)
count = gc.get_count()
gc.set_threshold(700, 10, 10)
print(total, len(seq))
print("".join(map(str, seq)) or "-")
print(count[0], count[1], count[2])

# Times CPython's gc.collect() on the graph shapes of gc/collector_benchmark.cc, so that
# the benchmark binary can report CPython beside pyrt in the same run. Containers are
# lists (one tracked container per node), as the toy nodes are list-like.
#
# Times are CPU time of this process (time.process_time), because the machines running
# the benchmarks are shared: wall time there includes waiting for a core. The C++ side
# compares against its own CPU time.
#
# Output lines (seconds are medians over the repeats):
#   GcCollectLive/cpython/<shape>/<n> <seconds per full collection of n live nodes>
#   GcCollectGarbage/cpython/<shape>/<n> <seconds to collect and free n garbage nodes>
#   GcChurnPause/cpython/<n> <loop seconds> <max pause ms> <mean pause us> <collections>
import gc
import random
import statistics
import sys
import time

SIZES = [int(s) for s in sys.argv[1].split(",")] if len(sys.argv) > 1 else [10**4, 10**5, 10**6]
CHURN = int(sys.argv[2]) if len(sys.argv) > 2 else 10**6


def chain(n):
    node = None
    for _ in range(n):
        node = [node]
    return node


def tree(n):
    nodes = [[None, None] for _ in range(n)]
    for i in range(n):
        if 2 * i + 1 < n:
            nodes[i][0] = nodes[2 * i + 1]
        if 2 * i + 2 < n:
            nodes[i][1] = nodes[2 * i + 2]
    return nodes[0]


def cycles(n):
    holder = []
    for _ in range(n // 4):
        a = [None]
        b = [a]
        c = [b]
        d = [c]
        a[0] = d
        holder.append(a)
    return holder


def bigcycle(n):
    first = [None]
    node = first
    for _ in range(n - 1):
        node = [node]
    first[0] = node
    return first


SHAPES = {"chain": chain, "tree": tree, "cycles": cycles, "bigcycle": bigcycle}


clock = time.process_time


def timed_collect():
    t = clock()
    gc.collect()
    return clock() - t


def main():
    gc.disable()
    gc.collect()
    gc.freeze()  # the interpreter's own objects are not part of the measurement
    for n in SIZES:
        repeats = 5 if n <= 10**5 else 3
        for name, build in SHAPES.items():
            root = build(n)
            gc.collect()  # everything reaches the oldest generation, as in the C++ run
            t = statistics.median(timed_collect() for _ in range(repeats))
            print(f"GcCollectLive/cpython/{name}/{n} {t:.9f}", flush=True)
            del root
            gc.collect()
        for name in ("cycles", "bigcycle"):
            times = []
            for _ in range(repeats):
                root = SHAPES[name](n)
                del root
                times.append(timed_collect())
            print(f"GcCollectGarbage/cpython/{name}/{n} {statistics.median(times):.9f}", flush=True)

    # Pause times under churn: CHURN live containers, automatic collection on.
    rng = random.Random(1)
    live = [[] for _ in range(CHURN)]
    gc.collect()
    pauses = []
    start = [0.0]

    def cb(phase, info):
        if phase == "start":
            start[0] = clock()
        else:
            pauses.append(clock() - start[0])

    gc.callbacks.append(cb)
    gc.enable()
    t0 = clock()
    for i in range(2 * CHURN):
        x = [None]
        if i % 4 == 0:
            y = [x]
            x[0] = y  # a garbage 2-cycle once x and y go out of scope
        if i % 8 == 0:
            live[rng.randrange(CHURN)] = x
    loop = clock() - t0
    gc.disable()
    gc.callbacks.remove(cb)
    print(f"GcChurnPause/cpython/{CHURN} {loop:.9f} {max(pauses) * 1e3:.6f} "
          f"{statistics.mean(pauses) * 1e6:.3f} {len(pauses)}", flush=True)


main()

"""The convoy measurement (bpo-7946) under CPython, to stand beside gil_benchmark's.

An I/O thread does a one-byte ping-pong over two pipes with an echo process (forked,
so it never competes for this process's GIL), plus a little Python work per message;
a CPU thread spins in a Python loop. Phases, interleaved REPS times:
  io alone, cpu alone, both together.
Arg 0: threads placed by the scheduler; arg 1: the CPU thread pinned to CPU 0, the
I/O thread and the echo process to CPU 1 (as gil_benchmark's Convoy/<impl>/1).
Reported: io_kept = I/O rate next to the CPU thread / I/O rate alone, and
cpu_kept = CPU-thread loop rate next to the I/O thread / alone (medians over REPS).
Run: bazel run //gil:convoy_python   (or /usr/bin/python3 gil/convoy.py)
"""
import os
import statistics
import sys
import threading
import time

PHASE = float(os.environ.get("CONVOY_PHASE_SECONDS", "0.06"))
REPS = int(os.environ.get("CONVOY_REPS", "15"))


def pin(enabled, cpu):
    """Pins the calling thread (pid 0 = this thread on Linux) to one CPU."""
    if enabled:
        os.sched_setaffinity(0, {cpu})


def start_peer(pinned):
    to_r, to_w = os.pipe()
    from_r, from_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the echo process
        pin(pinned, 1)
        os.close(to_w)
        os.close(from_r)
        while True:
            b = os.read(to_r, 1)
            if not b:
                os._exit(0)
            os.write(from_w, b)
    os.close(to_r)
    os.close(from_w)
    return pid, to_w, from_r


def phase(with_io, with_cpu, pinned):
    stop = threading.Event()
    counts = {"io": 0, "cpu": 0}
    pid, w, r = start_peer(pinned)  # fork before any thread starts

    def io():
        pin(pinned, 1)
        n = 0
        while not stop.is_set():
            os.write(w, b"x")
            os.read(r, 1)
            for _ in range(20):  # a little Python work per message
                pass
            n += 1
        counts["io"] = n

    def cpu():
        pin(pinned, 0)
        n = 0
        is_set = stop.is_set
        while not is_set():
            n += 1
        counts["cpu"] = n

    threads = []
    if with_cpu:
        threads.append(threading.Thread(target=cpu))
    if with_io:
        threads.append(threading.Thread(target=io))
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(PHASE)
    stop.set()
    for t in threads:
        t.join()
    secs = time.perf_counter() - t0
    os.close(w)
    os.waitpid(pid, 0)
    os.close(r)
    return counts["io"] / secs, counts["cpu"] / secs


def measure(pinned):
    io_kept, cpu_kept, io_alone_l, io_both_l = [], [], [], []
    for _ in range(REPS):
        io_alone = phase(True, False, pinned)[0]
        cpu_alone = phase(False, True, pinned)[1]
        io_both, cpu_both = phase(True, True, pinned)
        io_alone_l.append(io_alone)
        io_both_l.append(io_both)
        io_kept.append(io_both / io_alone)
        cpu_kept.append(cpu_both / cpu_alone)
    med = statistics.median
    print(f"Convoy/cpython/{int(pinned)} io_alone_per_s={med(io_alone_l):.0f} "
          f"io_contended_per_s={med(io_both_l):.0f} io_kept={med(io_kept):.3f} "
          f"cpu_kept={med(cpu_kept):.3f}", flush=True)


def main():
    print(f"python {sys.version.split()[0]} switchinterval={sys.getswitchinterval()} "
          f"loadavg={os.getloadavg()[0]:.1f}", flush=True)
    # Arg as in gil_benchmark: 0 = placed by the scheduler; 1 = CPU thread on
    # CPU 0, I/O thread and echo process on CPU 1 (needs two CPUs).
    for pinned in (False, True) if len(os.sched_getaffinity(0)) >= 2 else (False,):
        measure(pinned)


if __name__ == "__main__":
    main()

# Prints what CPython's gc.collect() returns, and which finalizers and weakref callbacks
# run, in small scenarios that gc/collector_test.cc (MatchesCPythonScenarios) rebuilds
# with toy objects. Each instance of N or F is exactly one tracked container (__slots__,
# no __dict__), as is each list and each function used as a callback.
#
# Output: one line per scenario: "<name> <collect() result> <events>" where events are
# f<tag> for a finalizer and c<tag> for a weakref callback, in order ("-" if none).
import gc
import weakref

events = []
keep = []


class N:
    __slots__ = ("x", "y", "tag", "__weakref__")


class F:
    """N with a PEP 442 finalizer (__del__ in Python 3 is tp_finalize)."""
    __slots__ = ("x", "y", "tag", "resurrect", "unlink", "__weakref__")

    def __del__(self):
        events.append("f" + self.tag)
        if self.resurrect:
            keep.append(self)
        if self.unlink:
            self.x = None


def new(cls, tag, **kw):
    o = cls()
    o.x = o.y = None
    o.tag = tag
    if cls is F:
        o.resurrect = kw.get("resurrect", False)
        o.unlink = kw.get("unlink", False)
    return o


def report(name, n):
    print(name, n, "".join(events) or "-")
    events.clear()


def make_callback(tag):
    return lambda ref: events.append("c" + tag)


gc.disable()
gc.collect()

# Two objects referring to each other.
a, b = new(N, "a"), new(N, "b")
a.x, b.x = b, a
del a, b
report("two_cycle", gc.collect())

# A self-cycle holding an acyclic tail.
a = new(N, "a")
a.x, a.y = a, new(N, "t")
del a
report("self_cycle_tail", gc.collect())

# A finalizer that breaks its own cycle: everything dies by refcount during finalization.
a, b = new(F, "a", unlink=True), new(N, "b")
a.x, b.x = b, a
del a, b
report("finalizer_breaks_cycle", gc.collect())

# Resurrection: a's finalizer stores a; a reaches b and c. x is unrelated garbage.
a, b, c = new(F, "a", resurrect=True), new(N, "b"), new(N, "c")
a.x, b.x, b.y = b, a, c
x = new(F, "x")
x.x = x
del a, b, c, x
report("resurrect", gc.collect())
keep[0].resurrect = False
keep.clear()
report("resurrected_dies", gc.collect())

# A reachable weakref with a callback to a garbage cycle: cleared, callback runs.
a, b = new(N, "a"), new(N, "b")
a.x, b.x = b, a
w = weakref.ref(a, make_callback("w"))
del a, b
report("reachable_weakref", gc.collect())
del w

# The weakref is itself garbage (held by the cycle): its callback never runs, although
# the callback function itself is reachable.
def module_callback(ref):
    events.append("cw")


a, b = new(N, "a"), new(N, "b")
a.x, b.x = b, a
b.y = weakref.ref(a, module_callback)
del a, b
report("garbage_weakref", gc.collect())


# The callback drops the last reference to its weakref: the weakref is counted.
def dropping_callback(ref):
    events.append("cw")
    holder.clear()


a = new(N, "a")
a.x = a
holder = [weakref.ref(a, dropping_callback)]
del a
report("weakref_freed_by_callback", gc.collect())

# gc module functions: counts, thresholds, collect return values, get_referents/referrers, callbacks, garbage, freeze, is_finalized.
import gc
print(type(gc.get_count()).__name__, len(gc.get_count()), gc.get_threshold())
gc.collect()
gc.set_threshold(1000, 20, 20)
print(gc.get_threshold())
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError", e)
gc.set_threshold(700, 10, 10)
class Node:
    def __init__(self, name):
        self.name = name
        self.ref = None
def make_cycles(n):
    for i in range(n):
        a, b = Node(i), Node(-i)
        a.ref, b.ref = b, a
gc.collect()
gc.disable()
make_cycles(5)
print(gc.collect() >= 10, gc.collect())
gc.enable()
lst = [1, "two", (3,)]
refs = gc.get_referents(lst)
print(sorted(map(repr, refs)))
holder = {"key": lst}
print(any(r is holder for r in gc.get_referrers(lst)))
events = []
def cb(phase, info):
    events.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(events[0], events[1][0], len(events))
class Fin:
    def __init__(self):
        self.me = self
    def __del__(self):
        Fin.seen = gc.is_finalized(self)
x = Fin()
print(gc.is_finalized(x))
del x
gc.collect()
print(Fin.seen)
print(gc.garbage, type(gc.get_stats()[0]["collections"]).__name__, sorted(gc.get_stats()[2]))
gc.freeze()
print(gc.get_freeze_count() >= 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.isenabled(), gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
gc.set_debug(0)
print(gc.get_debug())
for bad in [-1, 3]:
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError", e)
print(gc.is_tracked(()), gc.is_tracked(0), gc.is_tracked([]), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}), gc.is_tracked(Node(1)))

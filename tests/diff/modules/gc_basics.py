# gc: enable/disable/isenabled, thresholds, collect() finds unreachable cycles, is_tracked, get_count types.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.get_threshold(), type(gc.get_count()).__name__, len(gc.get_count()))
old = gc.get_threshold()
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
class Node:
    def __init__(self):
        self.other = None
gc.collect()
gc.disable()
for _ in range(10):
    a, b = Node(), Node()
    a.other, b.other = b, a
del a, b
found = gc.collect()
gc.enable()
print(found >= 20, gc.collect() == 0)
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked({}), gc.is_tracked(Node()))
print(type(gc.get_stats()).__name__, len(gc.get_stats()), sorted(gc.get_stats()[0]))
print(gc.collect(0) >= 0, gc.collect(2) >= 0)
try:
    gc.collect(5)
except ValueError as e:
    print("ValueError", e)
class WithDel:
    log = []
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        WithDel.log.append(self.name)
WithDel("cyclic")
gc.collect()
print(WithDel.log)
gc.freeze()
print(gc.get_freeze_count() >= 0)
gc.unfreeze()
print(callable(gc.get_referrers), callable(gc.get_referents))

# A tiny round-robin event loop with sleeps measured in ticks; tasks, results, ordering.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        yield self.ticks
class Loop:
    def __init__(self):
        self.tick = 0
        self.ready = []
        self.results = {}
    def spawn(self, name, coro):
        self.ready.append((0, len(self.ready), name, coro))
    def run(self):
        seq = 100
        while self.ready:
            self.ready.sort()
            wake, _, name, coro = self.ready.pop(0)
            self.tick = max(self.tick, wake)
            try:
                ticks = coro.send(None)
            except StopIteration as e:
                self.results[name] = e.value
                print("tick", self.tick, name, "finished with", e.value)
                continue
            seq += 1
            self.ready.append((self.tick + ticks, seq, name, coro))
loop = Loop()
async def worker(name, delays):
    total = 0
    for d in delays:
        print("tick", loop.tick, name, "sleeps", d)
        await Sleep(d)
        total += d
    return total
async def chain():
    a = await worker("inner", [1])
    await Sleep(2)
    return a * 100
loop.spawn("A", worker("A", [3, 1]))
loop.spawn("B", worker("B", [1, 1, 1]))
loop.spawn("C", chain())
loop.run()
print(sorted(loop.results.items()))

"""A Richards-style operating-system simulation: a scheduler switching between task
objects (idle, worker, handler, device) that exchange packets. Exercises method calls,
attribute access, polymorphism and linked lists."""

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.held = False
        self.waiting = queue is None
        self.link = scheduler.tasks
        scheduler.tasks = self
        scheduler.table[ident] = self

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        packet = self.queue
        self.queue = packet.link
        if self.queue is None:
            self.waiting = False
        return packet

    def step(self):
        packet = None
        if self.waiting and self.queue is not None:
            packet = self.take_packet()
            self.waiting = False
        return self.run(packet)

    def receive(self, packet, sender):
        if self.queue is None:
            self.queue = packet
            packet.link = None
            self.waiting = False
            if self.priority > sender.priority:
                return self
            return sender
        self.queue = packet.append_to(self.queue)
        return sender


class IdleTask(Task):
    def __init__(self, scheduler, count):
        super().__init__(scheduler, IDLE, 0, None)
        self.waiting = False
        self.control = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_self(self)
        if self.control & 1 == 0:
            self.control >>= 1
            return self.scheduler.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, queue):
        super().__init__(scheduler, WORKER, 1000, queue)
        self.destination = HANDLER_A
        self.count = 0

    def run(self, packet):
        if packet is None:
            return self.scheduler.wait(self)
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = 64 + self.count
        return self.scheduler.queue_packet(packet, self)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, queue):
        super().__init__(scheduler, ident, 2000 + ident, queue)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            index = work.datum
            if index >= BUFFER_SIZE:
                self.work = work.link
                return self.scheduler.queue_packet(work, self)
            if self.devices is not None:
                device = self.devices
                self.devices = device.link
                device.datum = work.data[index]
                work.datum = index + 1
                return self.scheduler.queue_packet(device, self)
        return self.scheduler.wait(self)


class DeviceTask(Task):
    def __init__(self, scheduler, ident):
        super().__init__(scheduler, ident, 4000 + ident, None)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.wait(self)
            p, self.pending = self.pending, None
            return self.scheduler.queue_packet(p, self)
        self.pending = packet
        self.scheduler.hold_count += 1
        return self.scheduler.hold_self(self)


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.queue_count = 0
        self.hold_count = 0

    def hold_self(self, task):
        self.hold_count += 1
        task.held = True
        return task.link

    def wait(self, task):
        task.waiting = True
        return task

    def release(self, ident):
        task = self.table[ident]
        task.held = False
        return task

    def queue_packet(self, packet, sender):
        target = self.table[packet.ident]
        self.queue_count += 1
        packet.link = None
        packet.ident = sender.ident
        return target.receive(packet, sender)

    def schedule(self):
        # Tasks are kept in a list sorted by priority, highest first.
        order = []
        t = self.tasks
        while t is not None:
            order.append(t)
            t = t.link
        order.sort(key=lambda task: -task.priority)
        for a, b in zip(order, order[1:] + [None]):
            a.link = b
        current = order[0]
        while current is not None:
            if current.runnable():
                current = current.step()
            else:
                current = current.link


def run_once(count):
    s = Scheduler()
    IdleTask(s, count)
    q = Packet(None, WORKER, KIND_WORK)
    q = Packet(q, WORKER, KIND_WORK)
    WorkerTask(s, q)
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, q)
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, q)
    DeviceTask(s, DEVICE_A)
    DeviceTask(s, DEVICE_B)
    s.schedule()
    return s.queue_count, s.hold_count


def main(count=10000, reps=25):
    for _ in range(reps):
        result = run_once(count)
    print("richards", count, *result)


main()

"""A chaos game drawing an iterated-function-system fractal into a grid: classes, a
deterministic linear congruential generator, float arithmetic, dict counting."""


class Random:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state / 0x7FFFFFFF


class Transform:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def apply(self, x, y):
        return self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f


class Chaos:
    def __init__(self, transforms, seed):
        self.transforms = transforms
        self.rng = Random(seed)
        total = sum(t.weight for t in transforms)
        acc = 0.0
        self.cumulative = []
        for t in transforms:
            acc += t.weight / total
            self.cumulative.append((acc, t))

    def pick(self):
        r = self.rng.next()
        for bound, t in self.cumulative:
            if r <= bound:
                return t
        return self.cumulative[-1][1]

    def run(self, iterations, size):
        x, y = 0.0, 0.0
        grid = {}
        for _ in range(iterations):
            x, y = self.pick().apply(x, y)
            cell = (int((x + 3) * size / 6), int(y * size / 10))
            grid[cell] = grid.get(cell, 0) + 1
        return grid


def main(iterations=1000000):
    fern = [
        Transform(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
        Transform(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85),
        Transform(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 7),
        Transform(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7),
    ]
    grid = Chaos(fern, 1234).run(iterations, 200)
    checksum = sum((cx * 31 + cy) * n for (cx, cy), n in sorted(grid.items())) % 1000000007
    print("chaos", len(grid), checksum)


main()

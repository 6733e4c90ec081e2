# Differential cases for class creation: random hierarchies over builtin and earlier
# classes, with optional __slots__. Each line describes one class statement:
#   name \t comma-separated base names \t slots ("-" for none, else comma-separated) \t
#   expected: "mro:" + names joined by "," or "err:" + "Type: message"
import random

random.seed(11)
builtin = {"object": object, "int": int, "str": str, "tuple": tuple, "dict": dict,
           "float": float, "bool": bool, "Exception": Exception, "type": type,
           "ValueError": ValueError, "KeyError": KeyError}


def run_suite(seed):
    rnd = random.Random(seed)
    env = dict(builtin)
    made = []
    lines = []
    for i in range(12):
        name = "C%d_%d" % (seed, i)
        pool = list(builtin) + made
        k = rnd.choice([0, 1, 1, 2, 2, 3])
        bases = [rnd.choice(pool) for _ in range(k)]
        slots = None
        r = rnd.random()
        if r < 0.15:
            slots = []
        elif r < 0.3:
            slots = rnd.sample(["a", "b", "__dict__", "__weakref__", "__x"], rnd.randint(1, 2))
        if slots and any(s not in ("__dict__", "__weakref__") for s in slots) and any(
                b == "str" or (b in env and issubclass(env[b], str)) for b in bases):
            slots = None  # pyrt's str subclasses cannot have member slots (inline text)
        ns = {}
        if slots is not None:
            ns["__slots__"] = tuple(slots)
        try:
            cls = type(name, tuple(env[b] for b in bases), ns)
            out = "mro:" + ",".join(c.__name__ for c in cls.__mro__)
            env[name] = cls
            made.append(name)
        except Exception as e:  # noqa: BLE001
            out = "err:%s: %s" % (type(e).__name__, e)
        lines.append("\t".join([name, ",".join(bases), "-" if slots is None else ",".join(slots),
                                out.encode().hex()]))
    return lines


for seed in range(300):
    for line in run_suite(seed):
        print(line)

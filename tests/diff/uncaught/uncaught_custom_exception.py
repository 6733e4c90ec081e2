# exit: 1
# Uncaught exception of a class defined in __main__: the last stderr line names it without module.
class ConfigError(Exception):
    pass
def load(n):
    for i in range(n):
        print("loading", i)
    raise ConfigError("missing key %r" % "port")
print("start")
try:
    load(3)
except ConfigError as e:
    print("first attempt failed:", e)
load(6)

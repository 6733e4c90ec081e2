# exit: 1
# AttributeError message for a missing attribute (the "Did you mean" hint goes to stderr's last line).
class Config:
    def __init__(self):
        self.hostname = "localhost"
        self.port = 8080
c = Config()
for name in ("hostname", "port"):
    print(name, getattr(c, name))
for i in range(8):
    print("check", i, hasattr(c, "opt%d" % i))
print(c.hostnme)

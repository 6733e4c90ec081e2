# Support module for the import tests (not a test: the name starts with "_").
print("executing _helper_mod, __name__ =", __name__)
VALUE = 42
_private = "private"
def greet(who):
    return "hello " + who
class Thing:
    def __repr__(self):
        return "Thing()"
counter = 0
def bump():
    global counter
    counter += 1
    return counter

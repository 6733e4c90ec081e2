# Subclass reflected methods take priority; NotImplemented from both sides; __eq__ defaulting.
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("Num.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("Num.__radd__")
        return "Num radd"
    def __lt__(self, o):
        print("Num.__lt__")
        return NotImplemented
    def __gt__(self, o):
        print("Num.__gt__")
        return NotImplemented
class SubNum(Num):
    def __radd__(self, o):
        print("SubNum.__radd__")
        return "SubNum radd"
    def __gt__(self, o):
        print("SubNum.__gt__")
        return "SubNum gt"
print(Num(1) + SubNum(2))
try:
    print(Num(1) + Num(2))
except TypeError as e:
    print("TypeError", e)
print(Num(1) < SubNum(2))
try:
    print(Num(1) < Num(2))
except TypeError as e:
    print("TypeError", e)
class IntLike(int):
    def __radd__(self, o):
        return "IntLike radd"
    def __add__(self, o):
        return "IntLike add"
print(1 + IntLike(2), IntLike(2) + 1, 1.5 + IntLike(2))
class FloatLike(float):
    def __rmul__(self, o):
        return "FloatLike rmul"
print(2 * FloatLike(3.0), 2.0 * FloatLike(3.0))
class Same:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return "radd"
print(1 + Same(), [] + Same())
try:
    Same() + Same()
except TypeError as e:
    print("TypeError", e)

# Custom exception classes: extra attributes, __str__, __init__ signatures, catching by base.
class ValidationError(ValueError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem
class NotFound(LookupError):
    pass
def validate(rec):
    if "name" not in rec:
        raise NotFound("name")
    if not rec["name"]:
        raise ValidationError("name", "empty")
    return "valid"
for r in ({"name": "x"}, {}, {"name": ""}):
    try:
        print(validate(r))
    except ValidationError as e:
        print("ValidationError", e, e.field, e.problem, e.args)
    except LookupError as e:
        print(type(e).__name__, e)
class NoSuperInit(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b
e = NoSuperInit(1, 2)
print(e.args, str(e), repr(e), e.a)
class KwOnly(Exception):
    def __init__(self, *, code):
        super().__init__(code)
        self.code = code
print(repr(KwOnly(code=5)))
class Base(Exception):
    pass
class Mid(Base):
    pass
class Leaf(Mid):
    pass
for cls in (Base, Mid, Leaf):
    try:
        raise cls("x")
    except Leaf:
        print("Leaf handler", cls.__name__)
    except Mid:
        print("Mid handler", cls.__name__)
    except Base:
        print("Base handler", cls.__name__)
class NotAnException:
    pass
try:
    try:
        raise ValueError
    except NotAnException:
        pass
except TypeError as e:
    print("TypeError", e)
class Retry(Exception):
    attempts = 0
for i in range(3):
    try:
        Retry.attempts += 1
        raise Retry(i)
    except Retry as e:
        print("attempt", Retry.attempts, e.args)

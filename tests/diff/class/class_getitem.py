# __class_getitem__ and builtin generic aliases (list[int], dict[str, int]).
class Box:
    def __class_getitem__(cls, item):
        return "Box[" + (item.__name__ if isinstance(item, type) else repr(item)) + "]"
print(Box[int], Box["x"], Box[1, 2])
print(list[int], dict[str, int], tuple[int, ...], type[object], set[frozenset[int]])
a = list[int]
print(a.__origin__ is list, a.__args__, a([1, 2]), type(a).__name__)
print(list[int] == list[int], list[int] == list[str])
class NoGetitem:
    pass
try:
    NoGetitem[int]
except TypeError as e:
    print("TypeError", e)
try:
    int[str]
except TypeError as e:
    print("TypeError", e)
class Meta(type):
    def __getitem__(cls, item):
        return "Meta getitem " + repr(item)
class WithMeta(metaclass=Meta):
    def __class_getitem__(cls, item):
        return "class_getitem"
print(WithMeta[0])
class Sub(Box):
    pass
print(Sub[str])
print(isinstance([], list), dict[str, list[int]])
print(list[int].__parameters__, Box.__class_getitem__(float))
print(repr(tuple[()]), dict[str, int]({"a": 1}))

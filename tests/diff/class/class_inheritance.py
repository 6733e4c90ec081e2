# Single and multiple inheritance, method overriding, isinstance/issubclass, __bases__.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"
    def kind(self):
        return "young " + super().kind()
for a in (Animal("a"), Dog("d"), Puppy("p")):
    print(a.speak(), a.kind(), type(a).__name__)
print(isinstance(Puppy("x"), Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy), issubclass(Dog, Dog))
print(issubclass(bool, int), isinstance(1, (str, int)), issubclass(int, (str, object)))
print([c.__name__ for c in Puppy.__mro__], [c.__name__ for c in Puppy.__bases__])
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
    def only_b(self):
        return "only B"
class C(A, B):
    pass
print(C().who(), C().only_b(), [k.__name__ for k in C.__mro__])
try:
    isinstance(1, 5)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError", e)
try:
    class Bad(5):
        pass
except TypeError as e:
    print("TypeError", e)
print(Animal.__subclasses__()[0].__name__, object.__bases__, Dog.__base__.__name__)

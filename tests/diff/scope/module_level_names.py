# Module-level specials: __name__, __doc__, __file__, __builtins__, __debug__, docstrings of defs.
"""Module docstring for the test."""
print(__name__, __doc__, __file__.endswith("module_level_names.py"), __debug__)
def documented():
    """Function docstring."""
class K:
    """Class docstring."""
    def m(self):
        "Method docstring."
print(documented.__doc__, K.__doc__, K.m.__doc__, K().m.__doc__)
def not_doc():
    x = 1
    "this string is not a docstring"
print(not_doc.__doc__)
print(__annotations__ if "__annotations__" in globals() else "no annotations yet")
x: int = 5
y: "str"
print(__annotations__, x)
try:
    y
except NameError as e:
    print("NameError", e)
print(sorted(k for k in globals() if k.startswith("__") and k != "__cached__"))
print(__spec__ is None, __package__ is None, __loader__ is not None)
if __name__ == "__main__":
    print("main guard taken")
print(type(__builtins__).__name__)

# bin/hex/oct on ints, big ints, negatives, __index__ objects; ascii() vs repr().
for n in (0, 1, -1, 10, 255, -255, 2 ** 64, -(2 ** 70), True):
    print(n, bin(n), hex(n), oct(n))
class I:
    def __index__(self):
        return 42
print(bin(I()), hex(I()), oct(I()))
for f in (lambda: bin(1.5), lambda: hex("a"), lambda: oct(None)):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
print(ascii("abc"), ascii("é"), ascii("日本"), ascii("\U0001F600"), ascii(["é", 1]), ascii({"ключ": "знач"}))
print(ascii(b"\xff"), ascii(1.5), ascii(None), repr("é"), ascii("\n\t"))
class R:
    def __repr__(self):
        return "Répr"
print(ascii(R()), repr(R()))
print(int(bin(12345), 2), int(hex(-999), 16), int(oct(777), 8), format(255, "b"), format(-5, "#x"))

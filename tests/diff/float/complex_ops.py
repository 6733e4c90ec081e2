# complex: construction, arithmetic, repr, attributes, abs, conjugate, comparison errors, parsing.
z = 3 + 4j
w = complex(1, -2)
print(z, w, z + w, z - w, z * w, z / w, z ** 2, -z, abs(z), z.real, z.imag, z.conjugate())
print(complex(), complex(2), complex("1+2j"), complex(" -1.5e2-3j "), complex("j"), complex(1.5, 0), 1j * 1j)
print(repr(complex(0, -0.0)), repr(complex(-0.0, 0)), repr(1e20j), repr(complex(1, float("nan"))), 2j ** 0.5)
print(z == complex(3, 4), z != w, 1 + 0j == 1, hash(1 + 0j) == hash(1))
for f in (lambda: z < w, lambda: complex("1+"), lambda: complex("1", 2), lambda: 1j // 2, lambda: 1j % 2,
          lambda: int(z), lambda: float(z), lambda: z / 0, lambda: complex([1])):
    try:
        print(f())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(pow(1j, 2), 0j ** 0, (1 + 1j) ** 3, complex(1, 1) * 2.5)
print(f"{z}", f"{z:.2f}", f"{w:>12}", "%s" % z, str(1j), str(-1j), str(complex(-0.0, -1)))

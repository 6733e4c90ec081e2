# Circular imports: partially initialized modules are visible; from-import of a missing name fails.
import _circ_a
print(_circ_a.A_LATE, _circ_a.from_b())
import _circ_b
print(_circ_b.B_VALUE, _circ_b._circ_a is _circ_a)
print("done")

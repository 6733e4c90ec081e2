print("circ_b start")
import _circ_a
B_VALUE = "b value"
print("circ_b sees A_EARLY:", _circ_a.A_EARLY)
print("circ_b sees A_LATE:", hasattr(_circ_a, "A_LATE"))
try:
    from _circ_a import A_LATE
except ImportError as e:
    print("ImportError", str(e).split(" (")[0], e.name)
print("circ_b end")

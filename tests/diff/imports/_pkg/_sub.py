print("executing _pkg._sub, __name__ =", __name__, "__package__ =", __package__)
def sub_func():
    from ._inner._deep import deep_value
    return "sub_func sees " + deep_value()
SUB_CONST = 7

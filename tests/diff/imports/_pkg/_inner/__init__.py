print("executing _pkg._inner/__init__")

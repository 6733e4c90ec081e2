from . import NAME as _parent_name
VALUE = 42

def helper():
    return _parent_name.upper()

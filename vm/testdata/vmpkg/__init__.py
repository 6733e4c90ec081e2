NAME = "vmpkg"
from . import sub

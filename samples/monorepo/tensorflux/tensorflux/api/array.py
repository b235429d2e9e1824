"""Public array functions."""
from tensorflux.python.ops import array_ops
from tensorflux.python.ops.array_ops import reshape

constant = array_ops.constant
__all__ = ["constant", "reshape"]

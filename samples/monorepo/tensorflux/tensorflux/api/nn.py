"""Public neural-network functions."""
from tensorflux.python.ops import math_ops

relu = math_ops.relu


def _clip(x, low, high):
    return math_ops.minimum(math_ops.maximum(x, low), high)

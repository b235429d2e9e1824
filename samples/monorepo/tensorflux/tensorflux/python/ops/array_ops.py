"""Array operations."""
import numpy as np

from tensorflux.python.framework import ops


class Tensor:
    def __init__(self, value, dtype=None):
        self.value = np.asarray(value)
        self.dtype = dtype


def constant(value, dtype=None):
    ops.get_default_graph()
    return Tensor(value, dtype)


def reshape(tensor, shape):
    return Tensor(tensor.value.reshape(shape), tensor.dtype)

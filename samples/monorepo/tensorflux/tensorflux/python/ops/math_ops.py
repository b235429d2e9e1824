"""Math operations."""
import importlib
import os

from . import array_ops
from .array_ops import Tensor

_BACKEND = os.environ.get("TENSORFLUX_MATH", "reference")
_kernels = importlib.import_module("tensorflux._core.kernels")
_extra = importlib.import_module("." + _BACKEND + "_kernels", __package__)


def relu(x: Tensor) -> Tensor:
    return array_ops.constant(x.value * (x.value > 0), x.dtype)


def maximum(x, y):
    return array_ops.constant(x.value.clip(min=y), x.dtype)


def minimum(x, y):
    return array_ops.constant(x.value.clip(max=y), x.dtype)

"""Kernel registry."""
import math

from tensorflux._core import _native

KERNELS = {"matmul": _native.matmul, "sqrt": math.sqrt}

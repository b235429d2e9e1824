"""tensorflux: the public API, re-exported from the internals."""
from tensorflux import api
from tensorflux.api.array import constant, reshape
from tensorflux.api.nn import relu
from ._core.dtypes import float32, int32

__version__ = "0.1.0"
__all__ = ["api", "constant", "reshape", "relu", "float32", "int32"]

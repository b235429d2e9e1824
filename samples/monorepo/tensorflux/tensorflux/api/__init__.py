"""The public API, one submodule per area."""
from . import array, nn

__all__ = ["array", "nn"]

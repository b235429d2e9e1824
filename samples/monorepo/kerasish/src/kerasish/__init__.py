"""kerasish: a small Keras-like API on top of tensorflux."""
from .models import Model
from . import layers

__all__ = ["Model", "layers"]

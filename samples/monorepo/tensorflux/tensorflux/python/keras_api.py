"""The Keras entry points tensorflux exposes: declared public in pyseam.toml."""
from kerasish.backend import floatx


def keras_floatx():
    return floatx()

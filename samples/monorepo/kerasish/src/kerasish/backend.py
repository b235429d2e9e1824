"""Backend glue: reaches into tensorflux's internals, as Keras did."""
import tensorflux._core.dtypes
from tensorflux.python import keras_api
from tensorflux.python.framework import ops as ops_lib


def floatx():
    return tensorflux._core.dtypes.float32


def session_graph():
    return ops_lib.Graph(), keras_api

"""Graphs and operations."""
from typing import TYPE_CHECKING

from tensorflux._core import dtypes
from tensorflux.python.protos import graph_pb2

if TYPE_CHECKING:
    from tensorflux.python.ops.array_ops import Tensor


class Graph:
    def __init__(self):
        self.proto = graph_pb2.GraphDef()


def get_default_graph():
    return Graph()


def convert_to_tensor(value, dtype=dtypes.float32) -> "Tensor":
    from tensorflux.python.ops import array_ops

    return array_ops.constant(value, dtype)

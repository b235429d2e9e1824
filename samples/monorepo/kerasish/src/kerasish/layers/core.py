"""Core layers: public tensorflux API, a private name, and a lazy private import."""
import tensorflux as tfx
from tensorflux.api import nn
from tensorflux.api.nn import _clip


class Dense:
    activation = staticmethod(nn.relu)

    def __call__(self, x):
        from tensorflux._core import kernels

        y = _clip(tfx.constant(x), 0.0, 6.0)
        return self.activation(y), kernels.KERNELS

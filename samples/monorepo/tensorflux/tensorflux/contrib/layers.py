"""Contributed layers. contrib/ has no __init__.py: a namespace package."""
from kerasish.layers import Dense
from tensorflux.api import nn


class ReluDense(Dense):
    activation = staticmethod(nn.relu)

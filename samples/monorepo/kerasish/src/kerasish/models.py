"""Models. models -> training -> callbacks -> models is a ring."""
from __future__ import annotations

import typing

import numpy as np

import tensorflux as tfx
from kerasish import training
from kerasish.layers.core import Dense


class Model(training.Trainer):
    def __init__(self, layers: typing.List[Dense]):
        self.layers = layers

    def predict(self, x):
        return tfx.constant(np.asarray(x))

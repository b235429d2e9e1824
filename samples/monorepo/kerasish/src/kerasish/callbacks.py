"""Callbacks: closes the models -> training -> callbacks -> models ring."""
from kerasish.models import Model


def default_callbacks(model: Model):
    return [model]

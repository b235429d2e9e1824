"""Layers."""
from .core import Dense

__all__ = ["Dense"]

"""Generate API docs. A script: its name cannot be imported."""
import importlib
import sys

import tensorflux
from kerasish import layers

MODULES = ["tensorflux.api.nn", "kerasish.models"]


def main(argv):
    contrib = importlib.import_module("tensorflux.contrib.layers")
    for name in argv[1:] or MODULES:
        module = importlib.import_module(name)
        print(module.__name__, module.__doc__, file=sys.stdout)
    return tensorflux.__version__, layers.Dense, contrib


if __name__ == "__main__":
    main(sys.argv)

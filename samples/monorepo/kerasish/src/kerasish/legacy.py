"""Old API kept for compatibility. Line 7 is broken on purpose."""
import warnings

from kerasish.models import Model


def old_fit(model: Model, x, y)
    warnings.warn("use Model.fit", DeprecationWarning)
    return model.fit(x, y)

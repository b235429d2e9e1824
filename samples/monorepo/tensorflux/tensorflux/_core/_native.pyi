# Stub of a native module that is built at install time; no .py beside it.
from tensorflux._core.dtypes import DType

def matmul(a: object, b: object, dtype: DType) -> object: ...

"""Data types."""
import enum


class DType(enum.Enum):
    FLOAT32 = "float32"
    INT32 = "int32"


float32 = DType.FLOAT32
int32 = DType.INT32

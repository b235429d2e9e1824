"""Repository tools (not shipped in either distribution)."""

"""Private core of tensorflux (underscore package)."""

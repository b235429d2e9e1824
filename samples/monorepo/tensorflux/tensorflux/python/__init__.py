"""tensorflux internals: private by configuration (pyseam.toml)."""

"""iCanvas Desktop: a child draws, a small on-device model turns the sketch into a picture."""

__version__ = "0.1.0"

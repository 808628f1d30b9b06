"""Lunar Station: build the International Lunar Research Station at the Moon's south pole."""

__version__ = "0.1.0"

"""Sunlight at the pole: the Sun circles low over the horizon once a lunar day, and ridges hide it.

Each tile kind is lit while the Sun stands within an arc of the horizon centred on `lit_arc_centre_deg`
and `sunlight` × 360° wide, so a peak is lit most of the lunar day, a slope half, a crater floor never.
"""

from __future__ import annotations

import numpy as np


def sun_azimuth_deg(hour: float, synodic_day_hours: float) -> float:
    """Where the Sun stands on the horizon (degrees) `hour` hours into the level."""
    return (hour / synodic_day_hours * 360.0) % 360.0


def is_lit(sunlight: float, lit_arc_centre_deg: float, azimuth_deg: float) -> bool:
    """Whether ground lit `sunlight` of the lunar day sees the Sun at this azimuth."""
    if sunlight <= 0.0:
        return False
    if sunlight >= 1.0:
        return True
    offset = abs((azimuth_deg - lit_arc_centre_deg + 180.0) % 360.0 - 180.0)
    return offset <= sunlight * 180.0


def lit_shares(sunlight: float, lit_arc_centre_deg: float, hours: np.ndarray, synodic_day_hours: float) -> np.ndarray:
    """is_lit at every hour of `hours` at once (1.0 lit, 0.0 dark), the same figures as hour by hour."""
    if sunlight <= 0.0 or sunlight >= 1.0:
        return np.full(len(hours), 1.0 if sunlight >= 1.0 else 0.0)
    azimuths = (hours / synodic_day_hours * 360.0) % 360.0
    offsets = np.abs((azimuths - lit_arc_centre_deg + 180.0) % 360.0 - 180.0)
    return (offsets <= sunlight * 180.0).astype(np.float64)


def longest_dark_hours(sunlight: float, synodic_day_hours: float) -> float:
    """The longest dark spell in hours: in this model the dark part of the day comes in one piece."""
    return (1.0 - min(1.0, max(0.0, sunlight))) * synodic_day_hours
